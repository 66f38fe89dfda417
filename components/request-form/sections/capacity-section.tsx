"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox, Input, Select } from "@/components/ui/form-controls";
import { NUMBER_OPTIONS } from "../controls";
import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";
import { CapacityFields } from "./capacity-fields";
import { CapacitySuggestion } from "./capacity-suggestion";
import { WarmThroughputFields } from "./warm-throughput-fields";

export function CapacitySection() {
  const { register } = useFormContext<RequestFormValues>();
  const mode = useWatch<RequestFormValues, "billing.mode">({ name: "billing.mode" });
  return (
    <Section name="billing" title="Billing and capacity">
      <div className={styles.grid2}>
        <Field name="billing.mode" label="Billing mode" help={FIELD_HELP.billingMode}>
          {(a) => (
            <Select {...a} {...register("billing.mode")}>
              <option value="PAY_PER_REQUEST">On-demand (PAY_PER_REQUEST)</option>
              <option value="PROVISIONED">Provisioned</option>
            </Select>
          )}
        </Field>
        <Field name="tableClass" label="Table class" help={FIELD_HELP.tableClass}>
          {(a) => (
            <Select {...a} {...register("tableClass")}>
              <option value="STANDARD">Standard</option>
              <option value="STANDARD_INFREQUENT_ACCESS">Standard-Infrequent Access</option>
            </Select>
          )}
        </Field>
      </div>
      {mode === "PROVISIONED" ? (
        <>
          <CapacitySuggestion />
          <div className={styles.grid2}>
            <CapacityFields name="billing.read" label="Read" />
            <CapacityFields name="billing.write" label="Write" />
          </div>
        </>
      ) : (
        <div className={styles.grid2}>
          <Field
            name="billing.maxReadRequestUnits"
            label="Max read request units (optional)"
            help={FIELD_HELP.onDemandMax}
          >
            {(a) => (
              <Input type="number" min={-1} {...a} {...register("billing.maxReadRequestUnits", NUMBER_OPTIONS)} />
            )}
          </Field>
          <Field name="billing.maxWriteRequestUnits" label="Max write request units (optional)">
            {(a) => (
              <Input type="number" min={-1} {...a} {...register("billing.maxWriteRequestUnits", NUMBER_OPTIONS)} />
            )}
          </Field>
        </div>
      )}
      <WarmThroughputFields base="warmThroughput" what="the table" />
      <Field name="contributorInsights" label="Contributor Insights on the table" layout="checkbox">
        {(a) => <Checkbox {...a} {...register("contributorInsights")} />}
      </Field>
    </Section>
  );
}
