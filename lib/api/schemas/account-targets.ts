import * as z from "zod";

/** Multi-account targets: which AWS account (and role) a team/tier deploys to. */

export const AccountTargetIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const AccountTargetSchema = z
  .object({
    id: z.string(),
    team: z.string().nullable().meta({ description: "Team slug; null: every team." }),
    tier: z.enum(["dev", "staging", "prod"]).nullable().meta({ description: "null: every tier." }),
    accountId: z.string(),
    roleArn: z.string(),
    externalId: z.string().optional(),
    name: z.string().optional().meta({ description: "A human name for the account, shown next to its ID." }),
  })
  .meta({ id: "AccountTarget" });

export const AccountTargetListSchema = z
  .object({ targets: z.array(AccountTargetSchema) })
  .meta({ id: "AccountTargetList" });
