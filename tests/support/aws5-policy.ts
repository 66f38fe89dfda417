import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_TIER_POLICY } from "../../lib/domain/policy/default-policy";

/**
 * Points TABLEWRIGHT_POLICY_FILE at the shipped tier policy targeting hashicorp/aws 5, as a platform
 * on 5.x configures it. Call at the top of a test file: the server reads the policy once, lazily.
 */
export function selectAwsProvider5Policy(): void {
  const dir = mkdtempSync(path.join(tmpdir(), "tw-policy-"));
  const file = path.join(dir, "policy.json");
  writeFileSync(file, JSON.stringify({ ...DEFAULT_TIER_POLICY, awsProviderMajor: 5 }));
  process.env.TABLEWRIGHT_POLICY_FILE = file;
}
