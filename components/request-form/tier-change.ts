import type { TierPolicy, TierRules } from "@/lib/domain/policy/schema";
import type { Tier } from "@/lib/domain/request/schema";
import { DR_PATTERN_LABELS } from "./dr-pattern-labels";
import type { RequestFormValues } from "./form-schema";

/** A form field a tier has a default for. */
export type TierField =
  | "billing.mode"
  | "tableClass"
  | "pointInTimeRecovery.enabled"
  | "pointInTimeRecovery.recoveryPeriodInDays"
  | "deletionProtection"
  | "backup.enabled"
  | "backup.schedule"
  | "backup.retentionDays"
  | "backup.copyRegion"
  | "backup.copyRetentionDays"
  | "alarms.enabled"
  | "environmentTag";

type FieldValue = string | number | boolean | undefined;

const LABELS: Record<TierField, string> = {
  "billing.mode": "Billing mode",
  tableClass: "Table class",
  "pointInTimeRecovery.enabled": "Point-in-time recovery",
  "pointInTimeRecovery.recoveryPeriodInDays": "Recovery period",
  deletionProtection: "Deletion protection",
  "backup.enabled": "AWS Backup plan",
  "backup.schedule": "Backup schedule",
  "backup.retentionDays": "Backup retention",
  "backup.copyRegion": "Backup copy Region",
  "backup.copyRetentionDays": "Copy retention",
  "alarms.enabled": "CloudWatch alarms",
  environmentTag: "Environment tag",
};

/** One field a tier change filled in, as the notice lists it (and Undo puts back). */
export interface TierFieldChange {
  field: TierField;
  label: string;
  from: FieldValue;
  to: FieldValue;
}

/** The value of each tier-controlled field that `tier`'s defaults give; undefined = the tier says nothing. */
function tierDefaults(tier: Tier, policy: TierPolicy): Record<TierField, FieldValue> {
  const d = policy.tiers[tier].defaults;
  return {
    "billing.mode": d.billing.mode,
    tableClass: d.tableClass,
    "pointInTimeRecovery.enabled": d.pointInTimeRecovery.enabled,
    "pointInTimeRecovery.recoveryPeriodInDays": d.pointInTimeRecovery.recoveryPeriodInDays,
    deletionProtection: d.deletionProtection,
    "backup.enabled": d.backup?.enabled ?? false,
    "backup.schedule": d.backup?.schedule,
    "backup.retentionDays": d.backup?.retentionDays,
    "backup.copyRegion": d.backup ? (d.backup.copyRegion ?? "") : undefined,
    "backup.copyRetentionDays": d.backup?.copyRetentionDays,
    "alarms.enabled": d.alarms,
    environmentTag: tier,
  };
}

/** Reads one tier-controlled field of the form. */
export function readTierField(values: RequestFormValues, field: TierField): FieldValue {
  switch (field) {
    case "billing.mode":
      return values.billing.mode;
    case "tableClass":
      return values.tableClass;
    case "pointInTimeRecovery.enabled":
      return values.pointInTimeRecovery.enabled;
    case "pointInTimeRecovery.recoveryPeriodInDays":
      return values.pointInTimeRecovery.recoveryPeriodInDays;
    case "deletionProtection":
      return values.deletionProtection;
    case "backup.enabled":
      return values.backup.enabled;
    case "backup.schedule":
      return values.backup.schedule;
    case "backup.retentionDays":
      return values.backup.retentionDays;
    case "backup.copyRegion":
      return values.backup.copyRegion;
    case "backup.copyRetentionDays":
      return values.backup.copyRetentionDays;
    case "alarms.enabled":
      return values.alarms.enabled;
    case "environmentTag":
      return values.tags.find((t) => t.key === "Environment")?.value;
  }
}

/** Writes one tier-controlled field into a copy of the values (used by tier changes and by Undo). */
export function writeTierField(values: RequestFormValues, field: TierField, value: FieldValue): void {
  switch (field) {
    case "billing.mode":
      values.billing.mode = value as RequestFormValues["billing"]["mode"];
      return;
    case "tableClass":
      values.tableClass = value as RequestFormValues["tableClass"];
      return;
    case "pointInTimeRecovery.enabled":
      values.pointInTimeRecovery.enabled = value as boolean;
      return;
    case "pointInTimeRecovery.recoveryPeriodInDays":
      values.pointInTimeRecovery.recoveryPeriodInDays = value as number;
      return;
    case "deletionProtection":
      values.deletionProtection = value as boolean;
      return;
    case "backup.enabled":
      values.backup.enabled = value as boolean;
      return;
    case "backup.schedule":
      values.backup.schedule = value as string;
      return;
    case "backup.retentionDays":
      values.backup.retentionDays = value as number;
      return;
    case "backup.copyRegion":
      values.backup.copyRegion = value as RequestFormValues["backup"]["copyRegion"];
      return;
    case "backup.copyRetentionDays":
      values.backup.copyRetentionDays = value as number | undefined;
      return;
    case "alarms.enabled":
      values.alarms.enabled = value as boolean;
      return;
    case "environmentTag": {
      const tag = values.tags.find((t) => t.key === "Environment");
      if (tag) tag.value = value as string;
      return;
    }
  }
}

/**
 * Moves the form to another tier. A field takes the new tier's default only while it still holds
 * the old tier's default: anything the person set (provisioned capacity, a longer PITR window,
 * deletion protection) stays as they left it. Returns what changed, so the form can list it with
 * an Undo; what the new tier *requires* is shown as checks, never forced.
 */
export function changeTier(
  values: RequestFormValues,
  next: Tier,
  policy: TierPolicy,
): { values: RequestFormValues; changes: TierFieldChange[] } {
  const before = tierDefaults(values.tier, policy);
  const after = tierDefaults(next, policy);
  const out = structuredClone(values);
  out.tier = next;
  const changes: TierFieldChange[] = [];
  for (const field of Object.keys(LABELS) as TierField[]) {
    const current = readTierField(values, field);
    const target = after[field];
    if (target === undefined || target === current) continue;
    // A backup detail the old tier had no default for counts as untouched while the plan is off.
    const isUntouched =
      current === before[field] ||
      (field.startsWith("backup.") && field !== "backup.enabled" && !values.backup.enabled);
    if (!isUntouched) continue;
    writeTierField(out, field, target);
    changes.push({ field, label: LABELS[field], from: current, to: target });
  }
  return { values: out, changes };
}

/** A field value as the tier notice says it. */
export function describeTierValue(field: TierField, value: FieldValue): string {
  if (value === undefined || value === "") return field === "backup.copyRegion" ? "no copy" : "not set";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (field === "billing.mode") return value === "PROVISIONED" ? "provisioned" : "on-demand";
  if (field === "tableClass") return value === "STANDARD" ? "Standard" : "Standard-Infrequent Access";
  if (field.endsWith("Days")) return `${value} days`;
  return String(value);
}

/** One requirement of a tier, with the validation codes that say it is not met. */
export interface TierRequirement {
  id: string;
  label: string;
  codes: string[];
}

/** What a tier requires, as checks the form ticks off against the engine's policy findings. */
export function listTierRequirements(rules: TierRules, policy: TierPolicy): TierRequirement[] {
  const out: TierRequirement[] = [];
  if (rules.pointInTimeRecovery === "required") {
    out.push({
      id: "pitr",
      label: rules.minRecoveryPeriodInDays
        ? `Point-in-time recovery, at least ${rules.minRecoveryPeriodInDays} days`
        : "Point-in-time recovery",
      codes: ["POLICY_PITR_REQUIRED", "POLICY_PITR_RECOVERY_PERIOD"],
    });
  }
  if (rules.deletionProtection === "required") {
    out.push({ id: "deletion", label: "Deletion protection", codes: ["POLICY_DELETION_PROTECTION_REQUIRED"] });
  }
  if (rules.mustSurviveRegionLoss) {
    out.push({
      id: "region-loss",
      label: "Survives the loss of a Region (a replica or a cross-Region backup copy)",
      codes: ["POLICY_REGION_LOSS_NOT_SURVIVED"],
    });
  }
  if (rules.maxRegions) {
    out.push({
      id: "regions",
      label: `At most ${rules.maxRegions} Region${rules.maxRegions === 1 ? "" : "s"}`,
      codes: ["POLICY_MAX_REGIONS"],
    });
  }
  if (rules.requireBackup) out.push({ id: "backup", label: "An AWS Backup plan", codes: ["POLICY_BACKUP_REQUIRED"] });
  if (rules.requireAlarms) out.push({ id: "alarms", label: "CloudWatch alarms", codes: ["POLICY_ALARMS_REQUIRED"] });
  if (rules.requireCustomerManagedKey) {
    out.push({ id: "cmk", label: "A customer-managed KMS key", codes: ["POLICY_CUSTOMER_MANAGED_KEY_REQUIRED"] });
  }
  out.push({
    id: "dr",
    label: `DR pattern${rules.allowedDrPatterns.length > 1 ? ", one of" : ""}: ${rules.allowedDrPatterns.map((p) => DR_PATTERN_LABELS[p]).join(" · ")}`,
    codes: ["POLICY_DR_PATTERN_NOT_ALLOWED"],
  });
  if (policy.onDemandOnly || rules.allowedBillingModes.length < 2) {
    out.push({
      id: "billing",
      label:
        policy.onDemandOnly || !rules.allowedBillingModes.includes("PROVISIONED")
          ? "On-demand billing"
          : "Provisioned billing",
      codes: ["POLICY_BILLING_MODE_NOT_ALLOWED", "POLICY_ON_DEMAND_ONLY"],
    });
  }
  if (policy.mandatoryTags.length > 0) {
    out.push({
      id: "tags",
      label: `Tags ${policy.mandatoryTags.join(", ")}`,
      codes: ["POLICY_MANDATORY_TAG_MISSING"],
    });
  }
  return out;
}
