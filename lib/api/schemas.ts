import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/domain/auth/scopes";
import { TableRequestSchema } from "@/lib/domain/request/schema";
import { CHANGE_REQUEST_STATUSES, WORKFLOW_ACTIONS } from "@/lib/domain/workflow/state-machine";

/**
 * Request and response shapes of the REST API. Handlers parse bodies with these schemas and the
 * OpenAPI document is generated from them, so the two cannot drift apart. Engine outputs that are
 * large and documented elsewhere (estimate, DR preview) are described by their key fields and
 * allow more.
 */

export const FieldIssueSchema = z
  .object({
    path: z.string().meta({ example: "globalSecondaryIndexes[0].name" }),
    code: z.string().meta({ example: "INDEX_NAME_LENGTH" }),
    message: z.string(),
    severity: z.enum(["error", "warning"]).optional(),
    source: z.string().optional(),
  })
  .meta({ id: "FieldIssue" });

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ example: "urn:tablewright:problem:validation-failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ example: "VALIDATION_FAILED" }),
    requestId: z.string().optional(),
    errors: z.array(FieldIssueSchema).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

export const ValidationResultSchema = z
  .object({ valid: z.boolean(), issues: z.array(FieldIssueSchema) })
  .meta({ id: "ValidationResult" });

const LineItemSchema = z.looseObject({
  component: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPriceUsd: z.number(),
  monthlyUsd: z.number(),
  formula: z.string(),
});

export const CostEstimateSchema = z
  .looseObject({
    currency: z.literal("USD"),
    pricesAsOf: z.string().meta({ example: "2025-08-28" }),
    totalMonthlyUsd: z.number(),
    regions: z.array(z.looseObject({ region: z.string(), monthlyUsd: z.number(), lineItems: z.array(LineItemSchema) })),
    assumptions: z.array(z.string()),
    alternatives: z.looseObject({}),
  })
  .meta({ id: "CostEstimate", description: "Monthly cost per Region with the working behind each line." });

export const DrPreviewSchema = z
  .looseObject({
    pattern: z.string().meta({ example: "ACTIVE_PASSIVE" }),
    derived: z.boolean(),
    rpo: z.looseObject({ value: z.string(), basis: z.string() }),
    rto: z.looseObject({ value: z.string(), basis: z.string() }),
    regions: z.array(z.looseObject({ region: z.string(), role: z.string() })),
    edges: z.array(z.looseObject({ from: z.string(), to: z.string(), kind: z.string() })),
    issues: z.array(z.looseObject({ code: z.string(), severity: z.string(), message: z.string() })),
  })
  .meta({ id: "DrPreview", description: "Each Region's role, RPO/RTO with their AWS basis, and failover runbook." });

export const RenderResultSchema = z
  .object({
    files: z.record(z.string(), z.string()).meta({ description: "Module file path -> content." }),
    warnings: z.array(FieldIssueSchema),
  })
  .meta({ id: "RenderResult" });

export const CreateChangeRequestBodySchema = z
  .strictObject({
    request: TableRequestSchema,
    title: z.string().max(200).optional(),
    submit: z.boolean().optional().meta({ description: "Submit for review at once instead of saving a draft." }),
  })
  .meta({ id: "CreateChangeRequest" });

export const ReviseBodySchema = z
  .strictObject({
    request: TableRequestSchema,
    expectedVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The version you edited (or send If-Match)." }),
  })
  .meta({ id: "ReviseChangeRequest" });

export const TransitionBodySchema = z
  .strictObject({ expectedVersion: z.number().int().positive().optional() })
  .meta({ id: "TransitionBody" });

export const ApproveBodySchema = z
  .strictObject({
    revision: z
      .number()
      .int()
      .positive()
      .meta({ description: "The revision you reviewed; it must be the current one." }),
    expectedVersion: z.number().int().positive().optional(),
    comment: z.string().max(5000).optional(),
  })
  .meta({ id: "ApproveBody" });

export const ReasonBodySchema = z
  .strictObject({
    reason: z.string().max(5000).meta({ description: "Required: why, so the requester can act on it." }),
    expectedVersion: z.number().int().positive().optional(),
  })
  .meta({ id: "ReasonBody" });

export const CommentBodySchema = z.strictObject({ body: z.string().max(5000) }).meta({ id: "CommentBody" });

export const TransitionResultSchema = z
  .object({
    key: z.string().meta({ example: "TW-42" }),
    status: z.enum(CHANGE_REQUEST_STATUSES),
    version: z.number().int(),
    currentRevision: z.number().int(),
  })
  .meta({ id: "TransitionResult" });

const PersonSchema = z.object({ name: z.string(), email: z.string() }).meta({ id: "Person" });
const Timestamp = z.string().meta({ format: "date-time" });

export const ChangeRequestSummarySchema = z
  .object({
    key: z.string(),
    title: z.string(),
    tableName: z.string(),
    tier: z.string(),
    status: z.enum(CHANGE_REQUEST_STATUSES),
    version: z.number().int(),
    regions: z.array(z.string()),
    monthlyCostUsd: z.number(),
    flags: z.array(z.string()),
    isDemo: z.boolean(),
    currentRevision: z.number().int(),
    approvals: z
      .object({ count: z.number().int(), required: z.number().int() })
      .meta({ description: "Approvals of the current revision, and how many its tier needs." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: Timestamp.nullable(),
    team: z.object({ slug: z.string(), name: z.string() }),
    requester: PersonSchema,
  })
  .meta({ id: "ChangeRequestSummary" });

export const ChangeRequestPageSchema = z
  .object({ items: z.array(ChangeRequestSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "ChangeRequestPage" });

export const ListQuerySchema = z.object({
  status: z.string().optional().meta({ description: "One status or a comma-separated list." }),
  team: z.string().optional(),
  tier: z.enum(["dev", "staging", "prod"]).optional(),
  requester: z.string().optional().meta({ description: "Requester's email." }),
  q: z.string().max(200).optional().meta({ description: "Free text over key, title, table, team and requester." }),
  flag: z.string().optional(),
  order: z.enum(["newest", "oldest"]).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ChangeRequestDetailSchema = z
  .looseObject({
    key: z.string(),
    title: z.string(),
    tableName: z.string(),
    tier: z.string(),
    status: z.enum(CHANGE_REQUEST_STATUSES),
    version: z.number().int(),
    team: z.object({ slug: z.string(), name: z.string() }),
    requester: z.looseObject({ name: z.string(), email: z.string() }),
    currentRevision: z.number().int(),
    approvedRevision: z.number().int().nullable(),
    approvals: z.object({ count: z.number().int(), required: z.number().int() }),
    availableActions: z.array(z.enum(WORKFLOW_ACTIONS)),
    revisions: z.array(z.looseObject({ number: z.number().int(), bundleSha256: z.string(), pricesAsOf: z.string() })),
    decisions: z.array(z.looseObject({ kind: z.string(), reason: z.string(), revisionNumber: z.number().int() })),
    comments: z.array(z.looseObject({ id: z.string(), body: z.string(), revisionNumber: z.number().int() })),
    current: z.looseObject({
      number: z.number().int(),
      bundleSha256: z.string(),
      request: z.looseObject({}),
      validation: ValidationResultSchema,
      estimate: CostEstimateSchema,
      drPreview: DrPreviewSchema,
      files: z.record(z.string(), z.string()),
    }),
  })
  .meta({ id: "ChangeRequestDetail" });

export const RevisionDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    fieldChanges: z.array(
      z.object({
        path: z.string(),
        label: z.string().meta({ description: "The field's name in words, for people." }),
        before: z.unknown(),
        after: z.unknown(),
      }),
    ),
    fileDiffs: z.array(
      z.object({ path: z.string(), status: z.enum(["added", "removed", "modified"]), patch: z.string() }),
    ),
    flags: z.array(
      z.object({
        code: z.string(),
        kind: z.enum(["replacement", "rebuild", "protection"]),
        path: z.string(),
        message: z.string(),
      }),
    ),
    costChange: z
      .object({
        regions: z.array(
          z.object({
            region: z.string(),
            beforeUsd: z.number().optional(),
            afterUsd: z.number().optional(),
            deltaUsd: z.number(),
          }),
        ),
        before: z.object({ totalUsd: z.number(), pricesAsOf: z.string() }),
        after: z.object({ totalUsd: z.number(), pricesAsOf: z.string() }),
        deltaUsd: z.number(),
        deltaRatio: z.number().optional(),
        pricesDiffer: z.boolean(),
      })
      .meta({ description: "Monthly cost change from the first to the second revision, per Region and in total." }),
  })
  .meta({ id: "RevisionDiff" });

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    actor: z.string(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    revisionNumber: z.number().int().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEvent" });

export const AuditListSchema = z.object({ events: z.array(AuditEventSchema) }).meta({ id: "AuditList" });

export const CommentSchema = z
  .object({ id: z.string(), revisionNumber: z.number().int(), body: z.string(), createdAt: Timestamp })
  .meta({ id: "Comment" });

export const CreateTokenBodySchema = z
  .strictObject({
    name: z.string().max(100),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(3),
    expiresInDays: z.number().int().min(1).max(365),
  })
  .meta({ id: "CreateToken" });

export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    active: z.boolean(),
  })
  .meta({ id: "ApiToken" });

export const CreatedTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: Timestamp,
    secret: z.string().meta({ description: "Shown once; store it now. Send it as Authorization: Bearer <secret>." }),
  })
  .meta({ id: "CreatedApiToken" });

export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) }).meta({ id: "ApiTokenList" });

export const VerificationResultSchema = z
  .looseObject({
    key: z.string(),
    revisionNumber: z.number().int(),
    verified: z.boolean(),
    recorded: z
      .boolean()
      .meta({ description: "Whether the result was recorded (VERIFIED / DRIFTED) on the timeline." }),
    status: z.string(),
    checkedAt: z.string(),
    tableMissing: z.boolean().optional(),
    unavailable: z.object({ reason: z.string() }).optional().meta({ description: "Set when the check could not run." }),
    differences: z.array(z.looseObject({ path: z.string(), expected: z.unknown(), actual: z.unknown() })),
  })
  .meta({ id: "VerificationResult" });

export const ImportBodySchema = z
  .strictObject({
    region: z.string().max(40).meta({ example: "us-east-1" }),
    tableName: z.string().min(1).max(255),
    team: z.string().min(1).max(100).meta({ description: "The owning team's slug; you must be a member." }),
    tier: z.enum(["dev", "staging", "prod"]),
    service: z.string().max(200).optional(),
    costCenter: z.string().max(200).optional(),
    requester: z.string().max(320).optional(),
    purpose: z.string().max(4000).optional(),
    title: z.string().max(200).optional(),
    submit: z.boolean().optional(),
  })
  .meta({ id: "ImportTable" });

export const ImportResultSchema = z
  .looseObject({
    key: z.string(),
    status: z.string(),
    version: z.number().int(),
    currentRevision: z.number().int(),
    request: z.looseObject({}),
    notes: z.array(z.string()),
  })
  .meta({ id: "ImportResult" });

export const LiveCheckStatusSchema = z
  .object({
    enabled: z.boolean(),
    mode: z.enum(["off", "endpoint", "aws"]),
    message: z.string(),
    endpoint: z.string().optional(),
  })
  .meta({ id: "LiveCheckStatus" });

export const AccountTargetSchema = z
  .object({
    id: z.string(),
    team: z.string().nullable().meta({ description: "Team slug; null: every team." }),
    tier: z.enum(["dev", "staging", "prod"]).nullable().meta({ description: "null: every tier." }),
    accountId: z.string(),
    roleArn: z.string(),
    externalId: z.string().optional(),
  })
  .meta({ id: "AccountTarget" });

export const AccountTargetListSchema = z
  .object({ targets: z.array(AccountTargetSchema) })
  .meta({ id: "AccountTargetList" });
