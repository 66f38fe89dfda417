"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/form-controls";
import styles from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import importStyles from "./import-table.module.css";

interface ImportResult {
  key: string;
  status: string;
  currentRevision: number;
  request: { tableName?: string; tier?: string; regions?: { primary?: string; replicas?: { region: string }[] } };
  notes: string[];
}

const TIERS = ["dev", "staging", "prod"] as const;

/** Why an import failed, in words a person can act on, from the API's problem answer. */
function describeProblem(error: unknown): {
  title: string;
  detail: string;
  issues: { path: string; message: string }[];
} {
  if (!(error instanceof ApiProblem)) {
    return { title: "The import did not complete", detail: String(error), issues: [] };
  }
  const titles: Record<number, string> = {
    404: "No such table",
    409: "Cannot read AWS now",
    422: "The table breaks the request rules or the tier policy",
    403: "Not allowed",
  };
  return {
    title: titles[error.status] ?? `The import failed (${error.status})`,
    detail: error.message,
    issues: error.errors.map((e) => ({ path: e.path, message: e.message })),
  };
}

/**
 * The import form: which table (Region and name), who owns it (team, tier) and why (purpose).
 * On success it shows the change request it opened, what it read from AWS and its notes; the
 * request then goes through review like any other.
 */
export function ImportTableForm({
  teams,
  regions,
  liveChecks,
}: {
  teams: string[];
  regions: { code: string; name: string }[];
  liveChecks: { enabled: boolean; message: string };
}) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const [form, setForm] = useState({
    region: "us-east-1",
    tableName: "",
    team: teams[0] ?? "",
    tier: "dev" as (typeof TIERS)[number],
    purpose: "",
    title: "",
    submit: true,
  });
  const run = useMutation({
    mutationFn: () =>
      apiFetch<ImportResult>("/api/v1/imports", {
        method: "POST",
        csrfToken,
        json: {
          region: form.region,
          tableName: form.tableName.trim(),
          team: form.team,
          tier: form.tier,
          ...(form.purpose.trim() ? { purpose: form.purpose.trim() } : {}),
          ...(form.title.trim() ? { title: form.title.trim() } : {}),
          submit: form.submit,
        },
      }),
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm({ ...form, [key]: value });
  const fieldError = (path: string) =>
    run.error instanceof ApiProblem ? run.error.errors.find((e) => e.path === path)?.message : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    run.mutate();
  }

  const problem = run.isError ? describeProblem(run.error) : null;
  const result = run.data;
  const tableError = fieldError("tableName");

  return (
    <div className={importStyles.layout}>
      {!liveChecks.enabled && (
        <p className={styles.notice} data-testid="live-checks-off">
          {liveChecks.message} An import needs to read the table from AWS, so it will be refused until live checks are
          on.
        </p>
      )}
      <form
        className={`${styles.card} ${importStyles.form}`}
        onSubmit={submit}
        aria-labelledby={`${id}-title`}
        noValidate
      >
        <h2 id={`${id}-title`} className={importStyles.formTitle}>
          Which table
        </h2>
        <div className={importStyles.row}>
          <div className={styles.field}>
            <label htmlFor={`${id}-region`}>Region</label>
            <Select id={`${id}-region`} value={form.region} onChange={(e) => set("region", e.target.value)}>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} · {r.name}
                </option>
              ))}
            </Select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-table`}>Table name</label>
            <Input
              id={`${id}-table`}
              value={form.tableName}
              required
              autoComplete="off"
              spellCheck={false}
              aria-invalid={tableError ? true : undefined}
              aria-describedby={tableError ? `${id}-table-error` : undefined}
              onChange={(e) => set("tableName", e.target.value)}
            />
            {tableError && (
              <p id={`${id}-table-error`} className={importStyles.fieldError}>
                {tableError}
              </p>
            )}
          </div>
        </div>
        <h2 className={importStyles.formTitle}>Who owns it</h2>
        <div className={importStyles.row}>
          <div className={styles.field}>
            <label htmlFor={`${id}-team`}>Team</label>
            <Select id={`${id}-team`} value={form.team} onChange={(e) => set("team", e.target.value)}>
              {teams.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-tier`}>Tier</label>
            <Select
              id={`${id}-tier`}
              value={form.tier}
              onChange={(e) => set("tier", e.target.value as (typeof TIERS)[number])}
            >
              {TIERS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-purpose`}>Purpose</label>
          <Textarea
            id={`${id}-purpose`}
            rows={2}
            value={form.purpose}
            aria-describedby={`${id}-purpose-hint`}
            onChange={(e) => set("purpose", e.target.value)}
          />
          <p id={`${id}-purpose-hint`} className={importStyles.hint}>
            What the table holds and who reads it. Approvers read this first.
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-title-input`}>Title (optional)</label>
          <Input
            id={`${id}-title-input`}
            value={form.title}
            placeholder={form.tableName ? `Import ${form.tableName} (${form.region})` : ""}
            onChange={(e) => set("title", e.target.value)}
          />
        </div>
        <label className={importStyles.check} htmlFor={`${id}-submit`}>
          <Checkbox id={`${id}-submit`} checked={form.submit} onChange={(e) => set("submit", e.target.checked)} />{" "}
          Submit for review now (otherwise it stays a draft you can revise)
        </label>
        <div>
          <Button type="submit" disabled={run.isPending || !form.tableName.trim()}>
            {run.isPending ? "Reading the table…" : "Import table"}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite" className={importStyles.result} data-testid="import-result">
        {problem && (
          <div className={importStyles.problem}>
            <h2 className={importStyles.formTitle}>{problem.title}</h2>
            <p>{problem.detail}</p>
            {problem.issues.length > 0 && (
              <ul>
                {problem.issues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {result && (
          <div className={importStyles.success}>
            <h2 className={importStyles.formTitle}>
              Opened <Link href={`/requests/${encodeURIComponent(result.key)}`}>{result.key}</Link>
            </h2>
            <p>
              It adopts <code>{result.request.tableName}</code> as it exists in {form.region}
              {result.status === "SUBMITTED" ? " and waits for review" : " as a draft"}. Applying the approved module
              imports the table; it changes nothing.
            </p>
            {result.notes.length > 0 && (
              <>
                <h3 className={importStyles.notesTitle}>What the import noticed</h3>
                <ul>
                  {result.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </>
            )}
            <p>
              <Link href={`/requests/${encodeURIComponent(result.key)}`} className={buttonClassName({})}>
                Review {result.key}
              </Link>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
