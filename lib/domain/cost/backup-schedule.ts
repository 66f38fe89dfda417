/**
 * Backups per day from an AWS Backup schedule expression, to count retained backups. Handles the
 * common shapes (`cron(m h * * ? *)`, hour lists and steps, day-of-week lists, `rate(n unit)`);
 * anything else counts as daily and says so.
 */
export interface BackupFrequency {
  perDay: number;
  /** Set when the expression was not understood and daily was assumed. */
  assumedDaily?: boolean;
}

const DAYS_OF_WEEK = 7;
const DAY_NAMES: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
const dayNumber = (token: string): number => DAY_NAMES[token.toUpperCase()] ?? Number(token);

function countField(field: string, span: number): number | undefined {
  if (field === "*" || field === "?") return span;
  const step = /^(?:\*|(\d+))\/(\d+)$/.exec(field);
  if (step) {
    const start = Number(step[1] ?? 0);
    const every = Number(step[2]);
    return every > 0 ? Math.max(1, Math.ceil((span - start) / every)) : undefined;
  }
  const parts = field.split(",");
  let total = 0;
  for (const part of parts) {
    const range = /^(\w+)-(\w+)$/.exec(part);
    const from = range ? dayNumber(range[1] ?? "") : Number.NaN;
    const to = range ? dayNumber(range[2] ?? "") : Number.NaN;
    if (range && Number.isInteger(from) && Number.isInteger(to) && to >= from) {
      total += to - from + 1;
    } else if (range) {
      return undefined;
    } else if (/^[\w#L]+$/.test(part)) {
      total += 1;
    } else {
      return undefined;
    }
  }
  return total;
}

/** How many backups a schedule takes per day on average. */
export function backupsPerDay(schedule: string): BackupFrequency {
  const rate = /^rate\((\d+)\s+(minutes?|hours?|days?)\)$/i.exec(schedule.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = (rate[2] ?? "").toLowerCase();
    if (n <= 0) return { perDay: 1, assumedDaily: true };
    if (unit.startsWith("minute")) return { perDay: (24 * 60) / n };
    if (unit.startsWith("hour")) return { perDay: 24 / n };
    return { perDay: 1 / n };
  }
  const cron = /^cron\((.+)\)$/i.exec(schedule.trim());
  const fields = cron?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) return { perDay: 1, assumedDaily: true };
  const [minutes, hours, dayOfMonth, , dayOfWeek] = fields as [string, string, string, string, string, string];
  const perHour = countField(minutes, 60);
  const hoursPerDay = countField(hours, 24);
  if (perHour === undefined || hoursPerDay === undefined) return { perDay: 1, assumedDaily: true };
  let dayShare = 1;
  if (dayOfWeek !== "*" && dayOfWeek !== "?") {
    const days = countField(dayOfWeek, DAYS_OF_WEEK);
    if (days === undefined) return { perDay: 1, assumedDaily: true };
    dayShare = Math.min(1, days / DAYS_OF_WEEK);
  } else if (dayOfMonth !== "*" && dayOfMonth !== "?") {
    const days = countField(dayOfMonth, 31);
    if (days === undefined) return { perDay: 1, assumedDaily: true };
    dayShare = Math.min(1, (days * 12) / 365);
  }
  return { perDay: perHour * hoursPerDay * dayShare };
}
