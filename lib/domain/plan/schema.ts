import * as z from "zod";
import { TableRequestSchema } from "../request/schema";
import { PLAN_SOURCES, type PlanSourceId } from "./sources";

/**
 * The operation plan: what it takes to turn a live table definition into a requested one, by
 * DynamoDB's and the Terraform provider's own rules. Described once in zod so the API (OpenAPI),
 * MCP tools and the CLI share the shape; `planTableChange` builds it.
 */

export const RISK_LEVELS = ["low", "medium", "high", "destructive"] as const;
export const RiskLevelSchema = z.enum(RISK_LEVELS).meta({
  id: "PlanRiskLevel",
  description:
    "low: nothing that can lose data or break readers; medium: long-running, rate-limited or sizing-sensitive; high: lowers protection, deletes an index, a replica or a stream; destructive: the table is replaced and its items are lost unless migrated.",
});
export type RiskLevel = z.output<typeof RiskLevelSchema>;

export const CHANGE_CATEGORIES = [
  "record-only",
  "immediate",
  "long-running",
  "rate-limited",
  "sequenced",
  "destructive",
] as const;
export const ChangeCategorySchema = z.enum(CHANGE_CATEGORIES).meta({
  id: "PlanChangeCategory",
  description:
    "record-only: no AWS change; immediate: in place, seconds to minutes; long-running: in place but hours may pass (index backfill, replica copy); rate-limited: DynamoDB allows only so many per window; sequenced: must happen in a given order or alone; destructive: the table is replaced.",
});
export type ChangeCategory = z.output<typeof ChangeCategorySchema>;

export const CHANGE_KINDS = [
  "TABLE_CREATED",
  "TABLE_RENAMED",
  "TABLE_KEY_CHANGED",
  "LSI_CHANGED",
  "CONSISTENCY_MODE_CHANGED",
  "MRSC_REGIONS_CHANGED",
  "MRSC_REMOVED",
  "PRIMARY_REGION_CHANGED",
  "GSI_CREATED",
  "GSI_DELETED",
  "GSI_REPLACED",
  "GSI_DELETED_FOR_REPLACEMENT",
  "GSI_CAPACITY_CHANGED",
  "GSI_ON_DEMAND_THROUGHPUT_CHANGED",
  "GSI_CONTRIBUTOR_INSIGHTS_CHANGED",
  "BILLING_TO_ON_DEMAND",
  "BILLING_TO_PROVISIONED",
  "TABLE_CAPACITY_CHANGED",
  "AUTOSCALING_CHANGED",
  "CAPACITY_MANAGED_BY_AUTOSCALING",
  "ON_DEMAND_THROUGHPUT_CHANGED",
  "WARM_THROUGHPUT_INCREASED",
  "WARM_THROUGHPUT_DECREASED",
  "TABLE_CLASS_CHANGED",
  "TTL_ENABLED",
  "TTL_DISABLED",
  "TTL_DISABLED_FOR_ATTRIBUTE_CHANGE",
  "TTL_ATTRIBUTE_CHANGED",
  "STREAM_ENABLED",
  "STREAM_DISABLED",
  "STREAM_VIEW_TYPE_CHANGED",
  "STREAM_ENABLED_FOR_REPLICAS",
  "PITR_ENABLED",
  "PITR_DISABLED",
  "PITR_PERIOD_CHANGED",
  "ENCRYPTION_CHANGED",
  "DELETION_PROTECTION_ENABLED",
  "DELETION_PROTECTION_DISABLED",
  "DELETION_PROTECTION_LIFTED",
  "CONTRIBUTOR_INSIGHTS_CHANGED",
  "TAGS_CHANGED",
  "ALARMS_CHANGED",
  "BACKUP_CHANGED",
  "BACKUP_PROTECTION_REDUCED",
  "REPLICA_ADDED",
  "REPLICA_REMOVED",
  "REPLICA_RECREATED",
  "REPLICA_SETTINGS_CHANGED",
  "METADATA_CHANGED",
  "UNCLASSIFIED",
] as const;
export const ChangeKindSchema = z.enum(CHANGE_KINDS).meta({ id: "PlanChangeKind" });
export type ChangeKind = z.output<typeof ChangeKindSchema>;

const SOURCE_IDS = Object.keys(PLAN_SOURCES) as [PlanSourceId, ...PlanSourceId[]];
export const PlanSourceIdSchema = z.enum(SOURCE_IDS).meta({
  id: "PlanSourceId",
  description: "A rule's source; the plan's `sources` map gives its title and link.",
});

export const RateLimitSchema = z
  .strictObject({
    rule: z.enum(["SWITCH_TO_ON_DEMAND", "TABLE_CLASS", "TTL", "ENCRYPTION_KEY", "CAPACITY_DECREASE"]),
    description: z.string(),
    status: z
      .enum(["available", "exhausted", "unknown"])
      .meta({ description: "unknown: no history was given, so the window may already be used up." }),
    usedInWindow: z.number().int().min(0).optional(),
    availableAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "When exhausted: the earliest time the change is accepted again." }),
  })
  .meta({ id: "PlanRateLimit" });
export type RateLimit = z.output<typeof RateLimitSchema>;

export const DurationSchema = z
  .strictObject({
    text: z.string().meta({ description: "For people, e.g. 'about 2 h 10 min'." }),
    minSeconds: z.number().min(0).optional(),
    maxSeconds: z.number().min(0).optional().meta({ description: "Absent when no upper bound can be given." }),
    basis: z.string().meta({ description: "How the estimate was made, with its assumptions." }),
  })
  .meta({ id: "PlanDuration" });
export type Duration = z.output<typeof DurationSchema>;

export const PlannedChangeSchema = z
  .strictObject({
    kind: ChangeKindSchema,
    origin: z.enum(["requested", "sequencing"]).meta({
      description:
        "requested: a difference between the live and the requested definition; sequencing: an intermediate move the plan adds (e.g. lift deletion protection before removing a replica).",
    }),
    categories: z.array(ChangeCategorySchema).min(1),
    paths: z.array(z.string()).meta({
      description:
        'Definition fields this change covers, indexes and replicas by name: `globalSecondaryIndexes["by-status"].projection.type`.',
    }),
    summary: z.string(),
    terraform: z.string().meta({ description: "What Terraform (hashicorp/aws) does for this change." }),
    risk: RiskLevelSchema,
    available: z.boolean().meta({ description: "Whether the table keeps serving reads and writes meanwhile." }),
    impact: z.string().optional().meta({ description: "What readers, writers or consumers notice." }),
    rateLimit: RateLimitSchema.optional(),
    sources: z.array(PlanSourceIdSchema),
  })
  .meta({ id: "PlannedChange" });
export type PlannedChange = z.output<typeof PlannedChangeSchema>;

export const PlanStepSchema = z
  .strictObject({
    order: z.number().int().min(1),
    title: z.string(),
    changes: z.array(PlannedChangeSchema).min(1),
    terraform: z.string(),
    duration: DurationSchema,
    available: z.boolean(),
    separateApply: z.boolean().meta({
      description:
        "True when this step needs a terraform apply of its own (its own revision); steps without it share an apply with their neighbours.",
    }),
    apply: z.number().int().min(1).meta({ description: "The apply (1-based) that carries this step." }),
    reasons: z.array(z.string()).meta({ description: "Why the step stands where it does, or alone." }),
    notBefore: z.iso.datetime({ offset: true }).optional().meta({
      description: "A rate-limit window: the step is accepted by DynamoDB from this time on.",
    }),
    instruction: z.string().optional().meta({
      description: "What a person must do because terraform apply alone cannot (or must not) do it.",
    }),
  })
  .meta({ id: "PlanStep" });
export type PlanStep = z.output<typeof PlanStepSchema>;

export const PlanApplySchema = z
  .strictObject({
    number: z.number().int().min(1),
    steps: z.array(z.number().int().min(1)).min(1),
    definition: TableRequestSchema,
    notBefore: z.iso.datetime({ offset: true }).optional(),
    instruction: z.string().optional(),
  })
  .meta({
    id: "PlanApply",
    description:
      "One terraform apply: its steps, and `definition`, the table after it (render one revision, a module, from it).",
  });
export type PlanApply = z.output<typeof PlanApplySchema>;

export const OperationPlanSchema = z
  .strictObject({
    kind: z.enum(["create", "change", "none"]),
    risk: RiskLevelSchema,
    summary: z.string(),
    requiresAcknowledgement: z.boolean().meta({
      description: "True for a destructive plan: the requester must acknowledge it with a migration note.",
    }),
    singleApply: z.boolean(),
    steps: z.array(PlanStepSchema),
    applies: z.array(PlanApplySchema),
    warnings: z.array(z.string()),
    assumptions: z.array(z.string()),
    sources: z.partialRecord(PlanSourceIdSchema, z.strictObject({ title: z.string(), url: z.string().optional() })),
  })
  .meta({ id: "OperationPlan", title: "Tablewright operation plan" });
export type OperationPlan = z.output<typeof OperationPlanSchema>;

const timestamp = z.iso.datetime({ offset: true });
const history = z.array(z.strictObject({ at: timestamp })).max(1000);

export const PlanContextSchema = z
  .strictObject({
    now: timestamp.optional().meta({ description: "Evaluates rate-limit windows; without it they are unknown." }),
    tableSizeGb: z
      .number()
      .min(0)
      .max(1e9)
      .optional()
      .meta({ description: "Base table size, for index and replica estimates." }),
    itemCount: z.number().int().min(0).max(1e15).optional(),
    onDemandBackfillWriteUnitsPerSecond: z.number().min(1).max(1e9).optional().meta({
      description: "Assumed backfill rate of a new index on an on-demand table (default 4,000).",
    }),
    recentChanges: z
      .strictObject({
        switchesToOnDemand: history.optional(),
        tableClassChanges: history.optional(),
        ttlChanges: history.optional(),
        encryptionKeyChanges: history.optional(),
        capacityDecreases: z
          .array(z.strictObject({ at: timestamp, index: z.string().max(255).optional() }))
          .max(1000)
          .optional()
          .meta({ description: "Decreases of the table (no index) or of one index." }),
      })
      .optional()
      .meta({
        description: "What happened to the live table lately; a list given (even empty) makes its window known.",
      }),
  })
  .meta({ id: "PlanContext" });
export type PlanContext = z.output<typeof PlanContextSchema>;
