import { buildTypicalRequest } from "../../../bench/fixtures/maximal-request";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TierPolicy } from "../policy/schema";
import type { ValidationResult } from "./types";
import { validateTableRequest } from "./validate-table-request";

/** A mutable JSON object, for tests that poke at requests field by field. */
// biome-ignore lint/suspicious/noExplicitAny: tests build deliberately wrong requests
export type Loose = any;

/** A fresh typical request (valid under the default policy) as plain JSON to mutate. */
export function typicalRequest(): Loose {
  return structuredClone(buildTypicalRequest());
}

/** The typical request moved to the dev tier, single Region, without backup: the fewest policy rules. */
export function devRequest(): Loose {
  const r = typicalRequest();
  r.tier = "dev";
  r.deletionProtection = false;
  r.tags.Environment = "dev";
  delete r.backup;
  delete r.alarms;
  return r;
}

/** Validates `mutate(base)` under `policy`. */
export function validateWith(
  base: Loose,
  mutate: (r: Loose) => void,
  policy: TierPolicy = DEFAULT_TIER_POLICY,
): ValidationResult {
  mutate(base);
  return validateTableRequest(base, policy);
}

/** A deep copy of the default policy to tighten in a test. */
export function policyWith(mutate: (p: Loose) => void): TierPolicy {
  const policy = structuredClone(DEFAULT_TIER_POLICY) as Loose;
  mutate(policy);
  return policy;
}
