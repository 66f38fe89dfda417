import { type CronTiming, measureCronTiming } from "./cron-calendar";
import { type CronField, type CronSchedule, parseCronExpression } from "./parse-cron";

/**
 * AWS Backup's own rules on top of the cron grammar: a cron expression (no rate()), one that runs
 * at all, and never more often than once an hour ("The interval between backup jobs shouldn't be
 * less than 60 minutes", the error AWS Backup answers; see docs/validation-codes.md).
 */
export type BackupScheduleCheck =
  | { ok: true; schedule: CronSchedule; timing: CronTiming }
  | {
      ok: false;
      code: "BACKUP_SCHEDULE_INVALID" | "BACKUP_SCHEDULE_TOO_FREQUENT";
      field?: CronField;
      message: string;
      /** Set when the expression parsed but breaks an AWS Backup rule (its real timing, e.g. every 10 minutes). */
      timing?: CronTiming;
    };

/** What the DR preview and the cost estimate need: how long between backups at worst, and how many a day. */
export interface BackupScheduleSummary {
  /** The longest gap between two backups in seconds; undefined when the expression is not understood. */
  worstGapSeconds: number | undefined;
  /** Backups per day on average; undefined when the expression is not understood. */
  backupsPerDay: number | undefined;
}

const RATE = /^rate\(\s*(\d{1,6})\s+(minute|hour|day)s?\s*\)$/i;
const RATE_UNIT_SECONDS: Record<string, number> = { minute: 60, hour: 3600, day: 86_400 };

// Parsing and the calendar walk are cheap but not free; the form's live panel asks on every keystroke.
const CACHE_LIMIT = 256;
const checks = new Map<string, BackupScheduleCheck>();

/** Checks a schedule the way AWS Backup's CreateBackupPlan would. Never throws. */
export function checkBackupSchedule(expression: string): BackupScheduleCheck {
  const cached = checks.get(expression);
  if (cached) return cached;
  const result = check(expression);
  if (checks.size >= CACHE_LIMIT) checks.clear();
  checks.set(expression, result);
  return result;
}

function check(expression: string): BackupScheduleCheck {
  if (RATE.test(expression.trim())) {
    return {
      ok: false,
      code: "BACKUP_SCHEDULE_INVALID",
      message: 'AWS Backup takes cron expressions only, not rate(); e.g. "cron(0 */12 * * ? *)" for every 12 hours',
    };
  }
  const parsed = parseCronExpression(expression);
  if (!parsed.ok) return { ok: false, code: "BACKUP_SCHEDULE_INVALID", field: parsed.field, message: parsed.message };
  const { schedule } = parsed;
  const timing = measureCronTiming(schedule);
  if (!timing.fires) {
    return {
      ok: false,
      code: "BACKUP_SCHEDULE_INVALID",
      timing,
      message: "the schedule never runs: no day matches its day-of-month, month, day-of-week and year together",
    };
  }
  // With one minute value every gap is a whole number of hours; two or more put runs within one hour.
  if (schedule.minutes.length > 1) {
    return {
      ok: false,
      code: "BACKUP_SCHEDULE_TOO_FREQUENT",
      field: "minutes",
      timing,
      message: `AWS Backup runs at most once an hour, but this schedule runs ${schedule.minutes.length} times an hour; give the minutes field one value (e.g. 0)`,
    };
  }
  return { ok: true, schedule, timing };
}

/**
 * The worst-case gap and the daily count of a schedule, for the DR preview (RPO) and the cost
 * estimate (retained backups). Reads `rate(n unit)` too, which AWS Backup refuses but older
 * requests may hold; anything it cannot read is reported as unknown, never guessed.
 */
export function summariseBackupSchedule(expression: string): BackupScheduleSummary {
  const rate = RATE.exec(expression.trim());
  if (rate) {
    const seconds = Number(rate[1]) * (RATE_UNIT_SECONDS[(rate[2] as string).toLowerCase()] ?? 0);
    return seconds > 0
      ? { worstGapSeconds: seconds, backupsPerDay: 86_400 / seconds }
      : { worstGapSeconds: undefined, backupsPerDay: undefined };
  }
  const result = checkBackupSchedule(expression);
  const timing = result.timing;
  if (!timing?.fires || timing.worstGapMinutes === undefined) {
    return { worstGapSeconds: undefined, backupsPerDay: timing?.fires ? timing.runsPerDay : undefined };
  }
  return { worstGapSeconds: timing.worstGapMinutes * 60, backupsPerDay: timing.runsPerDay };
}
