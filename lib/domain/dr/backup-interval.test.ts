import { describe, expect, it } from "vitest";
import { describeBackupInterval } from "./backup-interval";

describe("describeBackupInterval", () => {
  it.each<[string, string, number | null]>([
    ["cron(0 3 * * ? *)", "24 hours (daily)", 86_400],
    ["cron(0 */1 * * ? *)", "1 hour", 3600],
    ["cron(0 * * * ? *)", "1 hour", 3600],
    ["cron(0 0/6 * * ? *)", "6 hours", 21_600],
    ["cron(0 0/7 * * ? *)", "7 hours", 25_200],
    ["cron(0 0/10 * * ? *)", "10 hours", 36_000],
    ["cron(0 2,14 * * ? *)", "12 hours", 43_200],
    ["cron(0 1,5 * * ? *)", "20 hours", 72_000],
    ["cron(0 5 ? * SUN *)", "7 days (weekly)", 604_800],
    ["cron(0 5 1 * ? *)", "up to 31 days (monthly)", 2_678_400],
    ["cron(*/30 * * * ? *)", "30 minutes", 1800],
    ["rate(12 hours)", "12 hours", 43_200],
    ["rate(1 day)", "24 hours (daily)", 86_400],
    ["cron(0 5 ? * MON-FRI *)", "3 days", 259_200],
    ["cron(0 5 L * ? *)", "up to 31 days (monthly)", 2_678_400],
    ["cron(0 5 ? JAN,JUL 2#1 *)", "189 days", 16_329_600],
    ["nonsense", "the interval of nonsense", null],
    // Found by an attacker: a zero step spun the old reader at 100 % CPU until V8 aborted.
    ["cron(0/0 * * * ? *)", "the interval of cron(0/0 * * * ? *)", null],
    ["cron(0 */0 * * ? *)", "the interval of cron(0 */0 * * ? *)", null],
  ])("%s -> %s", (schedule, label, seconds) => {
    expect(describeBackupInterval(schedule)).toEqual({ label, seconds });
  });
});
