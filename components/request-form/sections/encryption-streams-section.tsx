"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox, Input, Select } from "@/components/ui/form-controls";

import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

export function EncryptionSection() {
  const { register } = useFormContext<RequestFormValues>();
  const type = useWatch<RequestFormValues, "encryption.type">({ name: "encryption.type" });
  return (
    <Section name="encryption" title="Encryption">
      <Field name="encryption.type" label="Key" help={FIELD_HELP.encryption}>
        {(a) => (
          <Select {...a} {...register("encryption.type")}>
            <option value="AWS_OWNED">AWS owned key (free)</option>
            <option value="AWS_MANAGED">AWS managed key (alias/aws/dynamodb)</option>
            <option value="CUSTOMER_MANAGED">Customer managed key (KMS)</option>
          </Select>
        )}
      </Field>
      {type === "CUSTOMER_MANAGED" && (
        <Field name="encryption.kmsKeyArn" label="KMS key ARN (primary Region)" help={FIELD_HELP.kmsKeyArn}>
          {(a) => (
            <Input
              spellCheck={false}
              placeholder="arn:aws:kms:us-east-1:123456789012:key/…"
              {...a}
              {...register("encryption.kmsKeyArn")}
            />
          )}
        </Field>
      )}
    </Section>
  );
}

export function StreamsTtlSection() {
  const { register } = useFormContext<RequestFormValues>();
  const stream = useWatch<RequestFormValues, "stream.enabled">({ name: "stream.enabled" });
  const ttl = useWatch<RequestFormValues, "ttl.enabled">({ name: "ttl.enabled" });
  return (
    <Section name="stream" title="Streams and TTL">
      <div className={styles.grid2}>
        <div>
          <Field name="stream.enabled" label="DynamoDB stream" layout="checkbox" help={FIELD_HELP.stream}>
            {(a) => <Checkbox {...a} {...register("stream.enabled")} />}
          </Field>
          {stream && (
            <>
              <Field name="stream.viewType" label="View type" help={FIELD_HELP.streamViewType}>
                {(a) => (
                  <Select {...a} {...register("stream.viewType")}>
                    <option value="">Choose…</option>
                    <option value="NEW_AND_OLD_IMAGES">NEW_AND_OLD_IMAGES</option>
                    <option value="NEW_IMAGE">NEW_IMAGE</option>
                    <option value="OLD_IMAGE">OLD_IMAGE</option>
                    <option value="KEYS_ONLY">KEYS_ONLY</option>
                  </Select>
                )}
              </Field>
              <Field name="stream.hasConsumer" label="A consumer (Lambda, Pipes) reads it" layout="checkbox">
                {(a) => <Checkbox {...a} {...register("stream.hasConsumer")} />}
              </Field>
            </>
          )}
        </div>
        <div>
          <Field name="ttl.enabled" label="Time to live (TTL)" layout="checkbox" help={FIELD_HELP.ttl}>
            {(a) => <Checkbox {...a} {...register("ttl.enabled")} />}
          </Field>
          {ttl && (
            <Field name="ttl.attributeName" label="TTL attribute">
              {(a) => <Input spellCheck={false} {...a} {...register("ttl.attributeName")} />}
            </Field>
          )}
        </div>
      </div>
    </Section>
  );
}
