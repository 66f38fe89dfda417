import "server-only";
import type { DriftOutcome } from "@/lib/domain/drift";
import type { TableRequest, Tier } from "@/lib/domain/request/schema";
import type { Tx } from "../audit";
import type { DriftCheckResult } from "./check-table-drift";

/** A managed table as the scheduled drift checks need it. */
export interface ManagedTableForDrift {
  /** The inventory's stable id of the table. */
  id: string;
  tier: Tier;
  /** The approved definition the live table must match (its primary Region and replicas included). */
  definition: TableRequest;
  /**
   * The change request whose approved revision is that definition: drift events are announced on
   * it (its team's channels, its requester, its link).
   */
  changeRequestId: string;
  /** When the last check ran, whatever its outcome (unavailable included); null: never. */
  lastCheckedAt: Date | null;
  /** What the last check that could read the table found; null: none yet. */
  lastOutcome: DriftOutcome | null;
}

/** What one scheduled check hands back to the inventory to keep. */
export interface DriftCheckRecord {
  result: DriftCheckResult;
  /** Null when the check could not run (result.status "unavailable"): keep the previous outcome. */
  outcome: DriftOutcome | null;
  /** The notification event written in the same transaction, if the check was news. */
  eventId: string | null;
}

/**
 * The hook between the scheduled drift checks and the managed-table inventory. The inventory
 * implements it and registers it once per process (instrumentation.ts, before startJobs); until
 * then the planner finds nothing to check.
 */
export interface ManagedTableSource {
  /** Every managed table that should be watched (the planner picks the due ones). */
  listManagedTables(): Promise<ManagedTableForDrift[]>;
  /** One table as it is now (the check re-reads it: it may have changed or gone since the plan). */
  getManagedTable(id: string): Promise<ManagedTableForDrift | null>;
  /**
   * Keeps a check's result, inside the transaction that also writes its notification to the
   * outbox: set lastCheckedAt to result.checkedAt always, lastOutcome only when outcome is not null.
   */
  recordDriftCheck(tx: Tx, id: string, record: DriftCheckRecord): Promise<void>;
}

/** Shared through globalThis, like the job runner: route handlers and jobs are bundled apart. */
const holder = globalThis as typeof globalThis & { __tablewrightManagedTables?: { source?: ManagedTableSource } };

export function registerManagedTableSource(source: ManagedTableSource | undefined): void {
  holder.__tablewrightManagedTables ??= {};
  holder.__tablewrightManagedTables.source = source;
}

export function currentManagedTableSource(): ManagedTableSource | undefined {
  return holder.__tablewrightManagedTables?.source;
}
