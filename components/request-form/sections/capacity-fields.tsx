"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox, Input } from "@/components/ui/form-controls";
import { NUMBER_OPTIONS } from "../controls";
import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";

/** Provisioned units and auto scaling for one capacity (`billing.read`, `globalSecondaryIndexes.0.write`). */
export function CapacityFields({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext<RequestFormValues>();
  const base = name as "billing.read";
  const autoscaling = useWatch<RequestFormValues>({ name: `${base}.autoscalingEnabled` });
  return (
    <div className={styles.capacity}>
      <div className={styles.grid2}>
        <Field name={`${base}.units`} label={`${label} units`} help={FIELD_HELP.capacityUnits}>
          {(a) => <Input type="number" min={1} step={1} {...a} {...register(`${base}.units`, NUMBER_OPTIONS)} />}
        </Field>
        <Field
          name={`${base}.autoscalingEnabled`}
          label={`Auto scale ${label.toLowerCase()}`}
          layout="checkbox"
          help={FIELD_HELP.autoscaling}
        >
          {(a) => <Checkbox {...a} {...register(`${base}.autoscalingEnabled`)} />}
        </Field>
      </div>
      {autoscaling === true && (
        <div className={styles.grid3}>
          <Field name={`${base}.autoscaling.minCapacity`} label={`${label} min`}>
            {(a) => (
              <Input type="number" min={1} {...a} {...register(`${base}.autoscaling.minCapacity`, NUMBER_OPTIONS)} />
            )}
          </Field>
          <Field name={`${base}.autoscaling.maxCapacity`} label={`${label} max`}>
            {(a) => (
              <Input type="number" min={1} {...a} {...register(`${base}.autoscaling.maxCapacity`, NUMBER_OPTIONS)} />
            )}
          </Field>
          <Field
            name={`${base}.autoscaling.targetUtilization`}
            label={`${label} target %`}
            help={FIELD_HELP.targetUtilization}
          >
            {(a) => (
              <Input
                type="number"
                min={20}
                max={90}
                {...a}
                {...register(`${base}.autoscaling.targetUtilization`, NUMBER_OPTIONS)}
              />
            )}
          </Field>
        </div>
      )}
    </div>
  );
}
