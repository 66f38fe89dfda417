"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import ui from "@/components/ui/page.module.css";
import { inputClass } from "../controls";
import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import { fieldId } from "../field-paths";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

export function TagsSection({ mandatoryTags }: { mandatoryTags: string[] }) {
  const { control, register } = useFormContext<RequestFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "tags" });
  return (
    <Section
      name="tags"
      title="Tags"
      description={
        <>
          {FIELD_HELP.tags} The policy requires <strong>{mandatoryTags.join(", ")}</strong>.
        </>
      }
    >
      {fields.map((item, index) => (
        <div key={item.id} className={styles.tagRow}>
          <Field name={`tags.${index}.key`} label={`Tag ${index + 1} key`}>
            {(a) => (
              <input
                className={inputClass}
                spellCheck={false}
                autoComplete="off"
                {...a}
                {...register(`tags.${index}.key`)}
              />
            )}
          </Field>
          <Field name={`tags.${index}.value`} label={`Tag ${index + 1} value`}>
            {(a) => (
              <input
                className={inputClass}
                spellCheck={false}
                autoComplete="off"
                {...a}
                {...register(`tags.${index}.value`)}
              />
            )}
          </Field>
          <button
            type="button"
            className={`${ui.button} ${ui.secondary} ${styles.smallButton} ${styles.removeButton}`}
            onClick={() => remove(index)}
            aria-label={`Remove tag ${index + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className={`${ui.button} ${ui.secondary}`}
        onClick={() => {
          append({ key: "", value: "" }, { shouldFocus: false });
          requestAnimationFrame(() => document.getElementById(fieldId(`tags.${fields.length}.key`))?.focus());
        }}
      >
        Add tag
      </button>
    </Section>
  );
}
