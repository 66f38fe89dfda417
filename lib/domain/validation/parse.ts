import type { z } from "zod";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { checkInputLimits, MAX_REQUEST_BYTES, MAX_REQUEST_DEPTH } from "./input-limits";
import { createIssueReport } from "./report";
import type { ValidationIssue } from "./types";

/** Shape problems listed at most; a hostile array can make zod report one per element. */
export const MAX_SCHEMA_ISSUES = 100;

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

/** Maps zod issues to validation issues (one per unknown key), capped at MAX_SCHEMA_ISSUES. */
export function mapZodIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown): ValidationIssue[] {
  const report = createIssueReport();
  let truncated = false;
  for (const issue of zodIssues) {
    if (report.issues.length >= MAX_SCHEMA_ISSUES) {
      truncated = true;
      break;
    }
    const path = issue.path as PropertyKey[];
    switch (issue.code) {
      case "invalid_type": {
        const value = valueAtPath(input, path);
        if (value === undefined)
          report.add("SCHEMA_REQUIRED", path, `Required field is missing (expected ${issue.expected}).`);
        else report.add("SCHEMA_INVALID_TYPE", path, `Expected ${issue.expected}, got ${describeValue(value)}.`);
        break;
      }
      case "invalid_value":
        report.add("SCHEMA_INVALID_VALUE", path, `Expected one of ${listValues(issue.values)}.`);
        break;
      case "invalid_union":
        if (issue.discriminator !== undefined) {
          const value = valueAtPath(input, path);
          const options = (issue as { options?: unknown[] }).options ?? [];
          if (value === undefined)
            report.add("SCHEMA_REQUIRED", path, `Required field is missing (one of ${listValues(options)}).`);
          else report.add("SCHEMA_INVALID_VALUE", path, `Expected one of ${listValues(options)}.`);
        } else {
          report.add("SCHEMA_INVALID", path, issue.message);
        }
        break;
      case "unrecognized_keys":
        for (const key of issue.keys) {
          if (report.issues.length >= MAX_SCHEMA_ISSUES) {
            truncated = true;
            break;
          }
          report.add(
            "SCHEMA_UNKNOWN_FIELD",
            [...path, key] as (string | number)[],
            `Unknown field "${truncate(key)}".`,
          );
        }
        break;
      case "too_big":
        report.add("SCHEMA_TOO_BIG", path, `Too big: at most ${String(issue.maximum)}${unitOf(issue.origin)}.`);
        break;
      case "too_small":
        report.add("SCHEMA_TOO_SMALL", path, `Too small: at least ${String(issue.minimum)}${unitOf(issue.origin)}.`);
        break;
      default:
        report.add("SCHEMA_INVALID", path, issue.message);
    }
  }
  if (truncated) {
    report.add(
      "SCHEMA_TOO_MANY_ISSUES",
      "",
      `More than ${MAX_SCHEMA_ISSUES} shape problems; only the first ${MAX_SCHEMA_ISSUES} are listed.`,
    );
  }
  return report.issues;
}

function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v));
  return values.length > 8 ? `${shown.join(", ")}, ... (${values.length} values)` : shown.join(", ");
}

function unitOf(origin: string): string {
  if (origin === "string") return " characters";
  if (origin === "array" || origin === "set") return " items";
  return "";
}

function truncate(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}...` : text;
}
