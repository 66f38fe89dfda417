"use client";

import { useFormContext } from "react-hook-form";
import { Input, Select } from "@/components/ui/form-controls";
import { ATTRIBUTE_TYPES } from "../controls";
import { Field, SectionIssues } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";

/** Name and type of one key attribute (`partitionKey`, `globalSecondaryIndexes.0.sortKey`, ...). */
export function KeyAttributeFields({
  name,
  label,
  hasAnchor = true,
}: {
  name: string;
  label: string;
  /** Render the anchor for issues on the key as a whole ("partitionKey is required"); off when the caller has one. */
  hasAnchor?: boolean;
}) {
  const { register } = useFormContext<RequestFormValues>();
  const path = name as "partitionKey";
  return (
    <div className={styles.keyRow}>
      {hasAnchor && <SectionIssues name={name} />}
      <Field name={`${name}.name`} label={`${label} name`} help={FIELD_HELP.keyName}>
        {(a) => <Input autoComplete="off" spellCheck={false} {...a} {...register(`${path}.name`)} />}
      </Field>
      <Field name={`${name}.type`} label={`${label} type`}>
        {(a) => (
          <Select {...a} {...register(`${path}.type`)}>
            {ATTRIBUTE_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
