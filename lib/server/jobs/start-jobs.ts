import "server-only";
import { databaseConfig } from "../db";
import { getLogger } from "../logger";
import { JOB_DEFINITIONS } from "./definitions";
import { startInProcessRunner } from "./in-process-runner";
import { JOB_NAMES } from "./job-names";
import { startPgBossRunner } from "./pg-boss-runner";
import { currentJobRunner, setJobRunner } from "./runtime";
import { assertCronExpression } from "./schedule-tick";
import type { JobDefinition, JobRunner } from "./types";

export interface StartJobsOptions {
  /** TABLEWRIGHT_WORKER: run handlers and schedules here (default), or only enqueue. */
  working?: boolean;
  definitions?: readonly JobDefinition<object>[];
}

/**
 * Starts background jobs for this process (from instrumentation.ts): on PostgreSQL a pg-boss
 * runner shared by every instance, on the embedded SQLite database an in-process runner. Once per
 * process; a failure to start is logged and the portal serves requests anyway (the outbox keeps
 * every event until a worker runs).
 */
export async function startJobs(options: StartJobsOptions = {}): Promise<JobRunner | undefined> {
  const existing = currentJobRunner();
  if (existing) return existing;
  const definitions = options.definitions ?? JOB_DEFINITIONS;
  for (const def of definitions) if (def.schedule) assertCronExpression(def.schedule);
  const working = options.working ?? true;
  const config = databaseConfig();
  const log = getLogger();
  try {
    const runner =
      config.kind === "postgresql"
        ? await startPgBossRunner(definitions, { connectionString: config.url, working })
        : startInProcessRunner(definitions, working);
    setJobRunner(runner);
    // The embedded runner's queue lives in memory: catch up on what a restart left behind now,
    // not at the next minute. (pg-boss keeps its queue in PostgreSQL.)
    if (runner.kind === "in-process" && working) await runner.send(JOB_NAMES.sweepNotifications, {});
    return runner;
  } catch (error) {
    log.error({ err: String(error) }, "jobs: could not start; notifications wait in the outbox until a worker runs");
    return undefined;
  }
}

/** Stops the runner (on shutdown), letting running handlers finish within the grace period. */
export async function stopJobs(graceMs: number): Promise<void> {
  const runner = currentJobRunner();
  if (!runner) return;
  setJobRunner(undefined);
  await runner.stop(graceMs).catch((error) => getLogger().warn({ err: String(error) }, "jobs: stop failed"));
}
