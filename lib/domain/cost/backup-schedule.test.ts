import { describe, expect, it } from "vitest";
import { backupsPerDay } from "./backup-schedule";

describe("backupsPerDay", () => {
  it.each([
    ["cron(0 3 * * ? *)", 1],
    ["cron(0 */6 * * ? *)", 4],
    ["cron(0 1,13 * * ? *)", 2],
    ["cron(0 3 ? * SUN *)", 1 / 7],
    ["cron(0 3 ? * MON-FRI *)", 5 / 7],
    ["cron(0 3 ? * 2-x *)", undefined],
    ["rate(12 hours)", 2],
    ["rate(1 day)", 1],
  ])("%s -> %s per day", (schedule, perDay) => {
    const result = backupsPerDay(schedule);
    if (perDay === undefined) expect(result.assumedDaily).toBe(true);
    else expect(result.perDay).toBeCloseTo(perDay, 9);
  });

  it("assumes daily, and says so, for an expression it does not understand", () => {
    expect(backupsPerDay("every night")).toEqual({ perDay: 1, assumedDaily: true });
  });
});

describe("backupsPerDay on hostile schedules", () => {
  it.each(["cron(0/0 * * * ? *)", "cron(0 */0 * * ? *)", "cron(0 3 30 2 ? *)", "rate(0 hours)"])(
    "%s is not understood, so daily is assumed (and never loops)",
    (schedule) => expect(backupsPerDay(schedule)).toEqual({ perDay: 1, assumedDaily: true }),
  );
});
