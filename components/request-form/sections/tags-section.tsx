"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/form-controls";

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
            {(a) => <Input spellCheck={false} autoComplete="off" {...a} {...register(`tags.${index}.key`)} />}
          </Field>
          <Field name={`tags.${index}.value`} label={`Tag ${index + 1} value`}>
            {(a) => <Input spellCheck={false} autoComplete="off" {...a} {...register(`tags.${index}.value`)} />}
          </Field>
          <Button
            variant="secondary"
            size="small"
            className={styles.removeButton}
            onClick={() => remove(index)}
            aria-label={`Remove tag ${index + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        onClick={() => {
          append({ key: "", value: "" }, { shouldFocus: false });
          requestAnimationFrame(() => document.getElementById(fieldId(`tags.${fields.length}.key`))?.focus());
        }}
      >
        Add tag
      </Button>
    </Section>
  );
}
