import type { ChangeKind, OperationPlan, PlanContext } from "../plan/schema";

/** One approved change of a managed table: when, and the plan it was approved with. */
export interface TableHistoryEntry {
  at: string;
  plan: Pick<OperationPlan, "steps"> | null;
}

type Recent = NonNullable<PlanContext["recentChanges"]>;

const RATE_KINDS: Partial<Record<ChangeKind, keyof Omit<Recent, "capacityDecreases">>> = {
  BILLING_TO_ON_DEMAND: "switchesToOnDemand",
  TABLE_CLASS_CHANGED: "tableClassChanges",
  TTL_ENABLED: "ttlChanges",
  TTL_DISABLED: "ttlChanges",
  TTL_DISABLED_FOR_ATTRIBUTE_CHANGE: "ttlChanges",
  TTL_ATTRIBUTE_CHANGED: "ttlChanges",
  ENCRYPTION_CHANGED: "encryptionKeyChanges",
};

/**
 * The rate-limited changes a table went through, from the plans of its approved change requests,
 * for the planner's windows (4 switches to on-demand a day, 2 table class changes in 30 days, one
 * TTL change an hour, KMS key switches). The approval time stands for the apply time: an apply
 * comes after its approval, so a window judged from it is never more lenient than the real one.
 * Capacity decreases are left out (unknown): a plan does not record which direction capacity moved.
 */
export function recentChangesFromHistory(history: readonly TableHistoryEntry[]): Recent {
  const recent = {
    switchesToOnDemand: [] as { at: string }[],
    tableClassChanges: [] as { at: string }[],
    ttlChanges: [] as { at: string }[],
    encryptionKeyChanges: [] as { at: string }[],
  };
  for (const entry of history) {
    const kinds = new Set(entry.plan?.steps.flatMap((s) => s.changes.map((c) => c.kind)) ?? []);
    const lists = new Set([...kinds].map((k) => RATE_KINDS[k]).filter((v) => v !== undefined));
    for (const list of lists) recent[list].push({ at: entry.at });
  }
  return recent;
}
