/** The validation engine: one entry point, the code catalogue and the path helpers. */
export { VALIDATION_CODES, type ValidationCode, type ValidationCodeInfo } from "./codes";
export { checkInputLimits, MAX_REQUEST_BYTES, MAX_REQUEST_DEPTH } from "./input-limits";
export { type ParseTableRequestResult, parseTableRequest } from "./parse";
export { formatIssuePath, type PathSegment, parseIssuePath } from "./paths";
export type { IssueSeverity, IssueSource, ValidationIssue, ValidationResult } from "./types";
export { checkParsedTableRequest, validateTableRequest } from "./validate-table-request";
export { MAX_SCHEMA_ISSUES, mapZodIssues } from "./zod-issues";
