import type { Loose } from "../../../tests/fixtures/requests";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TierPolicy } from "../policy/schema";
import type { ValidationResult } from "./types";
import { validateTableRequest } from "./validate-table-request";

// The requests themselves come from the shared test fixtures.
export { devRequest, type Loose, typicalRequest } from "../../../tests/fixtures/requests";

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
