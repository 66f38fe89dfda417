/** The longest gap between two backups of a schedule, which is the worst-case RPO of a backup pattern. */
export interface BackupInterval {
  /** e.g. "24 hours (daily)". */
  label: string;
  /** Worst-case gap in seconds; `null` when the expression is not one this reader understands. */
  seconds: number | null;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const UNIT_SECONDS: Record<string, number> = { minute: MINUTE, hour: HOUR, day: DAY };

/**
 * Reads an AWS Backup `cron(...)` or `rate(...)` expression well enough to state the worst-case
 * gap between backups. Covers the shapes people write (hourly, every n hours, daily, weekly,
 * monthly); anything else is reported as unknown rather than guessed.
 */
export function describeBackupInterval(schedule: string): BackupInterval {
  const expr = schedule.trim();
  const rate = /^rate\(\s*(\d+)\s+(minute|hour|day)s?\s*\)$/i.exec(expr);
  if (rate) {
    const seconds = Number(rate[1]) * (UNIT_SECONDS[(rate[2] as string).toLowerCase()] ?? 0);
    return { label: labelFor(seconds), seconds: seconds > 0 ? seconds : null };
  }
  const cron = /^cron\((.*)\)$/i.exec(expr);
  const fields = cron?.[1]?.trim().split(/\s+/);
  if (fields?.length !== 6) return unknown(schedule);
  const [minutes, hours, dayOfMonth, , dayOfWeek] = fields as [string, string, string, string, string, string];

  const minuteGap = gapOf(minutes, 60);
  if (minuteGap === undefined) return unknown(schedule);
  if (minuteGap !== null) return fromSeconds(minuteGap * MINUTE);

  const hourGap = gapOf(hours, 24);
  if (hourGap === undefined) return unknown(schedule);
  if (hourGap !== null) return fromSeconds(hourGap * HOUR);

  const anyDay = (f: string) => f === "*" || f === "?";
  if (anyDay(dayOfMonth) && anyDay(dayOfWeek)) return fromSeconds(DAY);
  if (anyDay(dayOfMonth)) {
    // One named or numbered weekday; ranges and lists (MON-FRI) have uneven gaps, left unknown.
    return /^([A-Z]{3}|[1-7])$/i.test(dayOfWeek) ? fromSeconds(7 * DAY) : unknown(schedule);
  }
  if (/^\d+$/.test(dayOfMonth)) return fromSeconds(31 * DAY);
  return unknown(schedule);
}

/**
 * The worst gap a cron field makes inside its cycle: `null` when the field fires once per cycle
 * (a single value, so a coarser field decides), `undefined` when it is not understood.
 */
function gapOf(field: string, cycle: number): number | null | undefined {
  if (field === "*") return 1;
  const step = /^(\*|\d+)\/(\d+)$/.exec(field);
  if (step) {
    const n = Number(step[2]);
    // "0/7" over 24 hours fires at 0, 7, 14, 21: the wrap-around gap (21 -> 0) is the worst one.
    const start = step[1] === "*" ? 0 : Number(step[1]);
    const fires = [];
    for (let v = start; v < cycle; v += n) fires.push(v);
    return n > 0 ? worstGap(fires, cycle) : undefined;
  }
  if (/^\d+$/.test(field)) return null;
  if (/^\d+(,\d+)+$/.test(field)) return worstGap(field.split(",").map(Number), cycle);
  return undefined;
}

function worstGap(values: number[], cycle: number): number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length <= 1) return cycle;
  let worst = (sorted[0] as number) + cycle - (sorted[sorted.length - 1] as number);
  for (let i = 1; i < sorted.length; i++) worst = Math.max(worst, (sorted[i] as number) - (sorted[i - 1] as number));
  return worst;
}

function fromSeconds(seconds: number): BackupInterval {
  return { label: labelFor(seconds), seconds };
}

function labelFor(seconds: number): string {
  if (seconds >= DAY && seconds % DAY === 0) {
    const days = seconds / DAY;
    if (days === 1) return "24 hours (daily)";
    if (days === 7) return "7 days (weekly)";
    if (days === 31) return "up to 31 days (monthly)";
    return `${days} days`;
  }
  if (seconds >= HOUR && seconds % HOUR === 0) return seconds === HOUR ? "1 hour" : `${seconds / HOUR} hours`;
  return seconds === MINUTE ? "1 minute" : `${Math.round(seconds / MINUTE)} minutes`;
}

function unknown(schedule: string): BackupInterval {
  return { label: `the interval of ${schedule}`, seconds: null };
}
