"use client";

import { useFormContext } from "react-hook-form";
import { inputClass } from "../controls";
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
            <select className={inputClass} {...a} {...register("owner.team")}>
              {teams.length === 0 && <option value="">You are not in any team</option>}
              {teams.map((team) => (
                <option key={team} value={team}>
                  {team}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="owner.service" label="Service" help={FIELD_HELP.service}>
          {(a) => <input className={inputClass} autoComplete="off" {...a} {...register("owner.service")} />}
        </Field>
        <Field name="owner.costCenter" label="Cost centre" help={FIELD_HELP.costCenter}>
          {(a) => <input className={inputClass} autoComplete="off" {...a} {...register("owner.costCenter")} />}
        </Field>
        <Field name="owner.requester" label="Requester" help={FIELD_HELP.requester}>
          {(a) => (
            <input className={inputClass} type="email" autoComplete="email" {...a} {...register("owner.requester")} />
          )}
        </Field>
      </div>
      <Field name="owner.purpose" label="Purpose" help={FIELD_HELP.purpose}>
        {(a) => <textarea className={inputClass} rows={2} {...a} {...register("owner.purpose")} />}
      </Field>
    </Section>
  );
}
