import "server-only";
import PgBoss from "pg-boss";
import { getLogger } from "../logger";
import { runJob } from "./run-job";
import { tickAtOrBefore } from "./schedule-tick";
import type { EnqueueOptions, JobDefinition, JobRunner } from "./types";

export interface PgBossRunnerOptions {
  connectionString: string;
  /** Run handlers and schedules here (false: this instance only enqueues). */
  working: boolean;
  /** Connections pg-boss may hold, on top of the portal's own pool. */
  poolSize?: number;
}

/** Marks the payload pg-boss's scheduler sends, so a scheduled run is told from an ad-hoc one. */
const SCHEDULED = { scheduled: true } as const;

/**
 * Jobs on PostgreSQL through pg-boss, shared by every instance on the database: a job is fetched
 * by exactly one worker (FOR UPDATE SKIP LOCKED), retried with back-off when its handler throws,
 * retried when its worker died (expiry, checked by pg-boss's maintenance), and cron schedules
 * create one job per tick whatever the number of instances (pg-boss debounces its cron check in
 * the database and inserts each tick's job under a one-minute singleton key).
 */
export async function startPgBossRunner(
  definitions: readonly JobDefinition<object>[],
  options: PgBossRunnerOptions,
): Promise<JobRunner> {
  const log = getLogger();
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.poolSize ?? 4,
    application_name: "tablewright-jobs",
    schema: "pgboss",
    // A worker killed mid-job leaves it active: maintenance finds it past its expiry and retries it.
    supervise: options.working,
    maintenanceIntervalSeconds: 30,
    schedule: options.working,
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 2,
    // Completed jobs stay visible (and their ids reserved against re-sends) for a day.
    archiveCompletedAfterSeconds: 24 * 3_600,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => log.error({ err: String(error) }, "jobs: pg-boss error"));
  await boss.start();

  const workerIds = new Map<string, string[]>();
  for (const def of definitions) {
    const queue = {
      name: def.name,
      policy: "standard" as const,
      retryLimit: def.retryLimit,
      retryDelay: def.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: def.expireInSeconds,
    };
    await boss.createQueue(def.name, queue);
    // createQueue leaves an existing queue as it was: bring its settings up to this release.
    await boss.updateQueue(def.name, queue);
  }
  if (options.working) {
    for (const def of definitions) {
      const ids: string[] = [];
      for (let i = 0; i < def.concurrency; i++) {
        ids.push(
          await boss.work<object>(
            def.name,
            // Scheduled jobs are created by the cron check: no need to poll for them every 2 s.
            { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: def.schedule ? 10 : 2 },
            async ([job]) => {
              if (!job) return;
              const scheduled = def.schedule && (job.data as { scheduled?: boolean })?.scheduled === true;
              await runJob(def, job.data ?? {}, {
                jobId: job.id,
                retryCount: job.retryCount,
                ...(scheduled ? { scheduledFor: tickAtOrBefore(def.schedule as string, new Date(job.createdOn)) } : {}),
              });
            },
          ),
        );
      }
      workerIds.set(def.name, ids);
      if (def.schedule) await boss.schedule(def.name, def.schedule, SCHEDULED, { tz: "UTC" });
    }
  }
  log.info(
    { runner: "pg-boss", working: options.working, queues: definitions.map((d) => d.name) },
    "jobs: started on PostgreSQL",
  );

  return {
    kind: "pg-boss",
    working: options.working,
    async send(name: string, data: object, sendOptions: EnqueueOptions = {}) {
      await boss.send(name, data, {
        ...(sendOptions.id ? { id: sendOptions.id } : {}),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
      });
      // Due now and handled here: wake a local worker instead of waiting for its next poll.
      const due = !sendOptions.startAfter || sendOptions.startAfter.getTime() <= Date.now();
      const ids = workerIds.get(name);
      if (due && ids?.length) boss.notifyWorker(ids[Math.floor(Math.random() * ids.length)] as string);
    },
    async stop(graceMs: number) {
      await boss.stop({ graceful: true, wait: true, timeout: Math.max(1_000, graceMs) });
    },
  };
}
