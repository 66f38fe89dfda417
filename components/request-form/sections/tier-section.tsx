"use client";

import { useState, useSyncExternalStore } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { type AccountTarget, resolveAccountTarget } from "@/lib/domain/accounts/account-target";
import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { Tier } from "@/lib/domain/request/schema";
import { focusField } from "../checks-list";
import { FIELD_HELP } from "../field-help";
import { fieldId } from "../field-paths";
import type { RequestFormValues } from "../form-schema";
import { useIssueStore } from "../issue-context";
import styles from "../request-form.module.css";
import { Section } from "../section";
import {
  changeTier,
  describeTierValue,
  listTierRequirements,
  readTierField,
  type TierField,
  type TierFieldChange,
} from "../tier-change";

const TIERS: Tier[] = ["dev", "staging", "prod"];

interface AppliedChange {
  from: Tier;
  to: Tier;
  changes: TierFieldChange[];
}

/** Writes a tier-controlled field through react-hook-form, so watchers and the draft see it. */
function useTierFieldWriter() {
  const { getValues, setValue } = useFormContext<RequestFormValues>();
  const options = { shouldDirty: true } as const;
  return (field: TierField, value: string | number | boolean | undefined) => {
    if (field === "environmentTag") {
      const row = getValues("tags").findIndex((t) => t.key === "Environment");
      if (row >= 0) setValue(`tags.${row}.value`, String(value ?? ""), options);
      return;
    }
    setValue(field, value as never, options);
  };
}

/**
 * Picking a tier fills in its defaults only where the person has not set a value, lists what it
 * changed with an Undo, and shows what the tier requires as checks against the current request.
 */
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
  const writeField = useTierFieldWriter();
  const [applied, setApplied] = useState<AppliedChange>();

  const chooseTier = (next: Tier) => {
    const current = getValues();
    if (next === current.tier) return;
    const { changes } = changeTier(current, next, policy);
    setValue("tier", next, { shouldDirty: true });
    for (const change of changes) writeField(change.field, change.to);
    setApplied({ from: current.tier, to: next, changes });
  };

  const undo = () => {
    if (!applied) return;
    const current = getValues();
    setValue("tier", applied.from, { shouldDirty: true });
    // Put back only what the tier change set and nobody has edited since.
    for (const change of applied.changes) {
      if (readTierField(current, change.field) === change.to) writeField(change.field, change.from);
    }
    setApplied(undefined);
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
      <div role="status" data-testid="tier-change-notice">
        {applied && (
          <div className={styles.tierNotice}>
            <p>
              {applied.changes.length === 0 ? (
                <>
                  Switched to <strong>{applied.to}</strong>: nothing you set was changed.
                </>
              ) : (
                <>
                  Switched to <strong>{applied.to}</strong>, which filled in{" "}
                  {applied.changes.length === 1 ? "one default" : `${applied.changes.length} defaults`} where you had
                  not set a value:
                </>
              )}
            </p>
            {applied.changes.length > 0 && (
              <ul>
                {applied.changes.map((change) => (
                  <li key={change.field}>
                    {change.label}: {describeTierValue(change.field, change.from)} →{" "}
                    <strong>{describeTierValue(change.field, change.to)}</strong>
                  </li>
                ))}
              </ul>
            )}
            <div className={styles.tierNoticeActions}>
              <Button variant="secondary" size="small" onClick={undo}>
                Undo: back to {applied.from}
              </Button>
              <Button variant="ghost" size="small" onClick={() => setApplied(undefined)}>
                Dismiss
              </Button>
            </div>
          </div>
        )}
      </div>
      <TierRequirementChecks policy={policy} tier={tier} />
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

/** The tier's requirements, each ticked or not by the engine's policy findings on the current request. */
function TierRequirementChecks({ policy, tier }: { policy: TierPolicy; tier: Tier }) {
  const store = useIssueStore();
  const issues = useSyncExternalStore(store.subscribe, store.allIssues, store.allIssues);
  const rules = policy.tiers[tier];
  const requirements = listTierRequirements(rules, policy);
  return (
    <div className={styles.requirements} data-testid="tier-requirements">
      <h3 className={styles.requirementsTitle} id="tier-requirements-title">
        What {tier} requires ({rules.requiredApprovals} approval{rules.requiredApprovals === 1 ? "" : "s"} to go live)
      </h3>
      <ul aria-labelledby="tier-requirements-title" className={styles.requirementList}>
        {requirements.map((requirement) => {
          const failing = issues.find((issue) => requirement.codes.includes(issue.code));
          return (
            <li
              key={requirement.id}
              data-requirement={requirement.id}
              data-met={failing ? "false" : "true"}
              className={failing ? styles.requirementUnmet : styles.requirementMet}
            >
              <span aria-hidden="true" className={styles.requirementMark}>
                {failing ? "✗" : "✓"}
              </span>
              <span className="visually-hidden">{failing ? "Not met: " : "Met: "}</span>
              {failing ? (
                <a
                  href={`#${fieldId(failing.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(failing.field);
                  }}
                >
                  {requirement.label}
                </a>
              ) : (
                requirement.label
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
