import { isAppError } from "../domain/app-error";
import type { ToolFailure } from "./schemas";

type Issue = ToolFailure["issues"][number];

/**
 * A tool call that failed for a reason the caller can act on: a field-level problem, a refused
 * scope, an unknown change request, an unreachable portal. It becomes a tool result with
 * `isError: true` (never a protocol error), so an agent reads it and corrects its arguments.
 */
export class ToolError extends Error {
  readonly code: string;
  readonly issues: Issue[];

  constructor(code: string, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = "ToolError";
    this.code = code;
    this.issues = [...issues];
  }
}

/** `request.tableName` for `tableName`: issue paths point into the tool's arguments. */
export function prefixIssues<T extends { path: string }>(prefix: string, issues: readonly T[]): T[] {
  return issues.map((issue) => ({
    ...issue,
    path:
      issue.path === "" ? prefix : issue.path.startsWith("[") ? `${prefix}${issue.path}` : `${prefix}.${issue.path}`,
  }));
}

/** Keeps the fields of the FieldIssue contract only (path, code, message, severity, source). */
function toIssue(issue: { path: string; code: string; message: string; severity?: string; source?: string }): Issue {
  return {
    path: issue.path,
    code: issue.code,
    message: issue.message,
    ...(issue.severity === "error" || issue.severity === "warning" ? { severity: issue.severity } : {}),
    ...(issue.source ? { source: issue.source } : {}),
  };
}

/** A ToolError or the engine's AppError as the failure payload; anything else is not the caller's fault. */
export function toToolFailure(error: unknown): ToolFailure | undefined {
  if (error instanceof ToolError)
    return { code: error.code, message: error.message, issues: error.issues.map(toIssue) };
  if (isAppError(error)) return { code: error.code, message: error.message, issues: error.issues.map(toIssue) };
  return undefined;
}
