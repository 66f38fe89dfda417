import type { z } from "zod";
import { createIssueReport } from "./report";
import type { ValidationIssue } from "./types";

/** Shape problems listed at most; a hostile array can make zod report one per element. */
export const MAX_SCHEMA_ISSUES = 100;

/**
 * Maps zod issues to field issues with stable `SCHEMA_*` codes and string paths (one per unknown
 * key), capped at MAX_SCHEMA_ISSUES. The one mapper for every zod parse whose findings reach a
 * person: table requests, API bodies, query strings and path parameters, CLI policy files.
 * `input` is what was parsed, to tell a missing field from a wrong type.
 */
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
