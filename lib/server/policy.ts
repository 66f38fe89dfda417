import "server-only";
import { readFileSync } from "node:fs";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { type TierPolicy, TierPolicySchema } from "@/lib/domain/policy/schema";
import { mapZodIssues } from "@/lib/domain/validation/zod-issues";

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
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  const parsed = TierPolicySchema.safeParse(raw);
  if (!parsed.success) {
    // The same field issues `tablewright validate --policy` prints for the same file.
    const details = mapZodIssues(parsed.error.issues, raw)
      .map((i) => `${i.path || "(root)"}: ${i.message}`)
      .join("; ");
    throw new Error(`TABLEWRIGHT_POLICY_FILE ${file} is not a valid tier policy: ${details}`);
  }
  cached = parsed.data;
  return cached;
}
