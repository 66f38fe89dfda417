import "server-only";
import cronParser from "cron-parser";

/** Checks a cron expression the way both runners will read it (UTC). Throws on a bad one. */
export function assertCronExpression(cron: string): void {
  cronParser.parseExpression(cron, { tz: "UTC" });
}

/**
 * The schedule tick a run belongs to: the latest cron time at or before `at` (when the queue
 * created the job). pg-boss creates a scheduled job within seconds of its tick, and at most once
 * per tick across every instance, so two runs of one tick mean the scheduler failed.
 */
export function tickAtOrBefore(cron: string, at: Date): Date {
  const interval = cronParser.parseExpression(cron, { tz: "UTC", currentDate: new Date(at.getTime() + 1_000) });
  return interval.prev().toDate();
}

/** The next cron time strictly after `after`. */
export function nextTickAfter(cron: string, after: Date): Date {
  return cronParser.parseExpression(cron, { tz: "UTC", currentDate: after }).next().toDate();
}
