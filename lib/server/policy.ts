import "server-only";
import { readFileSync } from "node:fs";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { type TierPolicy, TierPolicySchema } from "@/lib/domain/policy/schema";

let cached: TierPolicy | undefined;

/**
 * The tier policy in force: TABLEWRIGHT_POLICY_FILE when set (checked against its schema, and a bad
 * file stops the server with the field at fault), else the policy checked into the repository.
 */
export function loadTierPolicy(): TierPolicy {
  if (cached) return cached;
  const file = process.env.TABLEWRIGHT_POLICY_FILE;
  if (!file) {
    cached = DEFAULT_TIER_POLICY;
    return cached;
  }
  const parsed = TierPolicySchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`TABLEWRIGHT_POLICY_FILE ${file}: ${first?.path.join(".")}: ${first?.message}`);
  }
  cached = parsed.data;
  return cached;
}
