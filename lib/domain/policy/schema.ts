import * as z from "zod";
import { ApprovalRouteSchema } from "../budget/schema";
import { RiskLevelSchema } from "../plan/schema";
import { BillingSchema, DrPatternSchema, TableClassSchema, WorkloadSchema } from "../request/schema";

/**
 * The platform team's guardrails as data. The server loads `policy/tier-policy.json` and checks it
 * against this schema at start-up; the engine (validation, DR preview, cost defaults, approvals)
 * reads only this shape, so a team can change its rules without touching code.
 */
export const TierRulesSchema = z
  .strictObject({
    description: z.string().max(2000),
    pointInTimeRecovery: z.enum(["optional", "required"]),
    minRecoveryPeriodInDays: z.number().int().min(1).max(35).optional(),
    deletionProtection: z.enum(["optional", "required"]),
    maxRegions: z.number().int().min(1).max(34).optional(),
    allowedDrPatterns: z.array(DrPatternSchema).min(1),
    mustSurviveRegionLoss: z
      .boolean()
      .meta({ description: "Needs a replica in another Region or a cross-Region backup copy." }),
    requireBackup: z.boolean().default(false),
    requireAlarms: z.boolean().default(false),
    requireCustomerManagedKey: z.boolean().default(false),
    preventDestroy: z.boolean().default(false).meta({
      description:
        "Render the table with `lifecycle { prevent_destroy = true }`: Terraform refuses any plan that destroys or replaces it. An acknowledged destructive change renders its one revision without it.",
    }),
    requireCapacityForPeak: z.boolean().default(false).meta({
      description:
        "Refuse (rather than warn about) provisioned capacity or an on-demand maximum below the workload's stated peak.",
    }),
    allowedBillingModes: z.array(z.enum(["PAY_PER_REQUEST", "PROVISIONED"])).min(1),
    requiredApprovals: z.number().int().min(1).max(3),
    approvalsByRisk: z.partialRecord(RiskLevelSchema, z.number().int().min(1).max(3)).optional().meta({
      description:
        "Approvals per operation-plan risk level (e.g. low: 1 lets tags-only changes pass with one); unset levels use requiredApprovals. A destructive change never needs fewer than requiredApprovals and always needs the platform role.",
    }),
    budgetWarnPercent: z.number().min(1).max(1000).default(80).meta({
      description:
        "Warn the requester when the team's committed monthly cost plus the request reaches this percent of the team's budget.",
    }),
    /** Values the form fills in when the user picks this tier. */
    defaults: z.strictObject({
      billing: BillingSchema,
      tableClass: TableClassSchema,
      pointInTimeRecovery: z.strictObject({ enabled: z.boolean(), recoveryPeriodInDays: z.number().int() }),
      deletionProtection: z.boolean(),
      backup: z
        .strictObject({
          enabled: z.boolean(),
          schedule: z.string(),
          retentionDays: z.number().int(),
          copyRegion: z.string().optional(),
          copyRetentionDays: z.number().int().optional(),
        })
        .optional(),
      alarms: z.boolean(),
    }),
    /** Workload assumed by the cost estimate when the request gives none (low / expected / high). */
    defaultWorkload: z.strictObject({
      low: WorkloadSchema,
      expected: WorkloadSchema,
      high: WorkloadSchema,
    }),
  })
  .meta({ id: "TierRules" });

export const TierPolicySchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string().max(200),
    mandatoryTags: z.array(z.string().min(1).max(128)).max(50),
    onDemandOnly: z.boolean().meta({ description: "Refuse PROVISIONED billing in every tier." }),
    awsProviderMajor: z
      .union([z.literal(5), z.literal(6)])
      .default(6)
      .meta({
        description:
          "hashicorp/aws major version the generated modules are written for (5 or 6). On 5, multi-Region strong consistency and warm throughput are refused.",
      }),
    tiers: z.strictObject({ dev: TierRulesSchema, staging: TierRulesSchema, prod: TierRulesSchema }),
    approvalRouting: z.array(ApprovalRouteSchema).max(50).default([]).meta({
      description:
        "Rules that add approvals from a role when a request's cost, budget share, tier, risk or Regions call for it.",
    }),
  })
  .meta({ id: "TierPolicy" });

export type TierRules = z.output<typeof TierRulesSchema>;
export type TierPolicy = z.output<typeof TierPolicySchema>;
export type TierPolicyInput = z.input<typeof TierPolicySchema>;
