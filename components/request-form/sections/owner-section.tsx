"use client";

import { useFormContext } from "react-hook-form";
import { Input, Select, Textarea } from "@/components/ui/form-controls";

import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import type { RequestFormValues } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

export function OwnerSection({ teams }: { teams: string[] }) {
  const { register } = useFormContext<RequestFormValues>();
  return (
    <Section name="owner" title="Owner and purpose">
      <div className={styles.grid2}>
        <Field name="owner.team" label="Team" help={FIELD_HELP.team}>
          {(a) => (
            <Select {...a} {...register("owner.team")}>
              {teams.length === 0 && <option value="">You are not in any team</option>}
              {teams.map((team) => (
                <option key={team} value={team}>
                  {team}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field name="owner.service" label="Service" help={FIELD_HELP.service}>
          {(a) => <Input autoComplete="off" {...a} {...register("owner.service")} />}
        </Field>
        <Field name="owner.costCenter" label="Cost centre" help={FIELD_HELP.costCenter}>
          {(a) => <Input autoComplete="off" {...a} {...register("owner.costCenter")} />}
        </Field>
        <Field name="owner.requester" label="Requester" help={FIELD_HELP.requester}>
          {(a) => <Input type="email" autoComplete="email" {...a} {...register("owner.requester")} />}
        </Field>
      </div>
      <Field name="owner.purpose" label="Purpose" help={FIELD_HELP.purpose}>
        {(a) => <Textarea rows={2} {...a} {...register("owner.purpose")} />}
      </Field>
    </Section>
  );
}
