import "server-only";
import { randomUUID } from "node:crypto";
import { getLogger } from "../logger";
import { runJob } from "./run-job";
import { nextTickAfter } from "./schedule-tick";
import type { EnqueueOptions, JobContext, JobDefinition, JobRunner } from "./types";

interface QueuedJob {
  id: string;
  data: object;
  runAt: number;
  retryCount: number;
  scheduledFor?: Date;
}

interface Queue {
  def: JobDefinition<object>;
  waiting: QueuedJob[];
  active: number;
  /** One timer per queue, for its earliest job not yet due. */
  wake?: { at: number; timer: NodeJS.Timeout };
}

/** How long a finished job's id keeps refusing re-sends (the same window pg-boss keeps them). */
const FINISHED_ID_TTL_MS = 24 * 3_600_000;

/**
 * Jobs in this process, for the embedded SQLite database (one instance by design): the same
 * definitions, retries with back-off, expiry of runs that hang, idempotent sends by id, cron
 * schedules from the same parser pg-boss uses. Queued jobs live in memory only; what must not be
 * lost lives in the database (the outbox, the deliveries), and the sweep re-enqueues it at start.
 */
export function startInProcessRunner(definitions: readonly JobDefinition<object>[], working: boolean): JobRunner {
  const log = getLogger();
  const queues = new Map<string, Queue>(definitions.map((def) => [def.name, { def, waiting: [], active: 0 }]));
  /** Ids queued or running, and ids finished recently (with when). */
  const live = new Set<string>();
  const finished = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let running = 0;

  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
    return timer;
  };

  function pump(queue: Queue) {
    if (stopped || !working) return;
    const now = Date.now();
    queue.waiting.sort((a, b) => a.runAt - b.runAt);
    while (queue.active < queue.def.concurrency) {
      const next = queue.waiting[0];
      if (!next) return;
      if (next.runAt > now) {
        if (!queue.wake || next.runAt < queue.wake.at) {
          if (queue.wake) {
            clearTimeout(queue.wake.timer);
            timers.delete(queue.wake.timer);
          }
          const timer = later(next.runAt - now, () => {
            queue.wake = undefined;
            pump(queue);
          });
          queue.wake = { at: next.runAt, timer };
        }
        return;
      }
      queue.waiting.shift();
      void execute(queue, next);
    }
  }

  async function execute(queue: Queue, job: QueuedJob) {
    queue.active++;
    running++;
    const context: JobContext = { jobId: job.id, retryCount: job.retryCount };
    if (job.scheduledFor) context.scheduledFor = job.scheduledFor;
    let expiry: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        runJob(queue.def, job.data, context),
        new Promise<never>((_, reject) => {
          expiry = setTimeout(
            () => reject(new Error(`no result within ${queue.def.expireInSeconds} s`)),
            queue.def.expireInSeconds * 1_000,
          );
          expiry.unref();
        }),
      ]);
      live.delete(job.id);
      finished.set(job.id, Date.now());
    } catch (error) {
      if (job.retryCount < queue.def.retryLimit && !stopped) {
        const delay = queue.def.retryDelaySeconds * 1_000 * 2 ** job.retryCount;
        log.warn({ job: queue.def.name, err: String(error), retryInMs: delay }, "jobs: run failed, retrying");
        queue.waiting.push({ ...job, retryCount: job.retryCount + 1, runAt: Date.now() + delay });
      } else {
        log.error({ job: queue.def.name, err: String(error) }, "jobs: run failed, no retry left");
        live.delete(job.id);
        finished.set(job.id, Date.now());
      }
    } finally {
      clearTimeout(expiry);
      queue.active--;
      running--;
      pump(queue);
    }
  }

  function enqueue(name: string, data: object, options: EnqueueOptions & { scheduledFor?: Date } = {}) {
    const queue = queues.get(name);
    if (!queue) throw new Error(`unknown job ${name}`);
    const id = options.id ?? randomUUID();
    const doneAt = finished.get(id);
    if (live.has(id) || (doneAt !== undefined && Date.now() - doneAt < FINISHED_ID_TTL_MS)) return;
    live.add(id);
    const job: QueuedJob = { id, data, runAt: options.startAfter?.getTime() ?? Date.now(), retryCount: 0 };
    if (options.scheduledFor) job.scheduledFor = options.scheduledFor;
    queue.waiting.push(job);
    pump(queue);
  }

  function schedule(def: JobDefinition<object>) {
    const cron = def.schedule as string;
    const arm = () => {
      const tick = nextTickAfter(cron, new Date());
      later(Math.max(0, tick.getTime() - Date.now()), () => {
        if (stopped) return;
        enqueue(def.name, { scheduled: true }, { id: `${def.name}@${tick.toISOString()}`, scheduledFor: tick });
        arm();
      });
    };
    arm();
  }

  if (working) for (const def of definitions) if (def.schedule) schedule(def);
  // Forget finished ids after their window, hourly.
  const sweepIds = setInterval(() => {
    const cutoff = Date.now() - FINISHED_ID_TTL_MS;
    for (const [id, at] of finished) if (at < cutoff) finished.delete(id);
  }, 3_600_000);
  sweepIds.unref();
  log.info({ runner: "in-process", working, queues: definitions.map((d) => d.name) }, "jobs: started in-process");

  return {
    kind: "in-process",
    working,
    async send(name, data, options = {}) {
      enqueue(name, data, options);
    },
    async stop(graceMs: number) {
      stopped = true;
      clearInterval(sweepIds);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const deadline = Date.now() + graceMs;
      while (running > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    },
  };
}
