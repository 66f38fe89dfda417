import { deriveDrPattern, survivesRegionLoss } from "../../dr/derive-pattern";
import type { RuleContext } from "./context";

/** The tier policy's guardrails; every finding has source `policy`, apart from AWS limits. */
export function checkTierPolicy({ request, policy, report }: RuleContext): void {
  const rules = policy.tiers[request.tier];
  const tier = request.tier;
  const { regions } = request;

  if (rules.pointInTimeRecovery === "required" && !request.pointInTimeRecovery.enabled) {
    report.add(
      "POLICY_PITR_REQUIRED",
      ["pointInTimeRecovery", "enabled"],
      `The ${tier} tier requires point-in-time recovery.`,
    );
  }
  const minDays = rules.minRecoveryPeriodInDays;
  if (
    minDays !== undefined &&
    request.pointInTimeRecovery.enabled &&
    request.pointInTimeRecovery.recoveryPeriodInDays < minDays
  ) {
    report.add(
      "POLICY_PITR_RECOVERY_PERIOD",
      ["pointInTimeRecovery", "recoveryPeriodInDays"],
      `The ${tier} tier requires a recovery period of at least ${minDays} days.`,
    );
  }

  if (rules.deletionProtection === "required") {
    if (!request.deletionProtection) {
      report.add(
        "POLICY_DELETION_PROTECTION_REQUIRED",
        ["deletionProtection"],
        `The ${tier} tier requires deletion protection.`,
      );
    }
    regions.replicas.forEach((replica, i) => {
      if (replica.deletionProtection === false) {
        report.add(
          "POLICY_DELETION_PROTECTION_REQUIRED",
          ["regions", "replicas", i, "deletionProtection"],
          `The ${tier} tier requires deletion protection on every replica.`,
        );
      }
    });
  }

  const regionCount = 1 + regions.replicas.length + (regions.witness ? 1 : 0);
  if (rules.maxRegions !== undefined && regionCount > rules.maxRegions) {
    report.add(
      "POLICY_MAX_REGIONS",
      ["regions", "replicas"],
      `The ${tier} tier allows ${rules.maxRegions} Region(s); this request uses ${regionCount}.`,
    );
  }

  const pattern = deriveDrPattern(request);
  if (!rules.allowedDrPatterns.includes(pattern)) {
    report.add(
      "POLICY_DR_PATTERN_NOT_ALLOWED",
      request.drPattern ? ["drPattern"] : ["regions"],
      `The ${tier} tier allows ${rules.allowedDrPatterns.join(", ")}; this request is ${pattern}.`,
    );
  }
  if (rules.mustSurviveRegionLoss && !survivesRegionLoss(request)) {
    report.add(
      "POLICY_REGION_LOSS_NOT_SURVIVED",
      ["regions", "replicas"],
      `The ${tier} tier must survive the loss of a Region: add a replica or a backup with copyRegion.`,
    );
  }

  if (rules.requireBackup && !request.backup?.enabled) {
    report.add("POLICY_BACKUP_REQUIRED", ["backup"], `The ${tier} tier requires an AWS Backup plan.`);
  }
  if (rules.requireAlarms && !request.alarms?.enabled) {
    report.add("POLICY_ALARMS_REQUIRED", ["alarms"], `The ${tier} tier requires CloudWatch alarms.`);
  }
  if (rules.requireCustomerManagedKey && request.encryption.type !== "CUSTOMER_MANAGED") {
    report.add(
      "POLICY_CUSTOMER_MANAGED_KEY_REQUIRED",
      ["encryption", "type"],
      `The ${tier} tier requires a customer-managed KMS key.`,
    );
  }

  const mode = request.billing.mode;
  if (policy.onDemandOnly && mode !== "PAY_PER_REQUEST") {
    report.add(
      "POLICY_ON_DEMAND_ONLY",
      ["billing", "mode"],
      "The policy allows only PAY_PER_REQUEST (on-demand) billing.",
    );
  } else if (!rules.allowedBillingModes.includes(mode)) {
    report.add(
      "POLICY_BILLING_MODE_NOT_ALLOWED",
      ["billing", "mode"],
      `The ${tier} tier allows ${rules.allowedBillingModes.join(", ")} billing.`,
    );
  }

  for (const key of policy.mandatoryTags) {
    const value = request.tags[key];
    if (value === undefined || value.trim() === "") {
      report.add("POLICY_MANDATORY_TAG_MISSING", ["tags", key], `The policy requires a non-empty "${key}" tag.`);
    }
  }
}
