import * as z from "zod";
import { refuseUnscoped, TARGET_SCOPE_FIELDS } from "./target-scope";

/**
 * Multi-account targets: an admin maps a team, a tier, or a team in one tier to the AWS account
 * its tables live in and the IAM role Tablewright and the pipeline assume there. Pure: the
 * server stores the mappings, the renderer turns one into the provider's `assume_role` block,
 * and the live checks assume the same role through STS.
 */

/** An AWS account ID is exactly twelve digits (leading zeros are significant). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/**
 * An IAM role ARN: `arn:<partition>:iam::<account>:role/<optional path/><name>`. Role names are
 * 1-64 of `[\w+=,.@-]`; a path is `/`-delimited printable ASCII (IAM's own patterns).
 */
const ROLE_ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/((?:[\x21-\x2e\x30-\x7e]+\/)*)([\w+=,.@-]{1,64})$/;

/** STS external IDs: 2-1224 characters of `[\w+=,.@:/-]`. */
const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;

/** The account ID inside a role ARN, or undefined when the text is not a role ARN. */
export function accountIdOfRoleArn(roleArn: string): string | undefined {
  return ROLE_ARN_PATTERN.exec(roleArn)?.[2];
}

export const AccountTargetInputSchema = z
  .strictObject({
    ...TARGET_SCOPE_FIELDS,
    accountId: z
      .string()
      .regex(ACCOUNT_ID_PATTERN, "must be a 12-digit AWS account ID, e.g. 123456789012")
      .meta({ description: "The AWS account the tables are created in." }),
    roleArn: z
      .string()
      .max(2048)
      .regex(ROLE_ARN_PATTERN, "must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/tablewright")
      .meta({ description: "The role Tablewright (live checks) and the module's provider assume in that account." }),
    name: z
      .string()
      .trim()
      .min(1, "must not be empty (leave it out instead)")
      .max(64, "must be at most 64 characters")
      .optional()
      .meta({ description: "A human name for the account, e.g. checkout-prod; shown next to its ID." }),
    externalId: z
      .string()
      .regex(EXTERNAL_ID_PATTERN, "must be 2-1224 characters of letters, digits and +=,.@:/-")
      .optional()
      .meta({ description: "STS external ID the role's trust policy requires, if any." }),
  })
  .superRefine((value, ctx) => {
    refuseUnscoped(value, ctx);
    const inArn = accountIdOfRoleArn(value.roleArn);
    if (inArn && ACCOUNT_ID_PATTERN.test(value.accountId) && inArn !== value.accountId) {
      ctx.addIssue({
        code: "custom",
        path: ["roleArn"],
        message: `the role belongs to account ${inArn}, not to ${value.accountId}`,
      });
    }
  })
  .meta({ id: "AccountTargetInput" });

export type AccountTargetInput = z.infer<typeof AccountTargetInputSchema>;

/** A stored mapping. */
export interface AccountTarget extends AccountTargetInput {
  id: string;
}

/** What a request deploys to: the account and the role to assume there. */
export interface AssumeRoleTarget {
  accountId: string;
  roleArn: string;
  externalId?: string;
  /** The account's human name, for display only (the provider block never uses it). */
  name?: string;
}

/**
 * The mapping that applies to a team's request in a tier: team and tier both matching beats
 * the team alone, which beats the tier alone. Undefined means the default credentials' account.
 * Generic over the scope so delivery targets rank the same way.
 */
export function resolveAccountTarget<T extends Pick<AccountTarget, "team" | "tier">>(
  targets: readonly T[],
  scope: { team: string; tier: string },
): T | undefined {
  const rank = (t: T) => {
    if (t.team !== null && t.team !== scope.team) return -1;
    if (t.tier !== null && t.tier !== scope.tier) return -1;
    return (t.team !== null ? 2 : 0) + (t.tier !== null ? 1 : 0);
  };
  let best: T | undefined;
  for (const target of targets) {
    const r = rank(target);
    if (r > 0 && (best === undefined || r > rank(best))) best = target;
  }
  return best;
}

/** The renderer's and the live checks' view of a mapping. */
export function toAssumeRoleTarget(target: AccountTargetInput): AssumeRoleTarget {
  return {
    accountId: target.accountId,
    roleArn: target.roleArn,
    ...(target.externalId ? { externalId: target.externalId } : {}),
    ...(target.name ? { name: target.name } : {}),
  };
}

/** "123456789012 (checkout-prod)", or the ID alone when the account has no name. */
export function describeAccount(target: Pick<AssumeRoleTarget, "accountId" | "name">): string {
  return target.name ? `${target.accountId} (${target.name})` : target.accountId;
}

/**
 * Whether the mapping a revision was rendered with differs from today's for the same request:
 * another account, role or external ID (a renamed account is the same target).
 */
export function accountTargetChanged(
  renderedWith: AssumeRoleTarget | null | undefined,
  current: AssumeRoleTarget | null | undefined,
): boolean {
  // null and undefined both mean the default credentials' account.
  if (!renderedWith || !current) return Boolean(renderedWith) !== Boolean(current);
  return (
    renderedWith.accountId !== current.accountId ||
    renderedWith.roleArn !== current.roleArn ||
    (renderedWith.externalId ?? null) !== (current.externalId ?? null)
  );
}

/** "team checkout in prod", "every team in prod", "team checkout in every tier". */
export function describeAccountScope(target: Pick<AccountTarget, "team" | "tier">): string {
  const team = target.team === null ? "every team" : `team ${target.team}`;
  const tier = target.tier === null ? "every tier" : target.tier;
  return `${team} in ${tier}`;
}
