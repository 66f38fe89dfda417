"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { type AccountTarget, resolveAccountTarget } from "@/lib/domain/accounts/account-target";
import type { TierPolicy, TierRules } from "@/lib/domain/policy/schema";
import type { Tier } from "@/lib/domain/request/schema";
import { FIELD_HELP } from "../field-help";
import { applyTierDefaults } from "../form-defaults";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

const TIERS: Tier[] = ["dev", "staging", "prod"];
const DR_PATTERN_LABELS: Record<string, string> = {
  SINGLE_REGION_PITR: "single Region + PITR",
  BACKUP_CROSS_REGION_COPY: "backup with cross-Region copy",
  ACTIVE_PASSIVE: "active-passive",
  ACTIVE_ACTIVE_MREC: "active-active",
  MRSC: "MRSC",
};

/** The tier's rules in one line a person can check the form against. */
export function describeTierRequirements(rules: TierRules): string[] {
  const out: string[] = [];
  if (rules.pointInTimeRecovery === "required") {
    out.push(rules.minRecoveryPeriodInDays ? `PITR ${rules.minRecoveryPeriodInDays} days` : "PITR");
  } else out.push("PITR optional");
  if (rules.deletionProtection === "required") out.push("deletion protection");
  if (rules.mustSurviveRegionLoss) out.push("survives a Region loss");
  if (rules.maxRegions) out.push(`at most ${rules.maxRegions} Region${rules.maxRegions === 1 ? "" : "s"}`);
  if (rules.requireBackup) out.push("AWS Backup plan");
  if (rules.requireAlarms) out.push("alarms");
  if (rules.requireCustomerManagedKey) out.push("customer-managed key");
  out.push(`DR: ${rules.allowedDrPatterns.map((p) => DR_PATTERN_LABELS[p] ?? p).join(", ")}`);
  out.push(`${rules.requiredApprovals} approval${rules.requiredApprovals === 1 ? "" : "s"}`);
  return out;
}

/** Picking a tier fills in its defaults (the person can still change them) and shows what it requires. */
export function TierSection({
  policy,
  accountTargets = [],
}: {
  policy: TierPolicy;
  /** Admins' account mappings: the form shows which account the chosen team and tier deploy to. */
  accountTargets?: AccountTarget[];
}) {
  const { getValues, setValue } = useFormContext<RequestFormValues>();
  const tier = useWatch<RequestFormValues, "tier">({ name: "tier" });
  const team = useWatch<RequestFormValues, "owner.team">({ name: "owner.team" });
  const account = resolveAccountTarget(accountTargets, { team: team ?? "", tier });

  const chooseTier = (next: Tier) => {
    if (next === getValues("tier")) return;
    const applied = applyTierDefaults(getValues(), next, policy);
    const options = { shouldDirty: true } as const;
    setValue("tier", applied.tier, options);
    setValue("billing.mode", applied.billing.mode, options);
    setValue("tableClass", applied.tableClass, options);
    setValue("pointInTimeRecovery", applied.pointInTimeRecovery, options);
    setValue("deletionProtection", applied.deletionProtection, options);
    setValue("backup", applied.backup, options);
    setValue("alarms.enabled", applied.alarms.enabled, options);
    setValue("tags", applied.tags, options);
  };

  return (
    <Section name="tier" title="Tier" description={FIELD_HELP.tier}>
      <div role="radiogroup" aria-label="Tier" className={styles.tierCards}>
        {TIERS.map((t) => (
          <label key={t} className={`${styles.tierCard} ${t === tier ? styles.tierCardActive : ""}`}>
            <input
              type="radio"
              name="tier"
              value={t}
              checked={t === tier}
              onChange={() => chooseTier(t)}
              className={styles.tierRadio}
              aria-labelledby={`tier-name-${t}`}
              aria-describedby={`tier-text-${t}`}
            />
            <span className={styles.tierName} id={`tier-name-${t}`}>
              {t}
            </span>
            <span className={styles.tierText} id={`tier-text-${t}`}>
              {policy.tiers[t].description}
            </span>
          </label>
        ))}
      </div>
      <p className={styles.requirements} data-testid="tier-requirements">
        <strong>{tier} requires:</strong> {describeTierRequirements(policy.tiers[tier]).join(" · ")}
      </p>
      <p className={styles.requirements} data-testid="tier-account" aria-live="polite">
        <strong>AWS account:</strong>{" "}
        {account ? (
          <>
            <code>{account.accountId}</code> (the module assumes <code>{account.roleArn}</code>)
          </>
        ) : (
          "the default account of the pipeline's credentials"
        )}
      </p>
    </Section>
  );
}
