"use client";

import { useRef } from "react";
import { useFormContext } from "react-hook-form";
import { Input, Select, Textarea } from "@/components/ui/form-controls";

import { Field } from "../field";
import { FIELD_HELP } from "../field-help";
import { type RequestFormValues, TITLE_MAX_LENGTH } from "../form-schema";
import styles from "../request-form.module.css";
import { Section } from "../section";

/** Owner fields that also give a mandatory tag its value. */
const TAG_OF_FIELD = { "owner.team": "Team", "owner.costCenter": "CostCenter" } as const;

/**
 * Keeps a tag in step with the owner field it mirrors: typing the cost centre fills the
 * CostCenter tag, unless the person has given that tag a value of its own.
 */
function useMirroredTag(field: keyof typeof TAG_OF_FIELD) {
  const { getValues, setValue } = useFormContext<RequestFormValues>();
  const previous = useRef<string | undefined>(undefined);
  return {
    onFocus: () => {
      previous.current = getValues(field);
    },
    onChange: (event: { target: { value: string } }) => {
      const before = previous.current ?? "";
      previous.current = event.target.value;
      const row = getValues("tags").findIndex((t) => t.key === TAG_OF_FIELD[field]);
      if (row < 0) return;
      const tagValue = getValues(`tags.${row}.value`);
      if (tagValue === "" || tagValue === before) {
        setValue(`tags.${row}.value`, event.target.value, { shouldDirty: true });
      }
    },
  };
}

export function OwnerSection({ teams }: { teams: string[] }) {
  const { register } = useFormContext<RequestFormValues>();
  const teamTag = useMirroredTag("owner.team");
  const costCenterTag = useMirroredTag("owner.costCenter");
  return (
    <Section name="owner" title="Owner and purpose">
      <Field name="title" label="Title (optional)" help={FIELD_HELP.title}>
        {(a) => <Input autoComplete="off" maxLength={TITLE_MAX_LENGTH} {...a} {...register("title")} />}
      </Field>
      <div className={styles.grid2}>
        <Field name="owner.team" label="Team" help={FIELD_HELP.team}>
          {(a) => (
            <Select {...a} {...register("owner.team", { onChange: teamTag.onChange })} onFocus={teamTag.onFocus}>
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
          {(a) => (
            <Input
              autoComplete="off"
              {...a}
              {...register("owner.costCenter", { onChange: costCenterTag.onChange })}
              onFocus={costCenterTag.onFocus}
            />
          )}
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
