"use client";

import { forwardRef, useSyncExternalStore } from "react";
import { type FieldErrors, useFormState } from "react-hook-form";
import { focusField } from "./checks-list";
import { fieldId } from "./field-paths";
import type { RequestFormValues } from "./form-schema";
import { useIssueStore } from "./issue-context";
import styles from "./request-form.module.css";

interface SummaryItem {
  field: string;
  message: string;
}

/** The resolver's errors as a flat list of field names and messages. */
function flattenErrors(errors: FieldErrors, prefix = ""): SummaryItem[] {
  const out: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === "ref" || key === "root") continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "object" && "message" in value && typeof value.message === "string") {
      out.push({ field: name, message: value.message });
    } else if (typeof value === "object") {
      out.push(...flattenErrors(value as FieldErrors, name));
    }
  }
  return out;
}

/**
 * Shown after a save or submit that could not go through: every error with a link that moves
 * focus to its field, plus the server's own message. role="alert" so it is announced when it
 * appears; the form focuses it.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { problem?: string; visible: boolean }>(function ErrorSummary(
  { problem, visible },
  ref,
) {
  const store = useIssueStore();
  const issues = useSyncExternalStore(store.subscribe, store.allIssues, store.allIssues);
  const { errors } = useFormState<RequestFormValues>();
  const items: SummaryItem[] = [
    ...flattenErrors(errors),
    ...issues.filter((i) => i.severity === "error").map((i) => ({ field: i.field, message: i.message })),
  ];
  const show = visible && (items.length > 0 || problem);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className={show ? styles.errorSummary : undefined}
      data-testid="error-summary"
    >
      {show && (
        <>
          <h2 className={styles.errorSummaryTitle}>
            {items.length > 0
              ? `${items.length} problem${items.length === 1 ? "" : "s"} to fix before this request can be sent`
              : "The request could not be saved"}
          </h2>
          {problem && <p>{problem}</p>}
          <ul>
            {items.map((item) => (
              <li key={`${item.field}-${item.message}`}>
                <a
                  href={`#${fieldId(item.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(item.field);
                  }}
                >
                  {item.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});
