"use client";

import { useSyncExternalStore } from "react";
import { fieldId } from "./field-paths";
import { useIssueStore } from "./issue-context";
import type { FieldIssue } from "./issue-store";
import styles from "./live-panel.module.css";

const SOURCE_LABEL: Record<FieldIssue["source"], string> = {
  aws: "DynamoDB API",
  provider: "Terraform provider",
  policy: "Tier policy",
  schema: "Request format",
  advice: "Platform advice",
  server: "Server",
};

/** The element for a form field, or for its nearest rendered ancestor (a card, a list, a section). */
function findFieldElement(field: string): HTMLElement | null {
  let candidate = field;
  while (candidate) {
    const element = document.getElementById(fieldId(candidate));
    if (element) return element;
    const cut = candidate.lastIndexOf(".");
    candidate = cut < 0 ? "" : candidate.slice(0, cut);
  }
  return document.getElementById("request-form-top");
}

/** Moves the keyboard to the field an issue names (or its section), scrolled into view. */
export function focusField(field: string) {
  const target = findFieldElement(field);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

function IssueGroup({ title, issues }: { title: string; issues: readonly FieldIssue[] }) {
  const bySource = new Map<FieldIssue["source"], FieldIssue[]>();
  for (const issue of issues) bySource.set(issue.source, [...(bySource.get(issue.source) ?? []), issue]);
  return (
    <section>
      <h3 className={styles.checksHeading}>
        {title} ({issues.length})
      </h3>
      {[...bySource].map(([source, list]) => (
        <div key={source}>
          <h4 className={styles.sourceHeading}>{SOURCE_LABEL[source]}</h4>
          <ul className={styles.checks}>
            {list.map((issue) => (
              <li
                key={`${issue.code}-${issue.path}-${issue.message}`}
                className={styles[issue.severity]}
                data-code={issue.code}
              >
                <a
                  href={`#${fieldId(issue.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(issue.field);
                  }}
                >
                  {issue.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Every finding on the request, errors first, grouped by where the rule comes from; each links to its field. */
export function ChecksList() {
  const store = useIssueStore();
  const issues = useSyncExternalStore(store.subscribe, store.allIssues, store.allIssues);
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (issues.length === 0) {
    return (
      <p className={styles.allClear} data-testid="checks-clear">
        No errors or warnings: the request meets DynamoDB&apos;s limits and the tier policy.
      </p>
    );
  }
  return (
    <div data-testid="checks-list">
      {errors.length > 0 && <IssueGroup title="Errors" issues={errors} />}
      {warnings.length > 0 && <IssueGroup title="Warnings" issues={warnings} />}
    </div>
  );
}
