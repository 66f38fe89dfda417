import * as z from "zod";

/** Team budgets and the approval routing they drive (docs/budgets.md). */

export const TeamSlugParamsSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "a team slug such as checkout")
    .meta({ example: "checkout" }),
});

export const BudgetStandingSchema = z
  .object({
    budgetUsd: z.number().nullable().meta({ description: "The team's monthly budget; null when it has none." }),
    committedUsd: z.number().meta({ description: "The team's other managed tables per month (approved revisions)." }),
    addsUsd: z.number().meta({ description: "What the request adds per month against its last approved revision." }),
    afterUsd: z.number(),
    percentOfBudget: z.number().nullable(),
    warnAtPercent: z.number(),
    state: z.enum(["no-budget", "within", "near", "over"]),
  })
  .meta({ id: "BudgetStanding" });

export const TeamBudgetSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    monthlyBudgetUsd: z.number().nullable(),
    committedMonthlyUsd: z.number().meta({ description: "Sum of the team's approved revisions' monthly estimates." }),
  })
  .meta({ id: "TeamBudget" });

export const SetTeamBudgetBodySchema = z
  .strictObject({
    monthlyBudgetUsd: z
      .number()
      .min(0)
      .max(1e9)
      .nullable()
      .meta({ description: "Monthly budget in USD; null removes it (the team is then not governed by budget rules)." }),
  })
  .meta({ id: "SetTeamBudgetBody" });

export const ApprovalRoutingSchema = z
  .object({
    budget: BudgetStandingSchema,
    routes: z.array(
      z.object({
        ruleId: z.string(),
        description: z.string(),
        role: z.string(),
        approvals: z.number().int(),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: "ApprovalRouting", description: "The tier policy's approval routing rules that hold for the request." });

export type BudgetStanding = z.infer<typeof BudgetStandingSchema>;
export type TeamBudget = z.infer<typeof TeamBudgetSchema>;
export type ApprovalRouting = z.infer<typeof ApprovalRoutingSchema>;
