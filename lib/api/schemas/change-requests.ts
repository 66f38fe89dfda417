import * as z from "zod";
import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { DrPreview } from "@/lib/domain/dr/types";
import { TABLE_LIVE_STATUSES } from "@/lib/domain/inventory";
import { type OperationPlan, OperationPlanSchema, RiskLevelSchema } from "@/lib/domain/plan";
import { type TableRequest, TableRequestSchema } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { AcknowledgementSchema } from "@/lib/domain/workflow/acknowledgement";
import { CHANGE_REQUEST_STATUSES, WORKFLOW_ACTIONS } from "@/lib/domain/workflow/state-machine";
import { ApprovalRoutingSchema } from "./budgets";
import { PersonSchema, Timestamp, wholeNumber } from "./common";
import { PublicationSchema } from "./delivery";
import { CostEstimateSchema, DrPreviewSchema, ValidationResultSchema } from "./engine";

/** Change requests: create, list, read, revise, decide, comment, diff, audit. */

export const ChangeRequestKeyParamsSchema = z.object({
  key: z
    .string()
    .regex(/^TW-\d{1,9}$/, "a change request key such as TW-42")
    .meta({ example: "TW-42" }),
});

export const RevisionParamsSchema = ChangeRequestKeyParamsSchema.extend({
  revision: wholeNumber(1, 999_999).meta({ example: "1" }),
});

export const ApplyBundleParamsSchema = RevisionParamsSchema.extend({
  apply: wholeNumber(1, 100).meta({
    example: "2",
    description: "The apply (1-based) of the revision's operation plan.",
  }),
});

export const DiffParamsSchema = RevisionParamsSchema.extend({
  to: wholeNumber(1, 999_999).meta({ example: "2", description: "The later revision." }),
});

export const CreateChangeRequestBodySchema = z
  .strictObject({
    request: TableRequestSchema,
    title: z.string().max(200).optional(),
    submit: z.boolean().optional().meta({ description: "Submit for review at once instead of saving a draft." }),
    tableId: z.string().max(40).optional().meta({
      description:
        "Change this managed table: the request is tied to it, and its plan, diff and change safety are against the table's approved definition. Without it, a name and Region of a managed table are refused (TABLE_ALREADY_MANAGED).",
    }),
    acknowledgement: AcknowledgementSchema.optional().meta({
      description: "Required when the operation plan is destructive (DESTRUCTIVE_ACKNOWLEDGEMENT_REQUIRED otherwise).",
    }),
    driftResolution: z.enum(["adopt", "revert"]).optional().meta({
      description:
        'Resolving the drift the last check found on `tableId`. "revert" (the request restores the approved definition) plans from the live table as AWS describes it now, so the plan shows what re-applying does; it needs AWS to be readable (409 LIVE_TABLE_UNREADABLE otherwise) and a drifted table (409 NO_DRIFT). "adopt" plans from the approved definition to the request, as any change.',
    }),
  })
  .meta({ id: "CreateChangeRequest" });

export const ReviseBodySchema = z
  .strictObject({
    request: TableRequestSchema,
    title: z.string().max(200).optional().meta({ description: "A new title for the change request." }),
    expectedVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "The version you edited (or send If-Match)." }),
    acknowledgement: AcknowledgementSchema.optional().meta({
      description: "Required when the revision's operation plan is destructive.",
    }),
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
    tableId: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "Create: the managed table the request is tied to." }),
    risk: RiskLevelSchema.optional().meta({ description: "Revise: the new revision's operation plan risk." }),
  })
  .meta({ id: "TransitionResult" });

export const CHANGE_REQUEST_FLAGS = [
  "replacement",
  "rebuild",
  "protection",
  "policy",
  "warnings",
  "multi-region",
] as const;

/** What names a change request and where it stands: the first fields of its summary and its detail. */
const identity = {
  key: z.string(),
  title: z.string(),
  tableName: z.string(),
  tier: z.string(),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  version: z.number().int(),
};

export const ChangeRequestSummarySchema = z
  .object({
    ...identity,
    regions: z.array(z.string()),
    monthlyCostUsd: z.number(),
    flags: z.array(z.string()),
    isDemo: z.boolean(),
    currentRevision: z.number().int(),
    risk: z.string().meta({ description: "The current revision's change plan risk; empty for a create." }),
    tableId: z.string().nullable(),
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
  status: z
    .string()
    .max(500)
    .optional()
    .transform((value) => value?.split(",").filter(Boolean))
    .pipe(z.array(z.enum(CHANGE_REQUEST_STATUSES)).optional())
    .meta({ description: "One status or a comma-separated list, e.g. SUBMITTED,CHANGES_REQUESTED." }),
  team: z.string().max(100).optional().meta({ description: "The team's slug." }),
  tier: z.enum(["dev", "staging", "prod"]).optional(),
  requester: z.string().max(320).optional().meta({ description: "Requester's email." }),
  q: z.string().max(200).optional().meta({ description: "Free text over key, title, table, team and requester." }),
  flag: z.enum(CHANGE_REQUEST_FLAGS).optional(),
  order: z.enum(["newest", "oldest"]).optional(),
  cursor: z.string().max(500).optional(),
  limit: wholeNumber(1, 100).optional().meta({ description: "Page size, 1 to 100 (default 50)." }),
});

/** Someone named on a request: requester, revision author, decider, commenter. */
export const ParticipantSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .meta({ id: "Participant" });

const TableRefSchema = z
  .object({ id: z.string(), name: z.string(), primaryRegion: z.string(), liveStatus: z.enum(TABLE_LIVE_STATUSES) })
  .meta({ id: "ManagedTableRef" });

const StoredAcknowledgementSchema = z
  .object({ destructive: z.literal(true), migrationNote: z.string(), at: Timestamp })
  .meta({ id: "StoredAcknowledgement", description: "The requester's acknowledgement of a destructive plan." });

export const ChangeRequestDetailSchema = z
  .object({
    ...identity,
    isDemo: z.boolean(),
    team: z.object({ slug: z.string(), name: z.string() }),
    requester: ParticipantSchema,
    currentRevision: z.number().int(),
    approvedRevision: z.number().int().nullable(),
    regions: z.array(z.string()),
    monthlyCostUsd: z.number(),
    flags: z.array(z.string()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: Timestamp.nullable(),
    decidedAt: Timestamp.nullable(),
    approvals: z.object({
      count: z.number().int(),
      required: z.number().int().meta({ description: "The tier's approvals plus those the approval routing adds." }),
      roles: z
        .array(z.object({ role: z.string(), have: z.number().int(), need: z.number().int() }))
        .meta({ description: "Approvals the tier policy's routing requires from a role, and how many it has." }),
    }),
    routing: ApprovalRoutingSchema,
    availableActions: z.array(z.enum(WORKFLOW_ACTIONS)),
    table: TableRefSchema.nullable().meta({
      description: "The managed table this request changes, or (once a create is approved) the table it created.",
    }),
    risk: RiskLevelSchema.nullable().meta({
      description: "The current revision's change plan risk; null for a create.",
    }),
    driftResolution: z.enum(["adopt", "revert"]).nullable().meta({
      description:
        'Set when the request resolves a drift of its table. Every revision of a "revert" is planned from the live table as AWS described it when the revision was saved.',
    }),
    fourEyesBlocked: z.boolean().meta({
      description:
        "You are an approver, the request waits for review, and you asked for it or wrote its current revision: the four-eyes rule keeps you from deciding.",
    }),
    revisions: z.array(
      z.object({
        number: z.number().int(),
        createdAt: Timestamp,
        bundleSha256: z.string(),
        pricesAsOf: z.string(),
        createdBy: ParticipantSchema,
        operationPlan: OperationPlanSchema.nullable().meta({
          description:
            "What it takes to get from the live table (the managed table's approved definition when planned) to this revision; a create plan for a new table; null for revisions stored before plans existed.",
        }),
        planBaseline: z.string().nullable().meta({ description: 'What the plan started from, e.g. "TW-5@2".' }),
        acknowledgement: StoredAcknowledgementSchema.nullable(),
      }),
    ),
    decisions: z.array(
      z.object({
        kind: z.string().meta({ example: "APPROVE" }),
        reason: z.string(),
        revisionNumber: z.number().int(),
        supersededAt: Timestamp.nullable().meta({ description: "Set when a later revision cleared this approval." }),
        createdAt: Timestamp,
        decider: ParticipantSchema,
      }),
    ),
    comments: z.array(
      z.object({
        id: z.string(),
        body: z.string(),
        revisionNumber: z.number().int(),
        createdAt: Timestamp,
        author: ParticipantSchema,
      }),
    ),
    publication: PublicationSchema.nullable().meta({
      description:
        "Where the approved module was published: the pull (merge) request, its state, the branch and commit, and the last error; null until a publish was attempted.",
    }),
    current: z.object({
      number: z.number().int(),
      isComplete: z.boolean().meta({
        description:
          'False for a draft saved with errors: it has no module (files {}, bundleSha256 "") and cannot be submitted until a valid revision replaces it.',
      }),
      bundleSha256: z.string(),
      request: z
        .looseObject({})
        .meta({ description: "As parsed, or as sent when an incomplete draft's shape did not parse." }),
      validation: ValidationResultSchema,
      estimate: CostEstimateSchema.nullable().meta({
        description: "null when an incomplete draft's shape did not parse.",
      }),
      drPreview: DrPreviewSchema.nullable(),
      files: z.record(z.string(), z.string()),
      operationPlan: OperationPlanSchema.nullable(),
      acknowledgement: StoredAcknowledgementSchema.nullable(),
      accountRecorded: z.boolean().meta({
        description:
          "Whether the revision recorded the account mapping it was rendered with (revisions before it did not).",
      }),
      account: z
        .object({
          accountId: z.string(),
          roleArn: z.string(),
          externalId: z.string().optional(),
          name: z.string().optional(),
        })
        .nullable()
        .meta({
          description:
            "The account mapping the current revision's module was rendered with; null: the default credentials' account (or not recorded).",
        }),
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

export type ChangeRequestSummary = z.infer<typeof ChangeRequestSummarySchema>;
export type ChangeRequestPage = z.infer<typeof ChangeRequestPageSchema>;
export type ListQuery = z.infer<typeof ListQuerySchema>;
export type TransitionResult = z.infer<typeof TransitionResultSchema>;
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * A change request as the detail page and GET /change-requests/{key} show it. The engine outputs
 * of the current revision carry the engine's own types (the wire schema describes their key fields).
 */
export type ChangeRequestDetail = Omit<z.infer<typeof ChangeRequestDetailSchema>, "current"> & {
  current: {
    number: number;
    isComplete: boolean;
    bundleSha256: string;
    request: TableRequest;
    validation: { valid: boolean; issues: ValidationIssue[] };
    estimate: CostEstimate | null;
    drPreview: DrPreview | null;
    files: Record<string, string>;
    operationPlan: OperationPlan | null;
    acknowledgement: z.infer<typeof StoredAcknowledgementSchema> | null;
    accountRecorded: boolean;
    account: AssumeRoleTarget | null;
  };
};
