import type { AssumeRoleTarget } from "../domain/accounts/account-target";
import type { Permission } from "../domain/auth/permissions";
import type { TierPolicy } from "../domain/policy/schema";
import type { TableRequest } from "../domain/request/schema";
import type { ValidationIssue } from "../domain/validation/types";
import type { ChangeRequestStatus } from "./schemas";

export interface SubmitInput {
  request: unknown;
  title?: string;
  /** Keep it a draft instead of submitting it for review. */
  draft: boolean;
  idempotencyKey?: string;
}

export interface SubmitResult {
  key: string;
  status: string;
  version: number;
  currentRevision: number;
  url: string;
  replayed: boolean;
}

/**
 * The submit result of a created change request (the body `POST /change-requests` answers, or
 * `createChangeRequest` returns) with its page URL: the same shape from either backend.
 */
export function submitResultOf(created: unknown, pageUrl: (key: string) => string, replayed: boolean): SubmitResult {
  const body = created as { key: string; status: string; version: number; currentRevision: number };
  return {
    key: body.key,
    status: body.status,
    version: body.version,
    currentRevision: body.currentRevision,
    url: pageUrl(body.key),
    replayed,
  };
}

/**
 * What differs between the two ways the MCP server runs. Over stdio (`tablewright mcp`) the engine
 * runs locally under the default tier policy and submit/status call a portal's REST API with a
 * token; inside the portal (`/api/mcp`) everything runs as the token's actor, under the portal's
 * policy and with its live checks. The tools themselves are the same.
 */
export interface McpBackend {
  policy: TierPolicy;
  /** Whether the caller may do this (the token's scopes over HTTP; the portal decides over stdio). */
  can(permission: Permission): boolean;
  /** Checks beyond the validator (the portal: does the table name already exist in AWS?). */
  checkLive?(request: TableRequest): Promise<ValidationIssue[]>;
  /**
   * The account a request's team and tier are mapped to (the portal's account targets), so render
   * writes the provider's assume_role as the portal's module would. Absent: the default account.
   */
  accountTargetFor?(request: TableRequest): Promise<AssumeRoleTarget | undefined>;
  /** Creates a change request; throws ToolError or AppError for anything the caller can fix. */
  submit(input: SubmitInput): Promise<SubmitResult>;
  status(key: string): Promise<ChangeRequestStatus>;
  /** Records an unexpected failure; returns a reference to quote (a request id), if there is one. */
  reportUnexpected(error: unknown, tool: string): string | undefined;
}
