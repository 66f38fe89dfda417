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

function Select(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  error?: string;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className={styles.input}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.error && <p className={controls.fieldError}>{props.error}</p>}
    </div>
  );
}

const FIELDS = [
  "team",
  "tier",
  "provider",
  "repoUrl",
  "baseBranch",
  "pathTemplate",
  "apiBaseUrl",
  "mode",
  "credentialRef",
  "webhookSecretRef",
];

/** Creates or replaces the delivery target for a scope; the server's field errors appear next to each field. */
export function DeliveryTargetForm({ teams }: { teams: { slug: string; name: string }[] }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [team, setTeam] = useState("");
  const [tier, setTier] = useState("");
  const [provider, setProvider] = useState("github");
  const [repoUrl, setRepoUrl] = useState("");
  const [baseBranch, setBaseBranch] = useState("main");
  const [pathTemplate, setPathTemplate] = useState("dynamodb/{table}/");
  const [apiBaseUrl, setApiBaseUrl] = useState("");
  const [mode, setMode] = useState("manual");
  const [credentialRef, setCredentialRef] = useState("");
  const [webhookSecretRef, setWebhookSecretRef] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiFetch("/api/v1/delivery-targets", {
        method: "POST",
        csrfToken,
        json: {
          team: team || null,
          tier: tier || null,
          provider,
          repoUrl: repoUrl.trim(),
          baseBranch: baseBranch.trim(),
          pathTemplate: pathTemplate.trim(),
          mode,
          credentialRef: credentialRef.trim(),
          ...(apiBaseUrl.trim() ? { apiBaseUrl: apiBaseUrl.trim() } : {}),
          ...(webhookSecretRef.trim() ? { webhookSecretRef: webhookSecretRef.trim() } : {}),
        },
      }),
    onSuccess: () => router.refresh(),
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const fieldError = (path: string) => problem?.errors.find((e) => e.path === path)?.message;
  const unplaced = problem && !FIELDS.some((p) => fieldError(p));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate className={styles.card}>
      <h2 id={`${id}-title`}>Publish a team&apos;s or tier&apos;s modules to a repository</h2>
      <Select
        id={`${id}-team`}
        label="Team"
        value={team}
        onChange={setTeam}
        options={[["", "Every team"], ...teams.map((t): [string, string] => [t.slug, `${t.name} (${t.slug})`])]}
        error={fieldError("team")}
      />
      <Select
        id={`${id}-tier`}
        label="Tier"
        value={tier}
        onChange={setTier}
        options={[
          ["", "Every tier"],
          ["dev", "dev"],
          ["staging", "staging"],
          ["prod", "prod"],
        ]}
        error={fieldError("tier")}
      />
      <Select
        id={`${id}-provider`}
        label="Provider"
        value={provider}
        onChange={setProvider}
        options={[
          ["github", "GitHub (branch and pull request)"],
          ["gitlab", "GitLab (branch and merge request)"],
          ["git", "Other git host (branch only)"],
        ]}
        error={fieldError("provider")}
      />
      <Field
        id={`${id}-repo`}
        label="Repository URL"
        hint="The HTTPS clone URL; no credentials in it."
        placeholder="https://github.com/acme/infra.git"
        value={repoUrl}
        onChange={setRepoUrl}
        error={fieldError("repoUrl")}
      />
      <Field
        id={`${id}-base`}
        label="Base branch"
        hint="The branch pull requests target."
        value={baseBranch}
        onChange={setBaseBranch}
        error={fieldError("baseBranch")}
      />
      <Field
        id={`${id}-path`}
        label="Module path"
        hint="The folder in the repository; {table}, {team} and {tier} are replaced."
        value={pathTemplate}
        onChange={setPathTemplate}
        error={fieldError("pathTemplate")}
      />
      <Field
        id={`${id}-api`}
        label="API base URL (optional)"
        hint="GitHub Enterprise or self-managed GitLab; default https://api.github.com or https://gitlab.com/api/v4."
        value={apiBaseUrl}
        onChange={setApiBaseUrl}
        error={fieldError("apiBaseUrl")}
      />
      <Select
        id={`${id}-mode`}
        label="When to publish"
        value={mode}
        onChange={setMode}
        options={[
          ["manual", "With the Publish button"],
          ["automatic", "Automatically on approval"],
        ]}
        error={fieldError("mode")}
      />
      <Field
        id={`${id}-credential`}
        label="Credential reference"
        hint="Where the token is: env:NAME or file:/path. Never paste the token itself."
        placeholder="env:TABLEWRIGHT_GITHUB_TOKEN"
        value={credentialRef}
        onChange={setCredentialRef}
        error={fieldError("credentialRef")}
      />
      <Field
        id={`${id}-webhook`}
        label="Webhook secret reference (optional)"
        hint="env:NAME or file:/path of the secret the provider signs webhooks with."
        placeholder="env:TABLEWRIGHT_WEBHOOK_SECRET"
        value={webhookSecretRef}
        onChange={setWebhookSecretRef}
        error={fieldError("webhookSecretRef")}
      />
      {unplaced && (
        <p role="alert" className={styles.error}>
          {problem.message}
        </p>
      )}
      <div className={controls.buttonRow}>
        <button type="submit" className={styles.button} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save target"}
        </button>
      </div>
    </form>
  );
}
