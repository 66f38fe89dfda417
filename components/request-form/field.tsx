"use client";

import type { ReactNode } from "react";
import { fieldId } from "./field-paths";
import { useFieldIssues } from "./issue-context";
import styles from "./request-form.module.css";

/** What a control needs from its Field to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

export interface FieldProps {
  /** The form field name (`globalSecondaryIndexes.0.name`); issues on it show here. */
  name: string;
  label: ReactNode;
  help?: string;
  /** "checkbox" puts the label after the control, on one line. */
  layout?: "stacked" | "checkbox";
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its help text and its issues (resolver, engine, server), wired for screen readers. */
export function Field({ name, label, help, layout = "stacked", className, children }: FieldProps) {
  const id = fieldId(name);
  const { resolverError, issues } = useFieldIssues(name);
  const helpId = help ? `${id}-help` : undefined;
  const issuesId = resolverError || issues.length > 0 ? `${id}-issues` : undefined;
  const hasError = Boolean(resolverError) || issues.some((issue) => issue.severity === "error");
  const control = children({
    id,
    "aria-describedby": [issuesId, helpId].filter(Boolean).join(" ") || undefined,
    "aria-invalid": hasError || undefined,
  });
  return (
    <div className={`${layout === "checkbox" ? styles.checkField : styles.field} ${className ?? ""}`}>
      {layout === "checkbox" ? (
        <label htmlFor={id} className={styles.checkLabel}>
          {control}
          <span>{label}</span>
        </label>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {control}
        </>
      )}
      {issuesId && <IssueList id={issuesId} resolverError={resolverError} issues={issues} />}
      {help && (
        <p id={helpId} className={styles.help}>
          {help}
        </p>
      )}
    </div>
  );
}

function IssueList({
  id,
  resolverError,
  issues,
}: {
  id: string;
  resolverError?: string;
  issues: ReturnType<typeof useFieldIssues>["issues"];
}) {
  return (
    <ul id={id} className={styles.issues}>
      {resolverError && <li className={styles.issueError}>{resolverError}</li>}
      {issues.map((issue) => (
        <li
          key={`${issue.code}-${issue.message}`}
          className={issue.severity === "error" ? styles.issueError : styles.issueWarning}
        >
          <span className="visually-hidden">{issue.severity === "error" ? "Error: " : "Warning: "}</span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Issues on a whole section or list (e.g. `regions.replicas` for "MRSC needs exactly 3 Regions"):
 * it registers the name so such findings land here rather than nowhere, and is the element a
 * check link moves the keyboard to (so it exists, focusable, even while it has nothing to say).
 */
export function SectionIssues({ name, isAnchor = true }: { name: string; isAnchor?: boolean }) {
  const { issues } = useFieldIssues(name);
  // A Section's fieldset is its own anchor (same id); the list inside it must not repeat the id.
  if (!isAnchor) return issues.length > 0 ? <IssueList id={`${fieldId(name)}-issues`} issues={issues} /> : null;
  return (
    <div id={fieldId(name)} tabIndex={-1} className={styles.sectionIssues}>
      {issues.length > 0 && <IssueList id={`${fieldId(name)}-issues`} issues={issues} />}
    </div>
  );
}
