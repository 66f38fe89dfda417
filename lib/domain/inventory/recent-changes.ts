import type { ChangeKind, OperationPlan, PlanContext, PlannedChange } from "../plan/schema";

/** One approved change of a managed table: when, and the plan it was approved with. */
export interface TableHistoryEntry {
  at: string;
  plan: Pick<OperationPlan, "steps"> | null;
}

type Recent = NonNullable<PlanContext["recentChanges"]>;
type ListName = keyof Omit<Recent, "capacityDecreases">;

const RATE_KINDS: Partial<Record<ChangeKind, ListName>> = {
  BILLING_TO_ON_DEMAND: "switchesToOnDemand",
  TABLE_CLASS_CHANGED: "tableClassChanges",
  TTL_ENABLED: "ttlChanges",
  TTL_DISABLED: "ttlChanges",
  TTL_DISABLED_FOR_ATTRIBUTE_CHANGE: "ttlChanges",
  TTL_ATTRIBUTE_CHANGED: "ttlChanges",
  ENCRYPTION_CHANGED: "encryptionKeyChanges",
};

/** The same windows by the rule a planned change was checked against (`change.rateLimit.rule`). */
const RATE_RULE_LISTS: Record<string, ListName> = {
  SWITCH_TO_ON_DEMAND: "switchesToOnDemand",
  TABLE_CLASS: "tableClassChanges",
  TTL: "ttlChanges",
  ENCRYPTION_KEY: "encryptionKeyChanges",
};

const INDEX_PATH = /^globalSecondaryIndexes\[("(?:[^"\\]|\\.)*")\]/;

/**
 * The index a capacity change decreased, from its path (`globalSecondaryIndexes["by-status"].capacity…`);
 * undefined for the table's own capacity. DynamoDB counts decreases per table and per index.
 */
function decreasedIndex(change: PlannedChange): string | undefined {
  if (change.kind !== "GSI_CAPACITY_CHANGED") return undefined;
  for (const path of change.paths) {
    const match = INDEX_PATH.exec(path);
    if (match) return JSON.parse(match[1] as string) as string;
  }
  return undefined;
}

/**
 * The rate-limited changes a table went through, from the plans of its approved change requests,
 * for the planner's windows (4 switches to on-demand a day, 2 table class changes in 30 days, one
 * TTL change an hour, KMS key switches, capacity decreases per UTC day for the table and each
 * index). Each approved plan records them: a change's kind, and for capacity the rule it was
 * checked against (`rateLimit.rule === "CAPACITY_DECREASE"` only when a unit went down).
 * Switches count once per change request; each capacity decrease counts (one UpdateTable each).
 *
 * The approval time stands for the apply time, which the portal does not learn. An apply comes
 * after its approval, so a window counted from the approval can end before DynamoDB's does: when
 * an apply waited long after its approval, DynamoDB may still refuse a change the plan calls
 * available. The plan states this assumption (docs/operation-plan.md).
 */
export function recentChangesFromHistory(history: readonly TableHistoryEntry[]): Recent {
  const recent = {
    switchesToOnDemand: [] as { at: string }[],
    tableClassChanges: [] as { at: string }[],
    ttlChanges: [] as { at: string }[],
    encryptionKeyChanges: [] as { at: string }[],
    capacityDecreases: [] as { at: string; index?: string }[],
  };
  for (const entry of history) {
    const changes = entry.plan?.steps.flatMap((s) => s.changes) ?? [];
    const lists = new Set<ListName>();
    for (const change of changes) {
      const byKind = RATE_KINDS[change.kind];
      if (byKind) lists.add(byKind);
      const rule = change.rateLimit?.rule;
      if (rule && RATE_RULE_LISTS[rule]) lists.add(RATE_RULE_LISTS[rule] as ListName);
      if (rule === "CAPACITY_DECREASE") {
        const index = decreasedIndex(change);
        recent.capacityDecreases.push(index === undefined ? { at: entry.at } : { at: entry.at, index });
      }
    }
    for (const list of lists) recent[list].push({ at: entry.at });
  }
  return recent;
}
