import type { TierPolicy } from "../../policy/schema";
import type { TableRequest } from "../../request/schema";
import type { RuleContext } from "./context";

export const MIN_RECOVERY_DAYS = 1;
export const MAX_RECOVERY_DAYS = 35;

/** PITR recovery window, and advice when PITR is off outside dev. */
export function checkPointInTimeRecovery({ request, policy, report }: RuleContext): void {
  const pitr = request.pointInTimeRecovery;
  const days = pitr.recoveryPeriodInDays;
  if (days < MIN_RECOVERY_DAYS || days > MAX_RECOVERY_DAYS) {
    report.add(
      "PITR_RECOVERY_PERIOD_RANGE",
      ["pointInTimeRecovery", "recoveryPeriodInDays"],
      `The recovery period must be ${MIN_RECOVERY_DAYS}-${MAX_RECOVERY_DAYS} days; it is ${days}.`,
    );
  }
  // When the policy already requires PITR it reports the error; do not say it twice.
  if (pitrOffIsReported(request, policy) && policy.tiers[request.tier].pointInTimeRecovery !== "required") {
    report.add(
      "PITR_DISABLED",
      ["pointInTimeRecovery", "enabled"],
      `Point-in-time recovery is off in ${request.tier}; a bad write or delete cannot be undone.`,
    );
  }
}

/**
 * True when validation reports the table's PITR being off: POLICY_PITR_REQUIRED when the tier
 * requires it, else PITR_DISABLED outside dev. The DR preview warns (DR_PITR_DISABLED) only when
 * this is false, so the finding is never shown twice.
 */
export function pitrOffIsReported(request: TableRequest, policy: TierPolicy): boolean {
  if (request.pointInTimeRecovery.enabled) return false;
  return request.tier !== "dev" || policy.tiers[request.tier].pointInTimeRecovery === "required";
}
