import { labelRequestPath } from "@/lib/domain/labels/field-labels";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import styles from "./request-detail.module.css";

const SOURCE_LABEL: Record<string, string> = {
  schema: "request format",
  aws: "DynamoDB limit",
  provider: "Terraform provider",
  policy: "tier policy",
  advice: "platform advice",
};

function IssueList({ issues }: { issues: ValidationIssue[] }) {
  return (
    <ul className={styles.issues}>
      {issues.map((issue) => (
        <li
          key={`${issue.code}-${issue.path}`}
          className={issue.severity === "error" ? styles.issueError : styles.issueWarning}
        >
          <strong>{issue.severity === "error" ? "Error" : "Warning"}</strong>{" "}
          <span className={styles.tag}>{SOURCE_LABEL[issue.source] ?? issue.source}</span> {issue.message}{" "}
          {issue.path && (
            <span className={styles.path} title={issue.path}>
              ({labelRequestPath(issue.path)})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The stored validation of the current revision, split so reviewers see the tier policy's findings
 * apart from the other warnings (a policy finding usually needs a conversation, not a fix).
 */
export function ValidationIssues({ issues, headingLevel = 3 }: { issues: ValidationIssue[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as "h3";
  const policy = issues.filter((i) => i.source === "policy");
  const other = issues.filter((i) => i.source !== "policy");
  if (issues.length === 0) {
    return (
      <p className={styles.flagsClear} data-testid="validation-issues">
        <strong>No warnings.</strong> The request passes every validation and policy rule.
      </p>
    );
  }
  return (
    <div data-testid="validation-issues">
      <Heading className={styles.subheading}>Policy findings ({policy.length})</Heading>
      {policy.length ? <IssueList issues={policy} /> : <p className={styles.muted}>None.</p>}
      <Heading className={styles.subheading}>Validation warnings ({other.length})</Heading>
      {other.length ? <IssueList issues={other} /> : <p className={styles.muted}>None.</p>}
    </div>
  );
}
