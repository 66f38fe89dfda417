import * as z from "zod";
import { FieldIssueSchema } from "./common";

/**
 * What the stateless engine endpoints answer. Engine outputs that are large and documented
 * elsewhere (estimate, DR preview) are described by their key fields and allow more.
 */

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

const ProjectionMonthSchema = z
  .looseObject({
    month: z.number().int().min(1).max(12),
    rawDataGb: z.number().meta({ description: "Raw item data that month: storage + (month - 1) x monthlyGrowthGb." }),
    billableGbPerRegion: z.number(),
    totalMonthlyUsd: z.number(),
    cumulativeUsd: z.number(),
    regions: z.array(z.looseObject({ region: z.string(), role: z.string().optional(), monthlyUsd: z.number() })),
  })
  .meta({ id: "ProjectionMonth" });

export const CostEstimateSchema = z
  .looseObject({
    currency: z.literal("USD"),
    pricesAsOf: z.string().meta({ example: "2025-08-28" }),
    totalMonthlyUsd: z.number(),
    regions: z.array(z.looseObject({ region: z.string(), monthlyUsd: z.number(), lineItems: z.array(LineItemSchema) })),
    assumptions: z.array(z.string()),
    alternatives: z.looseObject({}),
    storage: z
      .looseObject({
        source: z.enum(["itemCount", "storageGb", "none"]),
        itemCount: z.number(),
        rawDataGb: z.number(),
        billableGbPerRegion: z.number(),
        entries: z.array(
          z.looseObject({
            kind: z.enum(["TABLE", "GSI", "LSI"]),
            name: z.string(),
            bytesPerItem: z.number(),
            overheadBytesPerItem: z.number(),
            billableGb: z.number(),
          }),
        ),
      })
      .meta({ description: "Billable storage per table and index in each Region that holds the table." }),
    capacityShortfalls: z
      .array(
        z.looseObject({
          path: z.string(),
          basis: z.enum(["average", "peak"]),
          demandUnits: z.number(),
          capacityUnits: z.number(),
          throttledPercent: z.number(),
          neededUnits: z.number(),
        }),
      )
      .meta({ description: "Capacity or on-demand maximums below the workload's average or peak demand." }),
    whatIf: z
      .array(
        z.looseObject({ id: z.string(), label: z.string(), totalMonthlyUsd: z.number(), differenceUsd: z.number() }),
      )
      .meta({ description: "Labelled comparisons for changes the module cannot express yet; never in the total." }),
    reservedCapacity: z
      .looseObject({ applicable: z.boolean(), reason: z.string(), terms: z.array(z.looseObject({})) })
      .optional()
      .meta({ description: "PROVISIONED tables: 1-year and 3-year reserved capacity prices, savings and break-even." }),
    projection: z
      .array(ProjectionMonthSchema)
      .length(12)
      .meta({ description: "12 monthly entries; month 1 is the estimate, storage grows by monthlyGrowthGb a month." }),
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
