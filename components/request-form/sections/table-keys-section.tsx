"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox, Input } from "@/components/ui/form-controls";

import { Field, SectionIssues } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import { Section } from "../section";
import { KeyAttributeFields } from "./key-attribute-fields";

export function TableKeysSection() {
  const { register } = useFormContext<RequestFormValues>();
  const hasSortKey = useWatch<RequestFormValues, "hasSortKey">({ name: "hasSortKey" });
  return (
    <Section name="table-keys" title="Table and keys">
      <Field name="tableName" label="Table name" help={FIELD_HELP.tableName}>
        {(a) => <Input autoComplete="off" spellCheck={false} {...a} {...register("tableName")} />}
      </Field>
      <KeyAttributeFields name="partitionKey" label="Partition key" />
      {/* Issues on the sort key land here even while it is switched off. */}
      <SectionIssues name="sortKey" />
      <Field name="hasSortKey" label="Sort key (composite primary key)" layout="checkbox" help={FIELD_HELP.sortKey}>
        {(a) => <Checkbox {...a} {...register("hasSortKey")} />}
      </Field>
      {hasSortKey && <KeyAttributeFields name="sortKey" label="Sort key" hasAnchor={false} />}
    </Section>
  );
}
