import * as z from "zod";
import { DRIFT_CLASSES } from "@/lib/domain/drift/drift-classes";
import { TABLE_LIVE_STATUSES } from "@/lib/domain/inventory";
import { OperationPlanSchema } from "@/lib/domain/plan";
import { TableRequestSchema } from "@/lib/domain/request/schema";
import { CHANGE_REQUEST_STATUSES } from "@/lib/domain/workflow/state-machine";
import { PersonSchema, Timestamp, wholeNumber } from "./common";
import { CostEstimateSchema, DrPreviewSchema } from "./engine";

/** Managed tables: the inventory of tables the portal defines (list, read). */

export const ManagedTableSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    primaryRegion: z.string(),
    regions: z.array(z.string()),
    account: z.string().meta({ description: "The AWS account id when known (an import reads it); else empty." }),
    tier: z.string(),
    liveStatus: z.enum(TABLE_LIVE_STATUSES),
    monthlyCostUsd: z.number(),
    drPattern: z.string(),
    definedByRequestKey: z
      .string()
      .meta({ description: "The change request whose approved revision defines the table." }),
    definedByRevision: z.number().int(),
    isDemo: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    team: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ id: "ManagedTableSummary" });

export const ManagedTablePageSchema = z
  .object({ items: z.array(ManagedTableSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "ManagedTablePage" });

/** Any other shape than a table's id is a 404, as for a missing table (tableIdParam). */
export const TableIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** A monthly amount in a query string, e.g. `?minCost=99.50`: digits and up to six decimals, no exponent or blanks. */
const usdAmount = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, "an amount in USD such as 250 or 99.50")
  .transform(Number)
  .pipe(z.number().min(0).max(1e9));

export const TableListQuerySchema = z.object({
  team: z.string().max(100).optional(),
  tier: z.enum(["dev", "staging", "prod"]).optional(),
  region: z.string().max(40).optional().meta({ description: "Tables with this Region (primary or replica)." }),
  status: z.enum(TABLE_LIVE_STATUSES).optional(),
  minCost: usdAmount.optional().meta({ description: "Monthly estimate at least, USD." }),
  maxCost: usdAmount.optional().meta({ description: "Monthly estimate at most, USD." }),
  q: z.string().max(200).optional().meta({ description: "Free text over name, team, service and tier." }),
  sort: z.enum(["newest", "cost"]).optional().meta({ description: "newest (default) or cost (most expensive first)." }),
  cursor: z.string().max(500).optional(),
  limit: wholeNumber(1, 100).optional().meta({ description: "Page size, 1 to 100 (default 50)." }),
});

export const ManagedTableDetailSchema = ManagedTableSummarySchema.extend({
  definition: TableRequestSchema.meta({ description: "The approved definition: what is, or is about to be, live." }),
  estimate: CostEstimateSchema.nullable(),
  drPreview: DrPreviewSchema.nullable(),
  lastPlan: OperationPlanSchema.nullable().meta({ description: "The plan the defining revision was approved with." }),
  sizeGb: z.number().nullable(),
  itemCount: z.number().nullable(),
  canChange: z.boolean().meta({ description: "Whether you may start a change request for it." }),
  lastCheckedAt: Timestamp.nullable().meta({
    description: "When the last scheduled drift check ran, whatever its outcome; null: never.",
  }),
  lastDriftStatus: z.enum(["in_sync", "drifted", "missing"]).nullable().meta({
    description:
      "What the last scheduled drift check that could read the table found; null until one has (a manual verify does not set it).",
  }),
  lastDriftWorst: z.enum(DRIFT_CLASSES).nullable().meta({
    description:
      "The most serious class among the last drift check's findings (protection_lost, shape, harmless, aws_managed); null: no findings, no check yet, or a check from before classes were kept.",
  }),
  history: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      status: z.enum(CHANGE_REQUEST_STATUSES),
      kind: z.enum(["create", "import", "change"]),
      risk: z.string(),
      currentRevision: z.number().int(),
      approvedRevision: z.number().int().nullable(),
      definesTable: z.boolean(),
      createdAt: Timestamp,
      decidedAt: Timestamp.nullable(),
      requester: PersonSchema,
    }),
  ),
}).meta({ id: "ManagedTableDetail" });
