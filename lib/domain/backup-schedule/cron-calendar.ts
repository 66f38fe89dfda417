import type { CronSchedule } from "./parse-cron";

/**
 * When a parsed cron schedule fires, measured on the calendar rather than guessed from the text:
 * the longest and shortest gap between two runs and the average number of runs a day. The walk is
 * bounded by construction: it visits each day of a fixed window once (28 years for every-year
 * schedules, at most the 230 listed years otherwise) and each day's times at most 1,440 times.
 */
export interface CronTiming {
  /** False when no day in the calendar matches (e.g. 30 February). */
  fires: boolean;
  /** The longest time without a run, in minutes; undefined when it never fires. */
  worstGapMinutes: number | undefined;
  /** The shortest time between two runs, in minutes; undefined when it runs at most once. */
  shortestGapMinutes: number | undefined;
  /** Runs per day on average over the window. */
  runsPerDay: number;
}

const MINUTES_PER_DAY = 1440;
// 28 years from 2000: the Gregorian weekday-and-leap-year pattern repeats every 28 years from 1901
// to 2099, so the window holds every combination an every-year schedule can meet, and wraps exactly.
const CYCLE_START = 2000;
const CYCLE_YEARS = 28;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] as number));

/** Day of the week, 1 = Sunday ... 7 = Saturday (Sakamoto's method). */
function weekdayOf(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const year = m < 3 ? y - 1 : y;
  const sunday0 =
    (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + (t[m - 1] as number) + d) % 7;
  return sunday0 + 1;
}

const isWeekday = (dow: number) => dow >= 2 && dow <= 6;

/** The weekday (Mon-Fri) nearest `day` in the same month, as AWS's `nW` means it; undefined if the month is shorter. */
function nearestWeekday(y: number, m: number, day: number, dim: number): number | undefined {
  if (day > dim) return undefined;
  const dow = weekdayOf(y, m, day);
  if (isWeekday(dow)) return day;
  if (dow === 7) return day > 1 ? day - 1 : day + 2; // Saturday: the Friday before, or Monday the 3rd
  return day < dim ? day + 1 : day - 2; // Sunday: the Monday after, or the Friday before at month end
}

function lastWeekday(y: number, m: number, dim: number): number {
  const dow = weekdayOf(y, m, dim);
  if (dow === 7) return dim - 1;
  if (dow === 1) return dim - 2;
  return dim;
}

function matchesDay(schedule: CronSchedule, y: number, m: number, d: number, dow: number, dim: number): boolean {
  const dom = schedule.dayOfMonth;
  switch (dom.kind) {
    case "days":
      if (!dom.days.includes(d)) return false;
      break;
    case "last":
      if (d !== dim) return false;
      break;
    case "lastWeekday":
      if (d !== lastWeekday(y, m, dim)) return false;
      break;
    case "nearestWeekday":
      if (d !== nearestWeekday(y, m, dom.day, dim)) return false;
      break;
    case "any":
      break;
  }
  const rule = schedule.dayOfWeek;
  switch (rule.kind) {
    case "days":
      return rule.days.includes(dow);
    case "lastOfMonth":
      return dow === rule.day && d + 7 > dim;
    case "nthOfMonth":
      return dow === rule.day && Math.ceil(d / 7) === rule.nth;
    case "any":
      return true;
  }
}

/** Minutes after midnight at which the schedule runs on a matching day, sorted (at most 1,440). */
export function timesOfDay(schedule: CronSchedule): number[] {
  const times: number[] = [];
  for (const h of schedule.hours) for (const m of schedule.minutes) times.push(h * 60 + m);
  return times;
}

/** Walks the calendar window once and measures the schedule's gaps and frequency. */
export function measureCronTiming(schedule: CronSchedule): CronTiming {
  const times = timesOfDay(schedule);
  const years = schedule.years ?? Array.from({ length: CYCLE_YEARS }, (_, i) => CYCLE_START + i);
  const months = new Set(schedule.months);
  const fireDays: number[] = [];
  let dayIndex = 0;
  let lastYear: number | undefined;
  for (const y of years) {
    // Listed years may skip some: keep the day index continuous with the real calendar.
    if (lastYear !== undefined)
      for (let skipped = lastYear + 1; skipped < y; skipped++) dayIndex += isLeapYear(skipped) ? 366 : 365;
    lastYear = y;
    for (let m = 1; m <= 12; m++) {
      const dim = daysInMonth(y, m);
      if (!months.has(m)) {
        dayIndex += dim;
        continue;
      }
      let dow = weekdayOf(y, m, 1);
      for (let d = 1; d <= dim; d++) {
        if (matchesDay(schedule, y, m, d, dow, dim)) fireDays.push(dayIndex);
        dayIndex++;
        dow = (dow % 7) + 1;
      }
    }
  }
  const windowDays = dayIndex;
  if (fireDays.length === 0 || times.length === 0) {
    return { fires: false, worstGapMinutes: undefined, shortestGapMinutes: undefined, runsPerDay: 0 };
  }
  const first = times[0] as number;
  const last = times[times.length - 1] as number;
  let worst = 0;
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    worst = Math.max(worst, gap);
    shortest = Math.min(shortest, gap);
  }
  const betweenDays = (from: number, to: number) => (to - from) * MINUTES_PER_DAY - last + first;
  for (let i = 1; i < fireDays.length; i++) {
    const gap = betweenDays(fireDays[i - 1] as number, fireDays[i] as number);
    worst = Math.max(worst, gap);
    shortest = Math.min(shortest, gap);
  }
  // An every-year schedule repeats with the window, so its last run is followed by the first one again.
  if (!schedule.years) {
    const gap = betweenDays(fireDays[fireDays.length - 1] as number, (fireDays[0] as number) + windowDays);
    worst = Math.max(worst, gap);
    shortest = Math.min(shortest, gap);
  }
  const runs = fireDays.length * times.length;
  return {
    fires: true,
    worstGapMinutes: runs > 1 || !schedule.years ? worst : undefined,
    shortestGapMinutes: Number.isFinite(shortest) ? shortest : undefined,
    runsPerDay: runs / windowDays,
  };
}
