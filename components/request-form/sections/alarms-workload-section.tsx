"use client";

import { type FieldPath, useFormContext, useWatch } from "react-hook-form";
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
  | "workload.itemCount"
  | "workload.storageGb"
  | "workload.monthlyGrowthGb"
  | "workload.streamReadsPerSecond"
  | "workload.readConsistencyMix.eventual"
  | "workload.readConsistencyMix.strong"
  | "workload.readConsistencyMix.transactional"
  | `workload.readsPerSecondByRegion.${string}`;

function NumberField({ name, label, help, step }: { name: NumberName; label: string; help?: string; step?: string }) {
  const { register } = useFormContext<RequestFormValues>();
  return (
    <Field name={name} label={label} help={help}>
      {(a) => (
        <Input
          type="number"
          min={0}
          step={step ?? "any"}
          {...a}
          {...register(name as FieldPath<RequestFormValues>, NUMBER_OPTIONS)}
        />
      )}
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
            <DataSizeFields />
            <NumberField
              name="workload.monthlyGrowthGb"
              label="Data growth per month (GB, optional)"
              help={FIELD_HELP.monthlyGrowth}
            />
            <NumberField
              name="workload.streamReadsPerSecond"
              label="Stream reads per second (optional)"
              help={FIELD_HELP.streamReads}
            />
          </div>
          <ReadsByRegionFields />
          <div className={styles.grid2}>
            <ConsistencyFields />
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

/** The data size, as an item count or as raw item data in GB: one measure, sent alone. */
function DataSizeFields() {
  const { register } = useFormContext<RequestFormValues>();
  const measure = useWatch<RequestFormValues, "workload.dataSize">({ name: "workload.dataSize" });
  return (
    <>
      <Field name="workload.dataSize" label="Data size given as" help={FIELD_HELP.dataSize}>
        {(a) => (
          <Select {...a} {...register("workload.dataSize")}>
            <option value="itemCount">Number of items</option>
            <option value="storageGb">Raw item data (GB)</option>
          </Select>
        )}
      </Field>
      {measure === "itemCount" ? (
        <NumberField name="workload.itemCount" label="Items in the table" help={FIELD_HELP.itemCount} step="1" />
      ) : (
        <NumberField name="workload.storageGb" label="Raw item data (GB)" help={FIELD_HELP.storageGb} />
      )}
    </>
  );
}

/** Reads per second per Region of the table; a blank Region shares what is left evenly (ACTIVE Regions). */
function ReadsByRegionFields() {
  const { register } = useFormContext<RequestFormValues>();
  const enabled = useWatch<RequestFormValues, "workload.useReadsByRegion">({ name: "workload.useReadsByRegion" });
  const primary = useWatch<RequestFormValues, "regions.primary">({ name: "regions.primary" });
  const replicas = useWatch<RequestFormValues, "regions.replicas">({ name: "regions.replicas" }) ?? [];
  const regions = [primary, ...replicas.map((r) => r.region)].filter((r, i, all) => r && all.indexOf(r) === i);
  if (regions.length < 2) return null;
  return (
    <>
      <Field
        name="workload.readsPerSecondByRegion"
        label="Reads differ by Region"
        layout="checkbox"
        help={FIELD_HELP.readsByRegion}
      >
        {(a) => <Checkbox {...a} {...register("workload.useReadsByRegion")} />}
      </Field>
      {enabled && (
        <div className={styles.grid2}>
          {regions.map((region) => (
            <NumberField
              key={region}
              name={`workload.readsPerSecondByRegion.${region}`}
              label={`Reads per second in ${region}`}
            />
          ))}
        </div>
      )}
    </>
  );
}

/** One consistency for every read, or a mix in percent. */
function ConsistencyFields() {
  const { register } = useFormContext<RequestFormValues>();
  const mixed = useWatch<RequestFormValues, "workload.useConsistencyMix">({ name: "workload.useConsistencyMix" });
  return (
    <>
      {!mixed && (
        <Field name="workload.readConsistency" label="Read consistency">
          {(a) => (
            <Select {...a} {...register("workload.readConsistency")}>
              <option value="EVENTUAL">Eventually consistent (half price)</option>
              <option value="STRONG">Strongly consistent</option>
              <option value="TRANSACTIONAL">Transactional (double)</option>
            </Select>
          )}
        </Field>
      )}
      <Field
        name="workload.readConsistencyMix"
        label="A mix of consistencies"
        layout="checkbox"
        help={FIELD_HELP.consistencyMix}
      >
        {(a) => <Checkbox {...a} {...register("workload.useConsistencyMix")} />}
      </Field>
      {mixed && (
        <>
          <NumberField name="workload.readConsistencyMix.eventual" label="Eventually consistent (%)" />
          <NumberField name="workload.readConsistencyMix.strong" label="Strongly consistent (%)" />
          <NumberField name="workload.readConsistencyMix.transactional" label="Transactional (%)" />
        </>
      )}
    </>
  );
}
