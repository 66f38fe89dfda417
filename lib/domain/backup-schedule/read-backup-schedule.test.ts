import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measureCronTiming } from "./cron-calendar";
import { parseCronExpression } from "./parse-cron";
import { checkBackupSchedule, summariseBackupSchedule } from "./read-backup-schedule";

const HOUR = 60;
const DAY = 24 * HOUR;

function timing(expression: string) {
  const parsed = parseCronExpression(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return measureCronTiming(parsed.schedule);
}

describe("measureCronTiming: gaps and frequency on the real calendar", () => {
  it.each<[string, number | undefined, number | undefined, number]>([
    // expression, worst gap (min), shortest gap (min), runs per day
    ["cron(0 3 * * ? *)", DAY, DAY, 1],
    ["cron(0 * * * ? *)", HOUR, HOUR, 24],
    ["cron(0 0/7 * * ? *)", 7 * HOUR, 3 * HOUR, 4],
    ["cron(0 1,5 * * ? *)", 20 * HOUR, 4 * HOUR, 2],
    ["cron(0 5 ? * SUN *)", 7 * DAY, 7 * DAY, 1 / 7],
    ["cron(0 5 ? * MON-FRI *)", 3 * DAY, DAY, 5 / 7],
    ["cron(30 23,0 * * ? *)", 23 * HOUR, HOUR, 2],
    ["cron(*/10 * * * ? *)", 10, 10, 144],
    ["cron(0 5 1 * ? *)", 31 * DAY, 28 * DAY, (12 * 28) / 10_227],
    ["cron(0 5 L * ? *)", 31 * DAY, 28 * DAY, (12 * 28) / 10_227],
    ["cron(0 5 29 2 ? *)", 4 * 365 * DAY + DAY, 4 * 365 * DAY + DAY, 7 / 10_227],
  ])("%s", (expression, worst, shortest, perDay) => {
    const t = timing(expression);
    expect(t.fires).toBe(true);
    expect(t.worstGapMinutes).toBe(worst);
    expect(t.shortestGapMinutes).toBe(shortest);
    expect(t.runsPerDay).toBeCloseTo(perDay, 9);
  });

  it("knows the special days: last weekday, nearest weekday, nth and last weekday of the month", () => {
    // 2000-2027 has 336 months; each of these matches exactly one day a month.
    for (const expression of [
      "cron(0 5 LW * ? *)",
      "cron(0 5 15W * ? *)",
      "cron(0 5 ? * 6L *)",
      "cron(0 5 ? * 2#1 *)",
    ]) {
      expect(timing(expression).runsPerDay * 10_227, expression).toBeCloseTo(336, 6);
    }
    // A fifth Monday happens in some months only.
    const fifth = timing("cron(0 5 ? * 2#5 *)").runsPerDay * 10_227;
    expect(fifth).toBeGreaterThan(50);
    expect(fifth).toBeLessThan(336);
  });

  it("counts listed years only, and measures the gaps between them", () => {
    const t = timing("cron(0 5 1 1 ? 2030,2035)");
    expect(t.worstGapMinutes).toBe((365 * 5 + 1) * DAY); // 2030-01-01 to 2035-01-01, with 29 February 2032 between
    expect(timing("cron(0 5 1 1 ? 2030)").worstGapMinutes).toBeUndefined();
  });

  it("says when a schedule never runs", () => {
    expect(timing("cron(0 5 30 2 ? *)").fires).toBe(false);
    expect(timing("cron(0 5 31 4,6,9,11 ? *)").fires).toBe(false);
    expect(timing("cron(0 5 29 2 ? 2027)").fires).toBe(false);
  });
});

describe("checkBackupSchedule: AWS Backup's rules", () => {
  it.each([
    "cron(0 3 * * ? *)",
    "cron(0 */1 * * ? *)",
    "cron(15 0/6 * * ? *)",
    "cron(0 5 ? * MON-FRI *)",
    "cron(0 5 L * ? *)",
  ])("accepts %s", (expression) => expect(checkBackupSchedule(expression).ok).toBe(true));

  it.each<[string, string, RegExp]>([
    ["cron(0/0 * * * ? *)", "BACKUP_SCHEDULE_INVALID", /step must be at least 1/],
    ["cron(0 */0 * * ? *)", "BACKUP_SCHEDULE_INVALID", /step must be at least 1/],
    ["cron(0/15 * * * ? *)", "BACKUP_SCHEDULE_TOO_FREQUENT", /at most once an hour.*4 times an hour/],
    ["cron(0,30 3 * * ? *)", "BACKUP_SCHEDULE_TOO_FREQUENT", /2 times an hour/],
    ["cron(* 3 * * ? *)", "BACKUP_SCHEDULE_TOO_FREQUENT", /60 times an hour/],
    ["cron(0 3 30 2 ? *)", "BACKUP_SCHEDULE_INVALID", /never runs/],
    ["rate(12 hours)", "BACKUP_SCHEDULE_INVALID", /cron expressions only/],
    ["daily at 3", "BACKUP_SCHEDULE_INVALID", /cron\(/],
  ])("refuses %s", (expression, code, message) => {
    const result = checkBackupSchedule(expression);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("every schedule it accepts runs at least an hour apart on the calendar", () => {
    const part = fc.constantFrom(
      "*",
      "0",
      "7",
      "*/1",
      "*/5",
      "0/6",
      "1-3",
      "1,2",
      "L",
      "MON",
      "MON-FRI",
      "2#2",
      "?",
      "30",
      "15W",
    );
    fc.assert(
      fc.property(fc.tuple(part, part, part, part, part), ([m, h, dom, mon, dow]) => {
        const result = checkBackupSchedule(`cron(${m} ${h} ${dom} ${mon} ${dow} *)`);
        if (!result.ok) return;
        expect(result.timing.shortestGapMinutes ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(60);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("summariseBackupSchedule", () => {
  it("reads cron and rate, and leaves what it cannot read unknown", () => {
    expect(summariseBackupSchedule("cron(0 3 * * ? *)")).toEqual({ worstGapSeconds: 86_400, backupsPerDay: 1 });
    expect(summariseBackupSchedule("rate(12 hours)")).toEqual({ worstGapSeconds: 43_200, backupsPerDay: 2 });
    expect(summariseBackupSchedule("rate(0 hours)")).toEqual({ worstGapSeconds: undefined, backupsPerDay: undefined });
    expect(summariseBackupSchedule("cron(0/0 * * * ? *)")).toEqual({
      worstGapSeconds: undefined,
      backupsPerDay: undefined,
    });
    expect(summariseBackupSchedule("cron(*/10 * * * ? *)")).toEqual({ worstGapSeconds: 600, backupsPerDay: 144 });
  });
});

describe("measureCronTiming against a naive walk with Date", () => {
  /** Every run from 2000 to 2027 as epoch minutes, found by asking Date about each day. */
  function naiveRuns(expression: string): number[] {
    const parsed = parseCronExpression(expression);
    if (!parsed.ok) throw new Error(parsed.message);
    const s = parsed.schedule;
    const runs: number[] = [];
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const date = new Date(t);
      const [y, m, d, dow] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay() + 1];
      const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const weekdayOn = (day: number) => new Date(Date.UTC(y, m - 1, day)).getUTCDay();
      if (!s.months.includes(m)) continue;
      const dom = s.dayOfMonth;
      let ok = true;
      if (dom.kind === "days") ok = dom.days.includes(d);
      if (dom.kind === "last") ok = d === dim;
      if (dom.kind === "lastWeekday") {
        let last = dim;
        while (weekdayOn(last) === 0 || weekdayOn(last) === 6) last--;
        ok = d === last;
      }
      if (dom.kind === "nearestWeekday") {
        // Closest Monday-Friday inside the month; ties cannot happen (a weekend day has one near weekday side per rule).
        const candidates = [dom.day, dom.day - 1, dom.day + 1, dom.day - 2, dom.day + 2].filter(
          (c) => c >= 1 && c <= dim && weekdayOn(c) !== 0 && weekdayOn(c) !== 6,
        );
        ok = dom.day <= dim && d === candidates[0];
      }
      const rule = s.dayOfWeek;
      if (rule.kind === "days") ok &&= rule.days.includes(dow);
      if (rule.kind === "lastOfMonth") ok &&= dow === rule.day && d > dim - 7;
      if (rule.kind === "nthOfMonth") ok &&= dow === rule.day && d > (rule.nth - 1) * 7 && d <= rule.nth * 7;
      if (!ok) continue;
      for (const h of s.hours) for (const mi of s.minutes) runs.push(t / 60_000 + h * 60 + mi);
    }
    return runs;
  }

  it.each([
    "cron(0 5 ? * MON-FRI *)",
    "cron(0 3,15 ? * SAT,SUN *)",
    "cron(0 5 1W * ? *)",
    "cron(0 5 31W * ? *)",
    "cron(0 5 15W FEB-APR ? *)",
    "cron(0 5 LW * ? *)",
    "cron(0 5 ? * 1L *)",
    "cron(0 5 ? * 6#5 *)",
    "cron(0 5 ? JAN,JUL 2#1 *)",
    "cron(0 */5 1-7 * ? *)",
    "cron(0 5 29,30,31 * ? *)",
  ])("%s", (expression) => {
    const runs = naiveRuns(expression);
    const parsed = parseCronExpression(expression);
    if (!parsed.ok) throw new Error(parsed.message);
    const t = measureCronTiming(parsed.schedule);
    expect(t.runsPerDay).toBeCloseTo(runs.length / 10_227, 12);
    let worst = 0;
    for (let i = 1; i < runs.length; i++) worst = Math.max(worst, (runs[i] as number) - (runs[i - 1] as number));
    // The wrap from the last run of 2027 to the first of 2028 (= 2000 + 28 years) may be the worst.
    worst = Math.max(worst, (runs[0] as number) + 10_227 * 1440 - (runs.at(-1) as number));
    expect(t.worstGapMinutes).toBe(worst);
  });
});
