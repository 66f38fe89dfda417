"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import controls from "@/components/ui/controls.module.css";
import styles from "@/components/ui/page.module.css";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { SelectField } from "./target-fields";

const TIER_OPTIONS = [
  ["", "Every tier"],
  ["dev", "dev"],
  ["staging", "staging"],
  ["prod", "prod"],
] as const;

/** What the form hands its own fields: ids to build on and the server's error for a path. */
export interface TargetFieldContext {
  id: string;
  fieldError: (path: string) => string | undefined;
}

/**
 * The frame every admin "target for a scope" form shares (account mappings, delivery targets): the
 * team and tier pickers, the POST with the CSRF token, the server's field errors next to each field
 * and an alert for an error no field claims. The caller supplies its own fields and body.
 */
export function ScopedTargetForm(props: {
  title: ReactNode;
  endpoint: string;
  teams: { slug: string; name: string }[];
  /** Every body path the caller shows a field for; an error on another path shows as an alert. */
  fieldPaths: string[];
  submitLabel: string;
  body: () => Record<string, unknown>;
  onSaved?: () => void;
  children: (context: TargetFieldContext) => ReactNode;
}) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [team, setTeam] = useState("");
  const [tier, setTier] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiFetch(props.endpoint, {
        method: "POST",
        csrfToken,
        json: { team: team || null, tier: tier || null, ...props.body() },
      }),
    onSuccess: () => {
      props.onSaved?.();
      router.refresh();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const fieldError = (path: string) => problem?.errors.find((e) => e.path === path)?.message;
  const unplaced = problem && !["team", "tier", ...props.fieldPaths].some((p) => fieldError(p));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} noValidate className={styles.card}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <SelectField
        id={`${id}-team`}
        label="Team"
        value={team}
        onChange={setTeam}
        options={[["", "Every team"], ...props.teams.map((t) => [t.slug, `${t.name} (${t.slug})`] as const)]}
        error={fieldError("team")}
      />
      <SelectField
        id={`${id}-tier`}
        label="Tier"
        value={tier}
        onChange={setTier}
        options={TIER_OPTIONS}
        error={fieldError("tier")}
      />
      {props.children({ id, fieldError })}
      {unplaced && (
        <p role="alert" className={styles.error}>
          {problem.message}
        </p>
      )}
      <div className={controls.buttonRow}>
        <button type="submit" className={styles.button} disabled={save.isPending}>
          {save.isPending ? "Saving…" : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
