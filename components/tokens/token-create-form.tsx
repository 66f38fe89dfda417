"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import controls from "@/components/ui/controls.module.css";
import { Input } from "@/components/ui/form-controls";
import styles from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { TokenSecretOnce } from "./token-secret-once";
import type { ScopeOption } from "./token-types";
import tokenStyles from "./tokens.module.css";

interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string;
  secret: string;
}

const DEFAULT_DAYS = 30;

/** Creates a token; the answer carries the secret, which is shown here once and never again. */
export function TokenCreateForm({ scopeOptions, maxDays }: { scopeOptions: ScopeOption[]; maxDays: number }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["read"]);
  const [days, setDays] = useState(String(DEFAULT_DAYS));
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiFetch<CreatedToken>("/api/v1/tokens", {
        method: "POST",
        csrfToken,
        json: { name, scopes, expiresInDays: Number(days) },
      }),
    onSuccess: (token) => {
      setCreated(token);
      setName("");
      router.refresh();
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const fieldError = (path: string) =>
    problem?.errors.find((e) => e.path === path || e.path.startsWith(`${path}[`))?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  }

  const nameError = fieldError("name");
  const scopesError = fieldError("scopes");
  const daysError = fieldError("expiresInDays");

  return (
    <div className={tokenStyles.createWrap}>
      {created && <TokenSecretOnce token={created} onDismiss={() => setCreated(null)} />}
      <form onSubmit={submit} className={tokenStyles.form} aria-labelledby={`${id}-title`} noValidate>
        <h2 id={`${id}-title`} className={tokenStyles.formTitle}>
          Create a token
        </h2>
        <div className={styles.field}>
          <label htmlFor={`${id}-name`}>Name</label>
          <Input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            required
            placeholder="e.g. ci-pipeline-checkout"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-name-hint${nameError ? ` ${id}-name-error` : ""}`}
          />
          <p id={`${id}-name-hint`} className={controls.hint}>
            Say where it is used, so you know what breaks when you revoke it.
          </p>
          {nameError && (
            <p id={`${id}-name-error`} className={controls.fieldError}>
              {nameError}
            </p>
          )}
        </div>
        <fieldset className={tokenStyles.scopes} aria-describedby={scopesError ? `${id}-scopes-error` : undefined}>
          <legend>Scopes</legend>
          {scopeOptions.map((option) => (
            <label key={option.value} className={tokenStyles.scope}>
              <input
                type="checkbox"
                name="scopes"
                value={option.value}
                checked={scopes.includes(option.value)}
                onChange={(e) =>
                  setScopes((current) =>
                    e.target.checked ? [...current, option.value] : current.filter((s) => s !== option.value),
                  )
                }
              />
              <span>
                <strong>{option.value}</strong> — {option.label}
              </span>
            </label>
          ))}
          {scopesError && (
            <p id={`${id}-scopes-error`} className={controls.fieldError}>
              {scopesError}
            </p>
          )}
        </fieldset>
        <div className={styles.field}>
          <label htmlFor={`${id}-days`}>Expires after (days)</label>
          <Input
            id={`${id}-days`}
            className={tokenStyles.days}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxDays}
            step={1}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={daysError ? true : undefined}
            aria-describedby={`${id}-days-hint${daysError ? ` ${id}-days-error` : ""}`}
          />
          <p id={`${id}-days-hint`} className={controls.hint}>
            1 to {maxDays} days. Shorter is safer; create a new token before this one expires.
          </p>
          {daysError && (
            <p id={`${id}-days-error`} className={controls.fieldError}>
              {daysError}
            </p>
          )}
        </div>
        {create.error && (
          <div role="alert" className={styles.error}>
            {problem?.errors.length
              ? "The token was not created: fix the fields marked above."
              : `The token was not created: ${create.error.message}`}
          </div>
        )}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}
