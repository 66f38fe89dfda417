"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import controls from "@/components/ui/controls.module.css";
import ui from "@/components/ui/page.module.css";
import type { TeamBudget } from "@/lib/api/schemas/budgets";
import { ApiProblem, apiFetch } from "@/lib/client/api-fetch";
import { useCsrfToken } from "@/lib/client/csrf";
import { formatUsd } from "@/lib/domain/cost/format";
import styles from "./team-budget-card.module.css";

/** "80.5%" of the budget its committed cost uses; null without a budget. */
export function budgetUse(budget: Pick<TeamBudget, "monthlyBudgetUsd" | "committedMonthlyUsd">): number | null {
  if (budget.monthlyBudgetUsd === null) return null;
  if (budget.monthlyBudgetUsd === 0) return budget.committedMonthlyUsd > 0 ? Infinity : 0;
  return (budget.committedMonthlyUsd / budget.monthlyBudgetUsd) * 100;
}

/**
 * One team's monthly budget against what its managed tables cost (their approved revisions), with
 * a form to set, change or remove it through POST /api/v1/teams/{slug}/budget. The server's field
 * error appears under the input; approval routing re-evaluates the team's waiting requests.
 */
export function TeamBudgetCard({ budget }: { budget: TeamBudget }) {
  const id = useId();
  const csrfToken = useCsrfToken();
  const router = useRouter();
  const [value, setValue] = useState(budget.monthlyBudgetUsd === null ? "" : String(budget.monthlyBudgetUsd));
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (monthlyBudgetUsd: number | null) =>
      apiFetch(`/api/v1/teams/${encodeURIComponent(budget.slug)}/budget`, {
        method: "POST",
        csrfToken,
        json: { monthlyBudgetUsd },
      }),
    onSuccess: (_data, monthlyBudgetUsd) => {
      if (monthlyBudgetUsd === null) setValue("");
      router.refresh();
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const error = localError ?? problem?.errors.find((e) => e.path === "monthlyBudgetUsd")?.message ?? problem?.message;
  const use = budgetUse(budget);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = value.trim();
    // An empty field is not "remove": that is its own button, so a slip never drops a budget.
    const amount = text === "" ? Number.NaN : Number(text);
    if (!Number.isFinite(amount)) {
      setLocalError("Enter the monthly budget in USD, e.g. 1500 (or use Remove budget).");
      return;
    }
    setLocalError(null);
    save.mutate(amount);
  }

  return (
    <li className={ui.card} data-testid={`budget-${budget.slug}`}>
      <h2 id={`${id}-name`}>
        {budget.name} <span className={ui.muted}>({budget.slug})</span>
      </h2>
      <dl className={styles.facts}>
        <dt>Budget</dt>
        <dd data-testid="budget-amount">
          {budget.monthlyBudgetUsd === null ? "none" : `${formatUsd(budget.monthlyBudgetUsd)}/mo`}
        </dd>
        <dt>Committed</dt>
        <dd data-testid="budget-committed">{formatUsd(budget.committedMonthlyUsd)}/mo</dd>
        <dt>Used</dt>
        <dd data-testid="budget-used" className={use !== null && use > 100 ? styles.over : undefined}>
          {use === null
            ? "no budget: routing rules on the budget never apply"
            : Number.isFinite(use)
              ? `${use.toFixed(1)}%${use > 100 ? " (over budget)" : ""}`
              : "over budget (the budget is $0)"}
        </dd>
      </dl>
      {use !== null && (
        <meter
          className={styles.meter}
          min={0}
          max={100}
          low={80}
          high={100}
          optimum={0}
          value={Number.isFinite(use) ? Math.min(use, 100) : 100}
          aria-label={`${budget.name}: share of the budget committed`}
        />
      )}
      <form className={styles.form} onSubmit={submit} noValidate>
        <label htmlFor={`${id}-input`}>Monthly budget (USD)</label>
        <input
          id={`${id}-input`}
          className={ui.input}
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className={ui.button} disabled={save.isPending}>
          {save.isPending ? "Saving…" : budget.monthlyBudgetUsd === null ? "Set budget" : "Save budget"}
        </button>
        {budget.monthlyBudgetUsd !== null && (
          <button
            type="button"
            className={`${ui.button} ${ui.secondary}`}
            disabled={save.isPending}
            onClick={() => {
              setLocalError(null);
              save.mutate(null);
            }}
            aria-label={`Remove the budget of ${budget.name}`}
          >
            Remove budget
          </button>
        )}
      </form>
      {error && (
        <p id={`${id}-error`} className={controls.fieldError} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
