import type { TableRequest } from "../request/schema";

export type IssueSeverity = "error" | "warning";

/**
 * Where a rule comes from: the request contract itself (`schema`), DynamoDB's API (`aws`), the
 * Terraform provider (`provider`), the tier policy (`policy`) or platform-team advice (`advice`).
 */
export type IssueSource = "schema" | "aws" | "provider" | "policy" | "advice";

/** One finding, shown next to the field that `path` names (e.g. `globalSecondaryIndexes[2].name`). */
export interface ValidationIssue {
  path: string;
  code: string;
  severity: IssueSeverity;
  message: string;
  source: IssueSource;
}

export interface ValidationResult {
  /** True when no issue has severity `error`; warnings do not block a request. */
  valid: boolean;
  issues: ValidationIssue[];
  /** The parsed request with defaults applied, present whenever the shape parsed. */
  request?: TableRequest;
}
