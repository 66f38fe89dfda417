import { DEFAULT_TIER_POLICY } from "../domain/policy/default-policy";
import { type TierPolicy, TierPolicySchema } from "../domain/policy/schema";
import { mapZodIssues } from "../domain/validation";
import type { CliIo } from "./command";
import { readJsonInput } from "./read-input";

/**
 * The tier policy a command applies: `--policy <file>` when given (checked against the policy
 * schema), else the shipped policy/tier-policy.json. Prints why and returns undefined when the file
 * is missing, unreadable or not a valid policy (the caller exits 2).
 */
export async function loadPolicy(
  command: string,
  flag: string | true | undefined,
  io: CliIo,
): Promise<TierPolicy | undefined> {
  if (flag === undefined) return DEFAULT_TIER_POLICY;
  if (flag === true) {
    io.stderr(`tablewright ${command}: --policy needs a file path\n`);
    return undefined;
  }
  const read = await readJsonInput(flag, io);
  if (!read.ok) {
    io.stderr(`tablewright ${command}: policy ${read.message}\n`);
    return undefined;
  }
  const parsed = TierPolicySchema.safeParse(read.value);
  if (!parsed.success) {
    const details = mapZodIssues(parsed.error.issues, read.value)
      .map((i) => `  ${i.path || "(root)"}: ${i.message}`)
      .join("\n");
    io.stderr(`tablewright ${command}: ${flag} is not a valid tier policy:\n${details}\n`);
    return undefined;
  }
  return parsed.data;
}

/**
 * `--aws-provider 5|6` over the policy's `awsProviderMajor`: the returned policy validates and
 * renders for that target. Prints the rule and returns undefined for any other value.
 */
export function applyProviderFlag(
  command: string,
  flag: string | true | undefined,
  policy: TierPolicy,
  io: CliIo,
): TierPolicy | undefined {
  if (flag === undefined) return policy;
  if (flag !== "5" && flag !== "6") {
    io.stderr(`tablewright ${command}: --aws-provider must be 5 or 6 (the hashicorp/aws major version)\n`);
    return undefined;
  }
  return { ...policy, awsProviderMajor: Number(flag) as 5 | 6 };
}
