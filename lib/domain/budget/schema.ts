import * as z from "zod";
import { ROLES } from "../auth/permissions";
import { RegionSchema, TierSchema } from "../request/schema";

/** How much a change could hurt what is live: derived from its change-safety flags (lib/domain/diff). */
export const CHANGE_RISK_LEVELS = ["low", "medium", "high", "destructive"] as const;
export type ChangeRiskLevel = (typeof CHANGE_RISK_LEVELS)[number];

/**
 * One approval routing rule of the tier policy: when every condition it states holds, the request
 * needs `require.approvals` approvals from holders of `require.role`, on top of the tier's
 * `requiredApprovals`. Rules are data so a platform team changes who approves what without code.
 */
export const ApprovalRouteSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
      .meta({ description: "Stable name of the rule (lower case, digits, hyphens); shown with its reason." }),
    description: z.string().min(1).max(500).meta({ description: "Why the rule exists, shown to requesters." }),
    when: z
      .strictObject({
        monthlyUsdAbove: z
          .number()
          .min(0)
          .optional()
          .meta({ description: "The request's expected monthly cost (all Regions) is above this many USD." }),
        deltaUsdAbove: z.number().min(0).optional().meta({
          description: "The request adds more than this many USD a month to what is live (its last approved revision).",
        }),
        budgetPercentAbove: z.number().min(0).max(10_000).optional().meta({
          description:
            "The team's committed monthly cost plus what the request adds is above this percent of the team's budget. Never holds for a team without a budget.",
        }),
        tiers: z.array(TierSchema).min(1).optional().meta({ description: "The request is in one of these tiers." }),
        riskLevels: z
          .array(z.enum(CHANGE_RISK_LEVELS))
          .min(1)
          .optional()
          .meta({ description: "The change's risk level against what is live is one of these." }),
        regions: z
          .array(RegionSchema)
          .min(1)
          .optional()
          .meta({ description: "The table is (or will be) in at least one of these Regions." }),
      })
      .refine((w) => Object.values(w).some((v) => v !== undefined), {
        message: "a routing rule needs at least one condition",
      }),
    require: z.strictObject({
      role: z.enum(ROLES).meta({ description: "Whose approval the rule adds." }),
      approvals: z.number().int().min(1).max(3).default(1),
    }),
  })
  .meta({ id: "ApprovalRoute" });

export type ApprovalRoute = z.output<typeof ApprovalRouteSchema>;
