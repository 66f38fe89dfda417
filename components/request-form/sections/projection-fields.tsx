"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Select } from "@/components/ui/form-controls";

import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { CommaListInput } from "./comma-list-input";

/** Projection type and, for INCLUDE, the non-key attributes of one index (`globalSecondaryIndexes.0`). */
export function ProjectionFields({ index }: { index: string }) {
  const { register, control } = useFormContext<RequestFormValues>();
  const base = `${index}.projection` as "globalSecondaryIndexes.0.projection";
  const type = useWatch<RequestFormValues>({ name: `${base}.type` });
  return (
    <div className={styles.grid2}>
      <Field name={`${base}.type`} label="Projection" help={FIELD_HELP.projection}>
        {(a) => (
          <Select {...a} {...register(`${base}.type`)}>
            <option value="ALL">ALL (every attribute)</option>
            <option value="KEYS_ONLY">KEYS_ONLY</option>
            <option value="INCLUDE">INCLUDE (listed attributes)</option>
          </Select>
        )}
      </Field>
      {type === "INCLUDE" && (
        <Field name={`${base}.nonKeyAttributes`} label="Non-key attributes" help={FIELD_HELP.nonKeyAttributes}>
          {(a) => (
            <Controller
              control={control}
              name={`${base}.nonKeyAttributes`}
              render={({ field }) => (
                <CommaListInput
                  {...a}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                />
              )}
            />
          )}
        </Field>
      )}
    </div>
  );
}
