import { z } from "zod";
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
