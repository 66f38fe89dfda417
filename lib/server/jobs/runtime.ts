import "server-only";
import { getLogger } from "../logger";
import type { EnqueueOptions, JobRunner } from "./types";

/**
 * The process's job runner, shared through globalThis: instrumentation.ts starts it, and route
 * handlers (bundled separately by Next) enqueue through the same instance.
 */
const holder = globalThis as typeof globalThis & { __tablewrightJobs?: { runner?: JobRunner } };

export function currentJobRunner(): JobRunner | undefined {
  return holder.__tablewrightJobs?.runner;
}

export function setJobRunner(runner: JobRunner | undefined): void {
  holder.__tablewrightJobs ??= {};
  holder.__tablewrightJobs.runner = runner;
}

/**
 * Enqueues a job when a runner is running, else does nothing (scripts, tests, an instance started
 * without jobs): the outbox and the sweep make sure nothing is lost either way. Never throws: a
 * failed enqueue is logged and left to the sweep.
 */
export async function enqueueJob(name: string, data: object, options: EnqueueOptions = {}): Promise<boolean> {
  const runner = currentJobRunner();
  if (!runner) return false;
  try {
    await runner.send(name, data, options);
    return true;
  } catch (error) {
    getLogger().warn({ job: name, err: String(error) }, "jobs: enqueue failed; the sweep will pick it up");
    return false;
  }
}
