import policyJson from "../../../policy/tier-policy.json";
import { type TierPolicy, TierPolicySchema } from "./schema";

/**
 * The policy checked into the repository (`policy/tier-policy.json`). Parsed once here so the
 * browser, the CLI and the server start from the same rules; the server may load another file.
 */
export const DEFAULT_TIER_POLICY: TierPolicy = TierPolicySchema.parse(policyJson);
