"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import controls from "@/components/ui/controls.module.css";
import styles from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";

/** One labelled input with its hint and the server's field error, tied together for screen readers. */
function Field(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className={styles.input}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ""}`}
      />
      <p id={`${props.id}-hint`} className={controls.hint}>
        {props.hint}
      </p>
      {props.error && (
        <p id={`${props.id}-error`} className={controls.fieldError}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Creates or replaces the mapping for a scope; the server's field errors appear next to each field. */
export function AccountTargetForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [team, setTeam] = useState("");
  const [tier, setTier] = useState("");
  const [accountId, setAccountId] = useState("");
  const [name, setName] = useState("");
  const [roleArn, setRoleArn] = useState("");
  const [externalId, setExternalId] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiFetch("/api/v1/account-targets", {
        method: "POST",
        csrfToken,
        json: {
          team: team || null,
          tier: tier || null,
          accountId: accountId.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          roleArn: roleArn.trim(),
          ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
        },
      }),
    onSuccess: () => {
      setAccountId("");
      setName("");
      setRoleArn("");
      setExternalId("");
      router.refresh();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const fieldError = (path: string) => problem?.errors.find((e) => e.path === path)?.message;
  const unplaced =
    problem && !["team", "tier", "accountId", "name", "roleArn", "externalId"].some((p) => fieldError(p));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate className={styles.card}>
      <h2 id={`${id}-title`}>Map a team or tier to an account</h2>
      <div className={styles.field}>
        <label htmlFor={`${id}-team`}>Team</label>
        <select id={`${id}-team`} className={styles.input} value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">Every team</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name} ({t.slug})
            </option>
          ))}
        </select>
        {fieldError("team") && <p className={controls.fieldError}>{fieldError("team")}</p>}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-tier`}>Tier</label>
        <select id={`${id}-tier`} className={styles.input} value={tier} onChange={(e) => setTier(e.target.value)}>
          <option value="">Every tier</option>
          <option value="dev">dev</option>
          <option value="staging">staging</option>
          <option value="prod">prod</option>
        </select>
        {fieldError("tier") && <p className={controls.fieldError}>{fieldError("tier")}</p>}
      </div>
      <Field
        id={`${id}-account`}
        label="AWS account ID"
        hint="Twelve digits."
        placeholder="123456789012"
        value={accountId}
        onChange={setAccountId}
        error={fieldError("accountId")}
      />
      <Field
        id={`${id}-name`}
        label="Account name (optional)"
        hint="Shown next to the ID in the queue, the inventory and request pages, e.g. checkout-prod."
        value={name}
        onChange={setName}
        error={fieldError("name")}
      />
      <Field
        id={`${id}-role`}
        label="Role to assume"
        hint="An IAM role in that account, trusted by Tablewright's credentials and the pipeline's."
        placeholder="arn:aws:iam::123456789012:role/tablewright"
        value={roleArn}
        onChange={setRoleArn}
        error={fieldError("roleArn")}
      />
      <Field
        id={`${id}-external`}
        label="External ID (optional)"
        hint="Only if the role's trust policy requires sts:ExternalId."
        value={externalId}
        onChange={setExternalId}
        error={fieldError("externalId")}
      />
      {unplaced && (
        <p role="alert" className={styles.error}>
          {problem.message}
        </p>
      )}
      <div className={controls.buttonRow}>
        <button type="submit" className={styles.button} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save mapping"}
        </button>
      </div>
    </form>
  );
}
