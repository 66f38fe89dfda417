import "server-only";
import {
  DEFAULT_DRIFT_PLAN_EVERY_MINUTES,
  DEFAULT_DRIFT_SCHEDULE,
  DRIFT_PLAN_EVERY_MINUTES_ALLOWED,
  type DriftOutcome,
  type DriftSchedule,
  driftFingerprint,
  driftNotificationFor,
  parseDriftSchedule,
  planDriftChecks,
} from "@/lib/domain/drift";
import { type Db, getDb } from "../db";
import { jobIdFor } from "../jobs/job-ids";
import { JOB_NAMES } from "../jobs/job-names";
import { enqueueJob } from "../jobs/runtime";
import { getLogger } from "../logger";
import { dispatchNotificationsSoon, recordNotificationEvent } from "../notifications/record-notification-event";
import { runTransaction } from "../run-transaction";
import { checkTableDrift, type DriftCheckOptions, type DriftCheckResult } from "./check-table-drift";
import { currentManagedTableSource, type ManagedTableSource } from "./managed-table-source";

/**
 * How often the planner runs (its cron is in lib/server/jobs/definitions.ts), and so its horizon:
 * TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES (validated at start by lib/env.ts), 5 by default. Production
 * keeps the default; a shorter tick lets a test see a scheduled check within a minute.
 */
export function driftPlanEveryMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES);
  return (DRIFT_PLAN_EVERY_MINUTES_ALLOWED as readonly number[]).includes(minutes)
    ? minutes
    : DEFAULT_DRIFT_PLAN_EVERY_MINUTES;
}
const DEFAULT_REGION_READS_PER_MINUTE = 30;

export interface DriftSettings {
  schedule: DriftSchedule;
  regionReadsPerMinute: number;
}

/** TABLEWRIGHT_DRIFT_SCHEDULE and TABLEWRIGHT_DRIFT_READS_PER_MINUTE (validated at start by lib/env.ts). */
export function driftSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DriftSettings {
  const parsed = env.TABLEWRIGHT_DRIFT_SCHEDULE ? parseDriftSchedule(env.TABLEWRIGHT_DRIFT_SCHEDULE) : null;
  const reads = Number(env.TABLEWRIGHT_DRIFT_READS_PER_MINUTE);
  return {
    schedule: parsed?.ok ? parsed.schedule : DEFAULT_DRIFT_SCHEDULE,
    regionReadsPerMinute: Number.isInteger(reads) && reads > 0 ? reads : DEFAULT_REGION_READS_PER_MINUTE,
  };
}

export interface DriftJobDeps {
  source?: ManagedTableSource;
  settings?: DriftSettings;
  now?: () => Date;
  /** Reaches AWS (or a test endpoint) instead of the configured access. */
  checkOptions?: DriftCheckOptions;
  db?: Db;
}

const sourceOf = (deps: DriftJobDeps) => deps.source ?? currentManagedTableSource();

/**
 * The planner (scheduled every driftPlanEveryMinutes()): enqueues one `drift.check` per due
 * managed table, spread over the next minutes to respect AWS's API rates. Each check's job id is
 * derived from the table and its tier's interval slot, so a second plan (another instance, a
 * retry) enqueues nothing new. Returns a one-line summary for the JobRun record.
 */
export async function planScheduledDriftChecks(deps: DriftJobDeps = {}): Promise<string> {
  const source = sourceOf(deps);
  if (!source) return "no managed-table source registered: nothing to check";
  const settings = deps.settings ?? driftSettingsFromEnv();
  const now = deps.now?.() ?? new Date();
  const tables = await source.listManagedTables();
  const planned = planDriftChecks(
    tables.map((t) => ({
      id: t.id,
      tier: t.tier,
      regionCount: 1 + t.definition.regions.replicas.length,
      lastCheckedAt: t.lastCheckedAt,
    })),
    {
      now,
      schedule: settings.schedule,
      regionReadsPerMinute: settings.regionReadsPerMinute,
      horizonMinutes: driftPlanEveryMinutes(),
    },
  );
  let sent = 0;
  for (const check of planned) {
    const ok = await enqueueJob(
      JOB_NAMES.checkDrift,
      { tableId: check.id },
      { id: jobIdFor(`drift.check:${check.id}:${check.slot}`), startAfter: check.startAfter },
    );
    if (ok) sent++;
  }
  return `${tables.length} managed tables, ${planned.length} due, ${sent} enqueued`;
}

export interface ScheduledDriftCheckOutcome {
  tableId: string;
  /** skipped: the table is gone or was checked since the plan. */
  status: DriftCheckResult["status"] | "skipped";
  notified: "table.drift_detected" | "table.verified" | null;
}

/**
 * One scheduled check of one managed table: reads the live table in every Region, classifies the
 * drift, and in one transaction hands the result to the inventory and (when it is news) writes
 * `table.drift_detected` or `table.verified` to the notification outbox.
 */
export async function runScheduledDriftCheck(
  tableId: string,
  deps: DriftJobDeps = {},
): Promise<ScheduledDriftCheckOutcome> {
  const source = sourceOf(deps);
  if (!source) return { tableId, status: "skipped", notified: null };
  const table = await source.getManagedTable(tableId);
  if (!table) return { tableId, status: "skipped", notified: null };
  const settings = deps.settings ?? driftSettingsFromEnv();
  const now = deps.now?.() ?? new Date();
  const minutes = settings.schedule[table.tier];
  // Checked since this job was planned (a slot boundary between two plans, a manual run): not again.
  if (minutes === null) return { tableId, status: "skipped", notified: null };
  if (table.lastCheckedAt && now.getTime() - table.lastCheckedAt.getTime() < minutes * 60_000 - 60_000) {
    return { tableId, status: "skipped", notified: null };
  }
  const result = await checkTableDrift(table.definition, { db: deps.db, ...deps.checkOptions, now: () => now });
  const outcome: DriftOutcome | null =
    result.status === "unavailable"
      ? null
      : {
          status: result.status,
          fingerprint: driftFingerprint(result.report),
          worst: result.report?.worst ?? null,
        };
  const notified = outcome ? driftNotificationFor(table.lastOutcome, outcome) : null;
  const db = deps.db ?? (await getDb());
  const eventId = await runTransaction(db, async (tx) => {
    const id = notified
      ? await recordNotificationEvent(tx, {
          type: notified,
          changeRequestId: table.changeRequestId,
          actor: null,
          table: { id: table.id, name: table.definition.tableName },
          extra: {
            drift: {
              region: result.region,
              counts: result.report?.counts ?? {},
              worst: result.report?.worst ?? null,
              urgent: result.report?.urgent ?? false,
              findings: (result.report?.findings ?? [])
                .slice(0, 50)
                .map((f) => ({ path: f.path, class: f.class, message: f.message })),
            },
            details: {
              scheduled: true,
              managedTableId: table.id,
              status: result.status,
              regionsRead: result.regionsRead,
            },
          },
        })
      : null;
    await source.recordDriftCheck(tx, table.id, { result, outcome, eventId: id });
    return id;
  });
  if (eventId) await dispatchNotificationsSoon([eventId]);
  if (result.status === "unavailable") {
    getLogger().warn(
      { table: table.definition.tableName, reason: result.unavailable?.reason },
      "drift: check unavailable",
    );
  }
  return { tableId, status: result.status, notified };
}
