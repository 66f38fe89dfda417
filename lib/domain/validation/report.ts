import { VALIDATION_CODES, type ValidationCode } from "./codes";
import { formatIssuePath } from "./paths";
import type { ValidationIssue } from "./types";

/** Collects issues; severity and source come from the catalogue so a rule cannot contradict it. */
export interface IssueReport {
  readonly issues: ValidationIssue[];
  add(code: ValidationCode, path: readonly PropertyKey[] | string, message: string): void;
}

/** Creates an empty report. */
export function createIssueReport(): IssueReport {
  const issues: ValidationIssue[] = [];
  return {
    issues,
    add(code, path, message) {
      const info = VALIDATION_CODES[code];
      issues.push({
        path: typeof path === "string" ? path : formatIssuePath(path),
        code,
        severity: info.severity,
        message,
        source: info.source,
      });
    },
  };
}
