import * as z from "zod";
import { TierSchema } from "../request/schema";

/**
 * The scope every admin target (account mappings, delivery targets) applies to: a team, a tier,
 * or a team in one tier; null is "every". One definition, so the two inputs cannot drift apart
 * in their rule or their message. Resolution by scope is `resolveAccountTarget`.
 */

const TEAM_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The `team` and `tier` fields of a target input; spread them into its object schema. */
export const TARGET_SCOPE_FIELDS = {
  team: z
    .string()
    .regex(TEAM_SLUG_PATTERN, "must be a team slug (lower-case letters, digits and hyphens)")
    .nullable()
    .default(null)
    .meta({ description: "The team's slug; null applies to every team (in `tier`)." }),
  tier: TierSchema.nullable()
    .default(null)
    .meta({ description: "dev, staging or prod; null applies to every tier (of `team`)." }),
};

/** A target for "every team in every tier" would shadow nothing and mean nothing: refuse it on `team`. */
export function refuseUnscoped(value: { team: string | null; tier: string | null }, ctx: z.RefinementCtx): void {
  if (value.team === null && value.tier === null) {
    ctx.addIssue({ code: "custom", path: ["team"], message: "name a team, a tier, or both" });
  }
}
