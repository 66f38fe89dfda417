import { type TableRequest, TableRequestSchema } from "../request/schema";
import { checkInputLimits, MAX_REQUEST_BYTES, MAX_REQUEST_DEPTH } from "./input-limits";
import { createIssueReport } from "./report";
import type { ValidationIssue } from "./types";
import { mapZodIssues } from "./zod-issues";

export type ParseTableRequestResult =
  | { success: true; request: TableRequest; issues: [] }
  | { success: false; issues: ValidationIssue[] };

/**
 * Checks size limits, then parses `input` with `TableRequestSchema`, applying defaults. Never
 * throws; zod's findings become issues with stable `SCHEMA_*` codes and string paths.
 */
export function parseTableRequest(input: unknown): ParseTableRequestResult {
  const report = createIssueReport();
  const limit = checkInputLimits(input);
  if (limit?.kind === "too-large") {
    report.add("INPUT_TOO_LARGE", "", `The request is larger than ${MAX_REQUEST_BYTES} bytes (1 MiB); shorten it.`);
    return { success: false, issues: report.issues };
  }
  if (limit?.kind === "too-deep") {
    report.add("INPUT_TOO_DEEP", "", `The request nests deeper than ${MAX_REQUEST_DEPTH} levels.`);
    return { success: false, issues: report.issues };
  }
  let parsed: ReturnType<typeof TableRequestSchema.safeParse>;
  try {
    parsed = TableRequestSchema.safeParse(input);
  } catch (error) {
    // zod does not throw on data, but a JavaScript caller can pass getters or proxies that do.
    report.add("SCHEMA_INVALID", "", `The request could not be read: ${(error as Error).message}`);
    return { success: false, issues: report.issues };
  }
  if (parsed.success) return { success: true, request: parsed.data, issues: [] };
  return { success: false, issues: mapZodIssues(parsed.error.issues, input) };
}
