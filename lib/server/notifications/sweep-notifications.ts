import "server-only";
import { type Db, getDb } from "../db";
import { jobIdFor } from "../jobs/job-ids";
import { JOB_NAMES } from "../jobs/job-names";
import { enqueueJob } from "../jobs/runtime";
import { enqueueDeliveryAttempt } from "./enqueue-delivery";

/** Work younger than this is left to the job enqueued right after its commit. */
const GRACE_MS = 5_000;
const BATCH = 500;

/**
 * The safety net of at-least-once delivery: enqueues every outbox event not yet fanned out and
 * every pending delivery that is due, whatever happened to the jobs that should have done it (an
 * instance killed between commit and enqueue, an in-process queue lost on restart). Enqueueing is
 * idempotent by job id, so work already queued is not doubled.
 */
export async function sweepNotifications(options: { db?: Db; now?: Date } = {}): Promise<string> {
  const db = options.db ?? (await getDb());
  const cutoff = new Date((options.now ?? new Date()).getTime() - GRACE_MS);
  const [events, deliveries] = await Promise.all([
    db.notificationEvent.findMany({
      where: { dispatchedAt: null, createdAt: { lte: cutoff } },
      orderBy: { createdAt: "asc" },
      take: BATCH,
      select: { id: true },
    }),
    db.notificationDelivery.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: cutoff } },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true, attempts: true },
    }),
  ]);
  for (const e of events) {
    await enqueueJob(JOB_NAMES.dispatchNotification, { eventId: e.id }, { id: jobIdFor(`dispatch:${e.id}`) });
  }
  for (const d of deliveries) await enqueueDeliveryAttempt(d.id, d.attempts);
  return `${events.length} event(s) and ${deliveries.length} delivery attempt(s) enqueued`;
}

/** Retention: delivered notifications older than 30 days, job runs older than 14 days. */
export async function pruneNotificationHistory(options: { db?: Db; now?: Date } = {}): Promise<string> {
  const db = options.db ?? (await getDb());
  const now = (options.now ?? new Date()).getTime();
  const events = await db.notificationEvent.deleteMany({
    where: {
      createdAt: { lt: new Date(now - 30 * 86_400_000) },
      dispatchedAt: { not: null },
      deliveries: { none: { status: "PENDING" } },
    },
  });
  const runs = await db.jobRun.deleteMany({ where: { startedAt: { lt: new Date(now - 14 * 86_400_000) } } });
  return `pruned ${events.count} event(s) with their deliveries and ${runs.count} job run(s)`;
}
