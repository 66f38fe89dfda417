"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox, Input, Select } from "@/components/ui/form-controls";
import { NUMBER_OPTIONS, RegionOptions } from "../controls";
import { Field, SectionIssues } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

export function ProtectionSection() {
  const { register } = useFormContext<RequestFormValues>();
  const pitr = useWatch<RequestFormValues, "pointInTimeRecovery.enabled">({ name: "pointInTimeRecovery.enabled" });
  const backup = useWatch<RequestFormValues, "backup.enabled">({ name: "backup.enabled" });
  const copyRegion = useWatch<RequestFormValues, "backup.copyRegion">({ name: "backup.copyRegion" });
  return (
    <Section name="pointInTimeRecovery" title="Data protection">
      <div className={styles.grid2}>
        <Field
          name="pointInTimeRecovery.enabled"
          label="Point-in-time recovery (PITR)"
          layout="checkbox"
          help={FIELD_HELP.pitr}
        >
          {(a) => <Checkbox {...a} {...register("pointInTimeRecovery.enabled")} />}
        </Field>
        {pitr && (
          <Field
            name="pointInTimeRecovery.recoveryPeriodInDays"
            label="Recovery period (days)"
            help={FIELD_HELP.pitrDays}
          >
            {(a) => (
              <Input
                type="number"
                min={1}
                max={35}
                {...a}
                {...register("pointInTimeRecovery.recoveryPeriodInDays", NUMBER_OPTIONS)}
              />
            )}
          </Field>
        )}
      </div>
      <Field
        name="deletionProtection"
        label="Deletion protection"
        layout="checkbox"
        help={FIELD_HELP.deletionProtection}
      >
        {(a) => <Checkbox {...a} {...register("deletionProtection")} />}
      </Field>
      <SectionIssues name="backup" />
      <Field name="backup.enabled" label="AWS Backup plan" layout="checkbox" help={FIELD_HELP.backup}>
        {(a) => <Checkbox {...a} {...register("backup.enabled")} />}
      </Field>
      {backup && (
        <div className={styles.grid2}>
          <Field name="backup.schedule" label="Schedule (cron, UTC)" help={FIELD_HELP.backupSchedule}>
            {(a) => <Input spellCheck={false} {...a} {...register("backup.schedule")} />}
          </Field>
          <Field name="backup.retentionDays" label="Retention (days)" help={FIELD_HELP.backupRetention}>
            {(a) => <Input type="number" min={1} {...a} {...register("backup.retentionDays", NUMBER_OPTIONS)} />}
          </Field>
          <Field name="backup.copyRegion" label="Copy to Region" help={FIELD_HELP.copyRegion}>
            {(a) => (
              <Select {...a} {...register("backup.copyRegion")}>
                <RegionOptions emptyLabel="No cross-Region copy" />
              </Select>
            )}
          </Field>
          {copyRegion !== "" && (
            <Field name="backup.copyRetentionDays" label="Copy retention (days)">
              {(a) => <Input type="number" min={1} {...a} {...register("backup.copyRetentionDays", NUMBER_OPTIONS)} />}
            </Field>
          )}
        </div>
      )}
    </Section>
  );
}
