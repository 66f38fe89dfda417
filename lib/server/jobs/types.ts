import "server-only";

/** What a job's handler learns about the run it is in. */
export interface JobContext {
  /** The queue's job id (deterministic when the sender gave one). */
  jobId: string;
  /** For a scheduled run: the schedule tick it belongs to (the cron time, not when it started). */
  scheduledFor?: Date;
  /** 0 for the first try; retries after a failure or a dead worker count up. */
  retryCount: number;
}

/**
 * One kind of background work. The same definitions run on PostgreSQL (pg-boss, shared by every
 * instance) and on the embedded SQLite database (in-process); handlers do not know which.
 */
export interface JobDefinition<TData extends object = Record<string, unknown>> {
  /** Queue name, `<area>.<verb>`, e.g. notifications.deliver. */
  name: string;
  /** Cron expression in UTC (5 fields, minute granularity): the job runs once per tick, whatever the number of instances. */
  schedule?: string;
  /** Handlers of this job each instance runs at the same time. */
  concurrency: number;
  /** Retries when the handler throws or its instance dies mid-run. */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further retry. */
  retryDelaySeconds: number;
  /** A run older than this is presumed dead (its instance was killed) and retried. */
  expireInSeconds: number;
  /** May resolve with a one-line summary, which a scheduled run records. */
  handler: (data: TData, context: JobContext) => Promise<unknown>;
}

export interface EnqueueOptions {
  /**
   * A deterministic id (see jobIdFor) makes sending idempotent: while the queue still holds a job
   * with this id, sending it again does nothing.
   */
  id?: string;
  /** Not before this time. */
  startAfter?: Date;
}

/** Where jobs run: pg-boss on PostgreSQL, or in this process on the embedded SQLite database. */
export interface JobRunner {
  readonly kind: "pg-boss" | "in-process";
  /** Whether this instance runs handlers (TABLEWRIGHT_WORKER), or only enqueues. */
  readonly working: boolean;
  send(name: string, data: object, options?: EnqueueOptions): Promise<void>;
  /** Stops taking jobs and waits up to graceMs for running handlers. */
  stop(graceMs: number): Promise<void>;
}
