import type { RiskLevel } from "../plan/schema";
import type { TierRules } from "../policy/schema";

export interface ApprovalRequirement {
  /** Approvals of the current revision before it is approved. */
  approvals: number;
  /** At least one approval must come from the platform role (every team's requests, decides). */
  platformRoleRequired: boolean;
}

/**
 * How many approvals a revision needs, from its tier and its operation plan's risk. A tier may
 * declare approvals per risk level (`approvalsByRisk`, e.g. `low: 1` in prod lets a tags-only
 * change pass with one); without a declaration the tier's `requiredApprovals` holds. A destructive
 * plan (the table is replaced, its items are lost unless migrated) never needs fewer than the
 * tier's count and always needs the platform role, even in dev. `risk` is that of a change
 * plan; a create (nothing exists yet) or an adoption without difference passes `undefined` and
 * needs the tier's count, so `low: 1` never lets a new prod table through with one approval.
 */
export function requiredApprovalsFor(
  rules: Pick<TierRules, "requiredApprovals" | "approvalsByRisk">,
  risk: RiskLevel | undefined,
): ApprovalRequirement {
  const declared = risk ? rules.approvalsByRisk?.[risk] : undefined;
  if (risk === "destructive") {
    return {
      approvals: Math.max(declared ?? rules.requiredApprovals, rules.requiredApprovals),
      platformRoleRequired: true,
    };
  }
  return { approvals: declared ?? rules.requiredApprovals, platformRoleRequired: false };
}
