import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCronExpression } from "./parse-cron";

const parsed = (expression: string) => {
  const result = parseCronExpression(expression);
  if (!result.ok) throw new Error(`${expression}: ${result.message}`);
  return result.schedule;
};

describe("parseCronExpression: what AWS accepts", () => {
  it.each<[string, Partial<ReturnType<typeof parsed>>]>([
    [
      "cron(0 3 * * ? *)",
      { minutes: [0], hours: [3], months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], years: undefined },
    ],
    ["cron(15 */6 * * ? *)", { minutes: [15], hours: [0, 6, 12, 18] }],
    ["cron(0 0/7 * * ? *)", { hours: [0, 7, 14, 21] }],
    ["cron(0 5/8 * * ? *)", { hours: [5, 13, 21] }],
    ["cron(0 1-10/3 * * ? *)", { hours: [1, 4, 7, 10] }],
    ["cron(0 2,14,2 * * ? *)", { hours: [2, 14] }],
    ["cron(0 3 ? JAN,JUL MON *)", { months: [1, 7], dayOfWeek: { kind: "days", days: [2] } }],
    ["cron(0 3 ? jan-mar mon-fri *)", { months: [1, 2, 3], dayOfWeek: { kind: "days", days: [2, 3, 4, 5, 6] } }],
    ["cron(0 3 ? * SUN,SAT *)", { dayOfWeek: { kind: "days", days: [1, 7] } }],
    ["cron(0 3 ? * * *)", { dayOfMonth: { kind: "any" }, dayOfWeek: { kind: "days", days: [1, 2, 3, 4, 5, 6, 7] } }],
    ["cron(0 3 L * ? *)", { dayOfMonth: { kind: "last" } }],
    ["cron(0 3 LW * ? *)", { dayOfMonth: { kind: "lastWeekday" } }],
    ["cron(0 3 15W * ? *)", { dayOfMonth: { kind: "nearestWeekday", day: 15 } }],
    ["cron(0 3 ? * 6L *)", { dayOfWeek: { kind: "lastOfMonth", day: 6 } }],
    ["cron(0 3 ? * FRIL *)", { dayOfWeek: { kind: "lastOfMonth", day: 6 } }],
    ["cron(0 3 ? * 3#2 *)", { dayOfWeek: { kind: "nthOfMonth", day: 3, nth: 2 } }],
    ["cron(0 3 ? * MON#1 *)", { dayOfWeek: { kind: "nthOfMonth", day: 2, nth: 1 } }],
    ["cron(0 3 ? * L *)", { dayOfWeek: { kind: "days", days: [7] } }],
    ["cron(0 3 1,15 * ? *)", { dayOfMonth: { kind: "days", days: [1, 15] } }],
    ["cron(0 3 * * ? 2027-2029)", { years: [2027, 2028, 2029] }],
    ["cron(0 3 * * ? 2030/50)", { years: [2030, 2080, 2130, 2180] }],
    ["  cron( 0   3 * * ? * )  ", { minutes: [0], hours: [3] }],
  ])("%s", (expression, expected) => {
    expect(parsed(expression)).toMatchObject(expected);
  });
});

describe("parseCronExpression: what AWS refuses, with the field and the rule", () => {
  it.each<[string, string | undefined, RegExp]>([
    ["cron(0/0 * * * ? *)", "minutes", /step must be at least 1/],
    ["cron(0 */0 * * ? *)", "hours", /step must be at least 1/],
    ["cron(0 0/99 * * ? *)", "hours", /step must be at most 24/],
    ["cron(0 3 * * * *)", "dayOfMonth", /must be "\?"/],
    ["cron(0 3 ? * ? *)", "dayOfWeek", /cannot both be "\?"/],
    ["cron(0 3 1 * MON *)", "dayOfMonth", /must be "\?"/],
    ["cron(60 3 * * ? *)", "minutes", /out of range \(0-59\)/],
    ["cron(0 24 * * ? *)", "hours", /out of range \(0-23\)/],
    ["cron(0 3 0 * ? *)", "dayOfMonth", /out of range \(1-31\)/],
    ["cron(0 3 32 * ? *)", "dayOfMonth", /out of range/],
    ["cron(0 3 * 13 ? *)", "month", /out of range \(1-12\)/],
    ["cron(0 3 ? * 0 *)", "dayOfWeek", /out of range \(1-7\)/],
    ["cron(0 3 ? * 8 *)", "dayOfWeek", /out of range/],
    ["cron(0 3 * * ? 1969)", "year", /out of range \(1970-2199\)/],
    ["cron(0 3 * * ? 2200)", "year", /out of range/],
    ["cron(0 3 * FOO ? *)", "month", /not a month value/],
    ["cron(0 3 ? * MONDAY *)", "dayOfWeek", /not a day-of-week value/],
    ["cron(0 10-2 * * ? *)", "hours", /runs backwards/],
    ["cron(0 1-2-3 * * ? *)", "hours", /not a hours range/],
    ["cron(0 3,,4 * * ? *)", "hours", /empty part/],
    ["cron(0 3 L,15 * ? *)", "dayOfMonth", /stand alone/],
    ["cron(0 3 5L * ? *)", "dayOfMonth", /stand alone/],
    ["cron(0 3 ? * 3#2,5#1 *)", "dayOfWeek", /never a list/],
    ["cron(0 3 ? * 3#6 *)", "dayOfWeek", /week number after # must be 1-5/],
    ["cron(0 3 ? * 2L,3 *)", "dayOfWeek", /stand alone/],
    ["cron(0 L * * ? *)", "hours", /not allowed in the hours field/],
    ["cron(0 3 * ? ? *)", "month", /"\?" stands alone, and only in the day-of-month/],
    ["cron(0 3 * * ? * *)", undefined, /six fields.*has 7/],
    ["cron(0 3 * * ?)", undefined, /six fields.*has 5/],
    ["cron()", undefined, /has 0/],
    ["0 3 * * ? *", undefined, /write the schedule as cron\(/],
    ["daily at 3", undefined, /write the schedule as cron\(/],
    ["cron(0 3 * * ? *); rm -rf /", undefined, /write the schedule as cron\(/],
    ['cron(0 3 * * ? ")', "year", /characters cron does not use/],
    ["cron(0 3 * * ? *\n)", "year", /characters cron does not use/],
    ["cron(0 3/a * * ? *)", "hours", /step "a" is not a whole number/],
    ["cron(0 3/99999 * * ? *)", "hours", /not a whole number|at most/],
  ])("%s", (expression, field, message) => {
    const result = parseCronExpression(expression);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message);
  });

  it("refuses a list with more parts than the field has values without expanding it", () => {
    const list = Array.from({ length: 61 }, (_, i) => String(i % 60)).join(",");
    const result = parseCronExpression(`cron(${list} 3 * * ? *)`);
    expect(result).toMatchObject({ ok: false, field: "minutes" });
  });
});

// Tokens that cron fields are made of, so generated expressions reach deep into the grammar.
const token = fc.constantFrom(
  "*",
  "?",
  "0",
  "1",
  "5",
  "7",
  "12",
  "23",
  "31",
  "59",
  "60",
  "0/0",
  "*/0",
  "*/1",
  "*/7",
  "0/15",
  "1-5",
  "5-1",
  "MON",
  "FRI",
  "JAN",
  "DEC",
  "MON-FRI",
  "L",
  "LW",
  "15W",
  "6L",
  "3#2",
  "2#9",
  ",",
  "-",
  "/",
  "#",
  "1970",
  "2199",
);
const field = fc.array(token, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));

describe("parseCronExpression: properties", () => {
  it("never throws and answers quickly, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(field, { minLength: 0, maxLength: 8 }).map((f) => `cron(${f.join(" ")})`),
        ),
        (text) => {
          const started = performance.now();
          const result = parseCronExpression(text);
          // The bug this guards against spun for ~10 s per call. The bound is generous so a loaded
          // machine (GC pauses, shared cores) cannot fail it; parse speed itself is bench material.
          expect(performance.now() - started).toBeLessThan(1_000);
          if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("an accepted expression selects only values inside each field's range", () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 6, maxLength: 6 }), (fields) => {
        const result = parseCronExpression(`cron(${fields.join(" ")})`);
        if (!result.ok) return;
        const { minutes, hours, months, years } = result.schedule;
        expect(minutes.every((m) => m >= 0 && m <= 59)).toBe(true);
        expect(hours.every((h) => h >= 0 && h <= 23)).toBe(true);
        expect(months.every((m) => m >= 1 && m <= 12)).toBe(true);
        expect((years ?? []).every((y) => y >= 1970 && y <= 2199)).toBe(true);
        expect(minutes.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});
