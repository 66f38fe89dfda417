import * as z from "zod";
import { AccountTargetInputSchema } from "@/lib/domain/accounts/account-target";
import type { Permission } from "@/lib/domain/auth/permissions";
import { TableRequestSchema } from "@/lib/domain/request/schema";
import {
  AccountTargetIdParamsSchema,
  AccountTargetListSchema,
  AccountTargetSchema,
  ApproveBodySchema,
  AuditListSchema,
  ChangeRequestDetailSchema,
  ChangeRequestKeyParamsSchema,
  ChangeRequestPageSchema,
  CommentBodySchema,
  CommentSchema,
  CostEstimateSchema,
  CreateChangeRequestBodySchema,
  CreatedTokenSchema,
  CreateTokenBodySchema,
  DiffParamsSchema,
  DrPreviewSchema,
  ImportBodySchema,
  ImportResultSchema,
  ListQuerySchema,
  LiveCheckStatusSchema,
  ManagedTableDetailSchema,
  ManagedTablePageSchema,
  ReasonBodySchema,
  RenderResultSchema,
  ReviseBodySchema,
  RevisionDiffSchema,
  RevisionParamsSchema,
  SetTeamBudgetBodySchema,
  TableIdParamsSchema,
  TableListQuerySchema,
  TeamBudgetSchema,
  TeamSlugParamsSchema,
  TokenIdParamsSchema,
  TokenListSchema,
  TransitionBodySchema,
  TransitionResultSchema,
  ValidationResultSchema,
  VerificationResultSchema,
} from "./schemas";

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** One REST endpoint: the single source for its handler options, the OpenAPI document and the authorisation matrix. */
export interface RouteSpec {
  method: "get" | "post" | "delete";
  /** OpenAPI path template, e.g. /api/v1/change-requests/{key}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Engine" | "Change requests" | "Tables" | "Budgets" | "Tokens" | "Accounts" | "Reference";
  auth: "required" | "none";
  permission?: Permission;
  body?: z.ZodType;
  /** Parse with this instead of `body` (which stays the documented shape), e.g. to let the validator report on `request`. */
  parseBody?: z.ZodType;
  /** The body is a table request the handler validates itself (issues, not a schema error). */
  tableRequestBody?: boolean;
  query?: z.ZodObject;
  /** The path's `{name}` parameters (a test keeps them in step with `path`); a mismatch is a 400. */
  params?: z.ZodObject;
  headers?: z.ZodObject;
  success: { status: number } & ResponseSpec;
  /** Problem statuses this endpoint can answer besides the common ones (400, 401, 413, 415, 422, 429, 503). */
  errors: number[];
}

const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .max(200)
    .optional()
    .meta({ description: "A retried create with the same key returns the first result (kept 24 h)." }),
});
const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .meta({ description: 'The version you last saw, e.g. "3" (same as expectedVersion).' }),
});

export const TABLE_REQUEST_EXAMPLE = {
  owner: { team: "checkout", service: "cart", requester: "dana@example.com", costCenter: "CC-1234", purpose: "Carts" },
  tier: "dev",
  tableName: "carts-dev",
  partitionKey: { name: "cartId", type: "S" },
  billing: { mode: "PAY_PER_REQUEST" },
  regions: { primary: "eu-west-1" },
  tags: { Team: "checkout", CostCenter: "CC-1234", Environment: "dev" },
};

const engineRoute = (
  operationId: string,
  path: string,
  summary: string,
  schema: z.ZodType,
  description: string,
): RouteSpec & { auth: "required"; tableRequestBody: true } => ({
  method: "post",
  path,
  operationId,
  summary,
  description,
  tag: "Engine",
  auth: "required",
  permission: "requests.read",
  body: TableRequestSchema,
  tableRequestBody: true,
  success: { status: 200, description: summary, schema },
  errors: [422],
});

const transitionRoute = <B extends z.ZodType>(
  operationId: string,
  action: string,
  permission: Permission,
  body: B,
  summary: string,
  extraErrors: number[] = [],
): RouteSpec & { auth: "required"; body: B; params: typeof ChangeRequestKeyParamsSchema } => ({
  method: "post",
  path: `/api/v1/change-requests/{key}/${action}`,
  operationId,
  summary,
  tag: "Change requests",
  auth: "required",
  permission,
  body,
  params: ChangeRequestKeyParamsSchema,
  headers: ifMatchHeader,
  success: { status: 200, description: "The new status and version.", schema: TransitionResultSchema },
  errors: [403, 404, 409, ...extraErrors],
});

/** Every endpoint under /api/v1. A route file without an entry here fails the authorisation matrix test. */
export const API_ROUTES = {
  validate: engineRoute(
    "validateTableRequest",
    "/api/v1/validate",
    "Validate a table request",
    ValidationResultSchema,
    "Every AWS limit, cross-field rule and tier-policy finding with its field path and code. Answers 200 with valid: false for an invalid request.",
  ),
  estimate: engineRoute(
    "estimateCost",
    "/api/v1/estimate",
    "Estimate the monthly cost per Region",
    CostEstimateSchema,
    "AWS's per-Region DynamoDB prices applied to the request's workload (or the tier's default range).",
  ),
  render: engineRoute(
    "renderModule",
    "/api/v1/render",
    "Render the Terraform module",
    RenderResultSchema,
    "The module files as JSON, exactly what a change request would store.",
  ),
  drPreview: engineRoute(
    "previewDr",
    "/api/v1/dr-preview",
    "Preview the DR pattern per Region",
    DrPreviewSchema,
    "Each Region's role, RPO/RTO with their AWS basis, failover runbook and cost share.",
  ),
  createChangeRequest: {
    method: "post",
    path: "/api/v1/change-requests",
    operationId: "createChangeRequest",
    summary: "Create a change request",
    description:
      "Validates, prices, previews, renders and stores revision 1. With `submit: true` the request must be valid (422 otherwise). A draft (`submit` false or left out) is stored whatever its validation state, shape errors included (only the size limits and an owning team you belong to are required); its issues are stored with it and it cannot be submitted until a valid revision replaces it. Honours Idempotency-Key.",
    tag: "Change requests",
    auth: "required",
    permission: "requests.write",
    body: CreateChangeRequestBodySchema,
    parseBody: CreateChangeRequestBodySchema.extend({ request: z.unknown() }),
    headers: idempotencyHeader,
    success: { status: 201, description: "Created.", schema: TransitionResultSchema },
    errors: [403, 409, 422],
  },
  listChangeRequests: {
    method: "get",
    path: "/api/v1/change-requests",
    operationId: "listChangeRequests",
    summary: "List change requests",
    description: "Newest first (or oldest), cursor-paginated in a stable order. Developers see their teams' requests.",
    tag: "Change requests",
    auth: "required",
    permission: "requests.read",
    query: ListQuerySchema,
    success: { status: 200, description: "One page.", schema: ChangeRequestPageSchema },
    errors: [],
  },
  getChangeRequest: {
    method: "get",
    path: "/api/v1/change-requests/{key}",
    params: ChangeRequestKeyParamsSchema,
    operationId: "getChangeRequest",
    summary: "Get a change request",
    tag: "Change requests",
    auth: "required",
    permission: "requests.read",
    success: {
      status: 200,
      description: "The request, its current revision and history.",
      schema: ChangeRequestDetailSchema,
    },
    errors: [404],
  },
  addRevision: {
    method: "post",
    path: "/api/v1/change-requests/{key}/revisions",
    params: ChangeRequestKeyParamsSchema,
    operationId: "addRevision",
    summary: "Add a revision",
    description:
      "A submitted or changes-requested request goes back to review (the request must be valid; earlier approvals are cleared). A draft stays a draft and, like a new draft, is stored whatever its validation state. `title` renames the request.",
    tag: "Change requests",
    auth: "required",
    permission: "requests.write",
    body: ReviseBodySchema,
    parseBody: ReviseBodySchema.extend({ request: z.unknown() }),
    headers: ifMatchHeader,
    success: { status: 201, description: "The new revision.", schema: TransitionResultSchema },
    errors: [403, 404, 409, 422],
  },
  submit: {
    ...transitionRoute(
      "submitChangeRequest",
      "submit",
      "requests.write",
      TransitionBodySchema,
      "Submit for review",
      [422],
    ),
    description: "422 with the stored issues when the current revision is a draft saved with errors.",
  },
  approve: transitionRoute(
    "approveChangeRequest",
    "approve",
    "requests.decide_routed",
    ApproveBodySchema,
    "Approve the revision you reviewed",
  ),
  reject: transitionRoute(
    "rejectChangeRequest",
    "reject",
    "requests.decide_routed",
    ReasonBodySchema,
    "Reject with a reason",
    [422],
  ),
  requestChanges: transitionRoute(
    "requestChanges",
    "request-changes",
    "requests.decide_routed",
    ReasonBodySchema,
    "Request changes with a reason",
    [422],
  ),
  withdraw: transitionRoute("withdrawChangeRequest", "withdraw", "requests.write", TransitionBodySchema, "Withdraw"),
  addComment: {
    method: "post",
    path: "/api/v1/change-requests/{key}/comments",
    params: ChangeRequestKeyParamsSchema,
    operationId: "addComment",
    summary: "Comment on the current revision",
    tag: "Change requests",
    auth: "required",
    permission: "requests.read",
    body: CommentBodySchema,
    success: { status: 201, description: "The comment.", schema: CommentSchema },
    errors: [403, 404, 422],
  },
  getBundle: {
    method: "get",
    path: "/api/v1/change-requests/{key}/revisions/{revision}/bundle",
    params: RevisionParamsSchema,
    operationId: "downloadBundle",
    summary: "Download the approved module bundle",
    description:
      "The stored zip of the approved revision, byte for byte what was reviewed. ETag and X-Checksum-SHA256 carry its SHA-256.",
    tag: "Change requests",
    auth: "required",
    permission: "requests.read",
    success: { status: 200, description: "The zip.", contentType: "application/zip" },
    errors: [404, 409],
  },
  diffRevisions: {
    method: "get",
    path: "/api/v1/change-requests/{key}/revisions/{revision}/diff/{to}",
    params: DiffParamsSchema,
    operationId: "diffRevisions",
    summary: "Diff two revisions",
    description: "Changed request fields, a unified diff per module file, and change-safety flags.",
    tag: "Change requests",
    auth: "required",
    permission: "requests.read",
    success: { status: 200, description: "The diff.", schema: RevisionDiffSchema },
    errors: [404],
  },
  audit: {
    method: "get",
    path: "/api/v1/change-requests/{key}/audit",
    params: ChangeRequestKeyParamsSchema,
    operationId: "listAuditEvents",
    summary: "The audit trail of a change request",
    tag: "Change requests",
    auth: "required",
    permission: "requests.read",
    success: { status: 200, description: "Oldest first.", schema: AuditListSchema },
    errors: [404],
  },
  verify: {
    method: "post",
    path: "/api/v1/change-requests/{key}/verify",
    params: ChangeRequestKeyParamsSchema,
    operationId: "verifyChangeRequest",
    summary: "Compare the live table with the approved revision",
    tag: "Change requests",
    auth: "required",
    permission: "aws.check",
    success: {
      status: 200,
      description: "Verified, drifted (with differences) or unavailable.",
      schema: VerificationResultSchema,
    },
    errors: [403, 404, 409],
  },
  importTable: {
    method: "post",
    path: "/api/v1/imports",
    operationId: "importExistingTable",
    summary: "Adopt an existing table: a change request with Terraform import blocks",
    description:
      "Reads the live table (DescribeTable, DescribeContinuousBackups, DescribeTimeToLive, ListTagsOfResource), builds the request it implies and stores it with an imports.tf, so applying the approved module changes nothing. 409 when live checks are off or AWS cannot be reached.",
    tag: "Change requests",
    auth: "required",
    permission: "aws.check",
    body: ImportBodySchema,
    success: { status: 201, description: "The change request.", schema: ImportResultSchema },
    errors: [403, 404, 409, 422],
  },
  listTables: {
    method: "get",
    path: "/api/v1/tables",
    operationId: "listManagedTables",
    summary: "List managed tables",
    description:
      "The inventory: tables added by approved create requests and imports, redefined by later approvals. Newest first or by monthly cost, cursor-paginated (keyset: deep pages are as fast as the first). Developers see their teams' tables.",
    tag: "Tables",
    auth: "required",
    permission: "requests.read",
    query: TableListQuerySchema,
    success: { status: 200, description: "One page.", schema: ManagedTablePageSchema },
    errors: [],
  },
  getTable: {
    method: "get",
    path: "/api/v1/tables/{id}",
    params: TableIdParamsSchema,
    operationId: "getManagedTable",
    summary: "Get a managed table",
    description: "Its approved definition, live status, cost, DR pattern and the timeline of its change requests.",
    tag: "Tables",
    auth: "required",
    permission: "requests.read",
    success: { status: 200, description: "The table.", schema: ManagedTableDetailSchema },
    errors: [404],
  },
  liveChecks: {
    method: "get",
    path: "/api/v1/live-checks",
    operationId: "getLiveCheckStatus",
    summary: "Whether live checks against AWS are on, and how",
    tag: "Reference",
    auth: "required",
    permission: "requests.read",
    success: { status: 200, description: "The status, in words people can act on.", schema: LiveCheckStatusSchema },
    errors: [],
  },
  listTokens: {
    method: "get",
    path: "/api/v1/tokens",
    operationId: "listTokens",
    summary: "Your API tokens",
    tag: "Tokens",
    auth: "required",
    permission: "tokens.manage",
    success: { status: 200, description: "Never includes secrets.", schema: TokenListSchema },
    errors: [403],
  },
  createToken: {
    method: "post",
    path: "/api/v1/tokens",
    operationId: "createToken",
    summary: "Create an API token (signed-in session only)",
    tag: "Tokens",
    auth: "required",
    permission: "tokens.manage",
    body: CreateTokenBodySchema,
    success: { status: 201, description: "The token, with its secret shown once.", schema: CreatedTokenSchema },
    errors: [403, 422],
  },
  getTeamBudget: {
    method: "get",
    path: "/api/v1/teams/{slug}/budget",
    params: TeamSlugParamsSchema,
    operationId: "getTeamBudget",
    summary: "A team's monthly budget and what its managed tables cost",
    description:
      "Members see their teams' budgets; approvers and admins see every team's. Committed cost sums the estimate of each request's last approved revision.",
    tag: "Budgets",
    auth: "required",
    permission: "requests.read",
    success: {
      status: 200,
      description: "The budget (null when none) and the committed cost.",
      schema: TeamBudgetSchema,
    },
    errors: [404],
  },
  setTeamBudget: {
    method: "post",
    path: "/api/v1/teams/{slug}/budget",
    params: TeamSlugParamsSchema,
    operationId: "setTeamBudget",
    summary: "Set or remove a team's monthly budget (administrators)",
    tag: "Budgets",
    auth: "required",
    permission: "admin",
    body: SetTeamBudgetBodySchema,
    success: { status: 200, description: "The budget as stored.", schema: TeamBudgetSchema },
    errors: [403, 404, 422],
  },
  revokeToken: {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    params: TokenIdParamsSchema,
    operationId: "revokeToken",
    summary: "Revoke an API token",
    tag: "Tokens",
    auth: "required",
    permission: "tokens.manage",
    success: { status: 200, description: "Revoked.", schema: z.object({ id: z.string(), revoked: z.boolean() }) },
    errors: [403, 404],
  },
  listAccountTargets: {
    method: "get",
    path: "/api/v1/account-targets",
    operationId: "listAccountTargets",
    summary: "Which AWS account (and role) each team/tier deploys to",
    description:
      "The most specific mapping wins: team and tier, then team, then tier. A team/tier without one uses the portal's default credentials.",
    tag: "Accounts",
    auth: "required",
    permission: "requests.read",
    success: { status: 200, description: "Every mapping.", schema: AccountTargetListSchema },
    errors: [403],
  },
  saveAccountTarget: {
    method: "post",
    path: "/api/v1/account-targets",
    operationId: "saveAccountTarget",
    summary: "Map a team, a tier or both to an AWS account and a role (admins)",
    description:
      "Creates the mapping for the scope or replaces it. Field errors: `accountId` (12 digits), `roleArn` (an IAM role ARN in that account), `team` (an existing team slug), `externalId`.",
    tag: "Accounts",
    auth: "required",
    permission: "admin",
    body: AccountTargetInputSchema,
    success: { status: 200, description: "The saved mapping.", schema: AccountTargetSchema },
    errors: [403, 422],
  },
  deleteAccountTarget: {
    method: "delete",
    path: "/api/v1/account-targets/{id}",
    params: AccountTargetIdParamsSchema,
    operationId: "deleteAccountTarget",
    summary: "Remove a mapping (admins)",
    tag: "Accounts",
    auth: "required",
    permission: "admin",
    success: { status: 200, description: "Removed.", schema: z.object({ id: z.string(), deleted: z.boolean() }) },
    errors: [403, 404],
  },
  openapi: {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApi",
    summary: "This document",
    tag: "Reference",
    auth: "none",
    success: { status: 200, description: "OpenAPI 3.1." },
    errors: [],
  },
  tableRequestSchema: {
    method: "get",
    path: "/api/v1/schemas/table-request",
    operationId: "getTableRequestSchema",
    summary: "The table request as JSON Schema",
    tag: "Reference",
    auth: "none",
    success: { status: 200, description: "JSON Schema 2020-12." },
    errors: [],
  },
} satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof API_ROUTES;
