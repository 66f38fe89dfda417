"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox, Input, Select } from "@/components/ui/form-controls";
import { NUMBER_OPTIONS } from "../controls";
import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

type NumberName =
  | "alarms.readThrottleThreshold"
  | "alarms.writeThrottleThreshold"
  | "alarms.systemErrorsThreshold"
  | "alarms.replicationLatencyMsThreshold"
  | "alarms.evaluationPeriods"
  | "alarms.datapointsToAlarm"
  | "workload.readsPerSecond"
  | "workload.peakReadsPerSecond"
  | "workload.writesPerSecond"
  | "workload.peakWritesPerSecond"
  | "workload.itemSizeBytes"
  | "workload.storageGb"
  | "workload.monthlyGrowthGb"
  | "workload.streamReadsPerSecond";

function NumberField({ name, label, help, step }: { name: NumberName; label: string; help?: string; step?: string }) {
  const { register } = useFormContext<RequestFormValues>();
  return (
    <Field name={name} label={label} help={help}>
      {(a) => <Input type="number" min={0} step={step ?? "any"} {...a} {...register(name, NUMBER_OPTIONS)} />}
    </Field>
  );
}

export function AlarmsSection() {
  const { register } = useFormContext<RequestFormValues>();
  const enabled = useWatch<RequestFormValues, "alarms.enabled">({ name: "alarms.enabled" });
  return (
    <Section name="alarms" title="Alarms">
      <Field name="alarms.enabled" label="CloudWatch alarms" layout="checkbox" help={FIELD_HELP.alarms}>
        {(a) => <Checkbox {...a} {...register("alarms.enabled")} />}
      </Field>
      {enabled && (
        <>
          <Field name="alarms.notificationTopicArn" label="SNS topic ARN (optional)" help={FIELD_HELP.snsTopic}>
            {(a) => <Input spellCheck={false} {...a} {...register("alarms.notificationTopicArn")} />}
          </Field>
          <div className={styles.grid2}>
            <NumberField name="alarms.readThrottleThreshold" label="Read throttles per minute" step="1" />
            <NumberField name="alarms.writeThrottleThreshold" label="Write throttles per minute" step="1" />
            <NumberField name="alarms.systemErrorsThreshold" label="System errors per minute" step="1" />
            <NumberField name="alarms.replicationLatencyMsThreshold" label="Replication latency (ms)" step="1" />
            <NumberField name="alarms.evaluationPeriods" label="Evaluation window (minutes)" step="1" />
            <NumberField name="alarms.datapointsToAlarm" label="Breaching minutes to alarm" step="1" />
          </div>
        </>
      )}
    </Section>
  );
}

export function WorkloadSection() {
  const { register } = useFormContext<RequestFormValues>();
  const enabled = useWatch<RequestFormValues, "hasWorkload">({ name: "hasWorkload" });
  return (
    <Section name="workload" title="Expected workload">
      <Field name="hasWorkload" label="I know the expected workload" layout="checkbox" help={FIELD_HELP.workload}>
        {(a) => <Checkbox {...a} {...register("hasWorkload")} />}
      </Field>
      {enabled ? (
        <>
          <div className={styles.grid2}>
            <NumberField name="workload.readsPerSecond" label="Reads per second (average)" />
            <NumberField name="workload.peakReadsPerSecond" label="Peak reads per second (optional)" />
            <NumberField name="workload.writesPerSecond" label="Writes per second (average)" />
            <NumberField name="workload.peakWritesPerSecond" label="Peak writes per second (optional)" />
            <NumberField name="workload.itemSizeBytes" label="Item size (bytes)" help={FIELD_HELP.itemSize} step="1" />
            <NumberField name="workload.storageGb" label="Storage (GB)" />
            <NumberField name="workload.monthlyGrowthGb" label="Growth per month (GB, optional)" />
            <NumberField
              name="workload.streamReadsPerSecond"
              label="Stream reads per second (optional)"
              help={FIELD_HELP.streamReads}
            />
          </div>
          <div className={styles.grid2}>
            <Field name="workload.readConsistency" label="Read consistency">
              {(a) => (
                <Select {...a} {...register("workload.readConsistency")}>
                  <option value="EVENTUAL">Eventually consistent (half price)</option>
                  <option value="STRONG">Strongly consistent</option>
                  <option value="TRANSACTIONAL">Transactional (double)</option>
                </Select>
              )}
            </Field>
            <Field name="workload.writeMode" label="Writes">
              {(a) => (
                <Select {...a} {...register("workload.writeMode")}>
                  <option value="STANDARD">Standard</option>
                  <option value="TRANSACTIONAL">Transactional (double)</option>
                </Select>
              )}
            </Field>
          </div>
        </>
      ) : (
        <p className={styles.notice}>
          No workload given: the cost estimate uses the tier&apos;s default workload and shows a low / expected / high
          range.
        </p>
      )}
    </Section>
  );
}
