/**
 * A complete reader of the cron expressions AWS Backup takes (EventBridge's six-field grammar):
 * `cron(minutes hours day-of-month month day-of-week year)`. Every value is checked against its
 * field's range, every step is at least 1, exactly one of the two day fields is `?`, and the
 * special tokens (L, W, #) are accepted only where AWS allows them. The result is the set of values
 * each field selects, so nothing downstream ever has to interpret the text again.
 *
 * Every loop here is bounded by construction: a field expands to at most its span of values (60
 * minutes, 24 hours, 31 days, 12 months, 7 weekdays, 230 years), whatever its text says.
 *
 * Sources: Amazon EventBridge "Cron expressions reference" (fields, ranges, wildcards, the `?`
 * rule, one `#` expression per field); AWS Backup BackupRule.ScheduleExpression ("a cron
 * expression in UTC").
 */

export const CRON_FIELDS = ["minutes", "hours", "dayOfMonth", "month", "dayOfWeek", "year"] as const;
export type CronField = (typeof CRON_FIELDS)[number];

/** What people call each field in messages. */
export const CRON_FIELD_LABELS: Record<CronField, string> = {
  minutes: "minutes",
  hours: "hours",
  dayOfMonth: "day-of-month",
  month: "month",
  dayOfWeek: "day-of-week",
  year: "year",
};

interface FieldRange {
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

const RANGES: Record<CronField, FieldRange> = {
  minutes: { min: 0, max: 59 },
  hours: { min: 0, max: 23 },
  dayOfMonth: { min: 1, max: 31 },
  month: { min: 1, max: 12, names: MONTH_NAMES },
  dayOfWeek: { min: 1, max: 7, names: DAY_NAMES },
  year: { min: 1970, max: 2199 },
};

/** The day-of-month field: every day, listed days, the last day, the last weekday, or the weekday nearest a day. */
export type DayOfMonthRule =
  | { kind: "any" }
  | { kind: "days"; days: readonly number[] }
  | { kind: "last" }
  | { kind: "lastWeekday" }
  | { kind: "nearestWeekday"; day: number };

/** The day-of-week field (1 = Sunday): every day, listed weekdays, the last <weekday> or the nth <weekday> of the month. */
export type DayOfWeekRule =
  | { kind: "any" }
  | { kind: "days"; days: readonly number[] }
  | { kind: "lastOfMonth"; day: number }
  | { kind: "nthOfMonth"; day: number; nth: number };

export interface CronSchedule {
  /** Sorted, distinct. */
  minutes: readonly number[];
  hours: readonly number[];
  dayOfMonth: DayOfMonthRule;
  months: readonly number[];
  dayOfWeek: DayOfWeekRule;
  /** Sorted, distinct; `undefined` for every year. */
  years: readonly number[] | undefined;
}

export type CronParseResult = { ok: true; schedule: CronSchedule } | { ok: false; field?: CronField; message: string };

class CronError extends Error {
  constructor(
    readonly field: CronField,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /^\d{1,4}$/;

/** A single value of a field: a number in range or (month, day-of-week) a three-letter name. */
function readValue(token: string, field: CronField): number {
  const range = RANGES[field];
  const label = CRON_FIELD_LABELS[field];
  const named = range.names?.indexOf(token.toUpperCase()) ?? -1;
  if (named >= 0) return range.min + named;
  if (!NUMBER.test(token)) {
    const names = range.names ? ` or ${range.names[0]}-${range.names[range.names.length - 1]}` : "";
    throw new CronError(field, `"${token}" is not a ${label} value (${range.min}-${range.max}${names})`);
  }
  const value = Number(token);
  if (value < range.min || value > range.max) {
    throw new CronError(field, `${label} value ${value} is out of range (${range.min}-${range.max})`);
  }
  return value;
}

/**
 * One comma-separated part: `*`, `v`, `a-b`, `*\/n`, `v/n` or `a-b/n`. Returns the values it
 * selects; the loop runs at most (max - min + 1) times because the step is at least 1.
 */
function expandPart(part: string, field: CronField): number[] {
  const range = RANGES[field];
  const label = CRON_FIELD_LABELS[field];
  const slash = part.indexOf("/");
  const base = slash >= 0 ? part.slice(0, slash) : part;
  let step = 1;
  if (slash >= 0) {
    const stepText = part.slice(slash + 1);
    if (!NUMBER.test(stepText)) throw new CronError(field, `the ${label} step "${stepText}" is not a whole number`);
    step = Number(stepText);
    const span = range.max - range.min + 1;
    if (step < 1) throw new CronError(field, `the ${label} step must be at least 1 (got ${step})`);
    if (step > span) throw new CronError(field, `the ${label} step must be at most ${span} (got ${step})`);
  }
  let from: number;
  let to: number;
  if (base === "*") {
    from = range.min;
    to = range.max;
  } else if (base.includes("-")) {
    const [a = "", b = "", ...rest] = base.split("-");
    if (rest.length > 0 || a === "" || b === "") throw new CronError(field, `"${base}" is not a ${label} range`);
    from = readValue(a, field);
    to = readValue(b, field);
    if (from > to)
      throw new CronError(field, `the ${label} range ${base} runs backwards; write the smaller value first`);
  } else {
    from = readValue(base, field);
    // "5/15" means from 5 to the end of the field, every 15.
    to = slash >= 0 ? range.max : from;
  }
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

function withoutNames(text: string, field: CronField): string {
  let rest = text;
  for (const name of RANGES[field].names ?? []) rest = rest.replaceAll(name, "");
  return rest;
}

function specialTokenMessage(part: string, field: CronField): string {
  const label = CRON_FIELD_LABELS[field];
  if (field === "dayOfMonth")
    return `"${part}": L, LW and nW stand alone in the day-of-month field, never in a list or range`;
  if (field === "dayOfWeek")
    return `"${part}": L, nL and n#k stand alone in the day-of-week field, never in a list or range`;
  return `"${part}": L, W and # are not allowed in the ${label} field`;
}

/** A list field (minutes, hours, month, year, plain day lists): the union of its parts. */
function expandList(text: string, field: CronField): number[] {
  const parts = text.split(",");
  const label = CRON_FIELD_LABELS[field];
  const span = RANGES[field].max - RANGES[field].min + 1;
  // More parts than values can only repeat values; refusing them keeps the work bounded by the span.
  if (parts.length > span) throw new CronError(field, `the ${label} list has more parts than the field has values`);
  const selected = new Set<number>();
  for (const part of parts) {
    if (part === "") throw new CronError(field, `the ${label} list has an empty part`);
    if (part.includes("?")) {
      throw new CronError(field, `"?" stands alone, and only in the day-of-month or day-of-week field`);
    }
    if (/[LW#]/.test(withoutNames(part.toUpperCase(), field))) {
      throw new CronError(field, specialTokenMessage(part, field));
    }
    for (const v of expandPart(part, field)) selected.add(v);
  }
  return [...selected].sort((a, b) => a - b);
}

function parseDayOfMonth(text: string): DayOfMonthRule {
  if (text === "?") return { kind: "any" };
  const upper = text.toUpperCase();
  if (upper === "L") return { kind: "last" };
  if (upper === "LW") return { kind: "lastWeekday" };
  const weekday = /^(\d{1,2})W$/.exec(upper);
  if (weekday) return { kind: "nearestWeekday", day: readValue(weekday[1] as string, "dayOfMonth") };
  if (text === "*") return { kind: "days", days: expandList("1-31", "dayOfMonth") };
  return { kind: "days", days: expandList(text, "dayOfMonth") };
}

function parseDayOfWeek(text: string): DayOfWeekRule {
  if (text === "?") return { kind: "any" };
  const upper = text.toUpperCase();
  // "L" alone is the last day of the week, Saturday.
  if (upper === "L") return { kind: "days", days: [7] };
  const last = /^([0-9A-Z]{1,3})L$/.exec(upper);
  if (last) return { kind: "lastOfMonth", day: readValue(last[1] as string, "dayOfWeek") };
  const nth = /^([0-9A-Z]{1,3})#(\d{1,2})$/.exec(upper);
  if (nth) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5) throw new CronError("dayOfWeek", `"${text}": the week number after # must be 1-5`);
    return { kind: "nthOfMonth", day: readValue(nth[1] as string, "dayOfWeek"), nth: n };
  }
  if (upper.includes("#")) {
    throw new CronError("dayOfWeek", `"${text}": # takes one weekday and a week number (e.g. 3#2), never a list`);
  }
  return { kind: "days", days: expandList(text, "dayOfWeek") };
}

const FIELD_TEXT = /^[0-9A-Za-z*?,/#-]+$/;

/**
 * Parses `cron(...)` as AWS Backup reads it. Never throws; a refusal names the field and the rule.
 */
export function parseCronExpression(expression: string): CronParseResult {
  // Spaces only: a tab or a line break inside a schedule is a paste accident AWS would refuse too.
  const match = /^ *cron\((.*)\) *$/s.exec(expression);
  if (!match)
    return {
      ok: false,
      message:
        'write the schedule as cron(minutes hours day-of-month month day-of-week year), e.g. "cron(0 3 * * ? *)"',
    };
  const fields = (match[1] as string).replace(/^ +| +$/g, "").split(/ +/);
  if (fields.length !== 6 || fields[0] === "") {
    return {
      ok: false,
      message: `a cron expression has six fields (minutes hours day-of-month month day-of-week year); this one has ${fields[0] === "" ? 0 : fields.length}`,
    };
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  try {
    CRON_FIELDS.forEach((field, i) => {
      const text = fields[i] as string;
      if (!FIELD_TEXT.test(text)) {
        throw new CronError(field, `the ${CRON_FIELD_LABELS[field]} field "${text}" has characters cron does not use`);
      }
    });
    const domAny = dayOfMonth === "?";
    const dowAny = dayOfWeek === "?";
    if (domAny === dowAny) {
      throw new CronError(
        domAny ? "dayOfWeek" : "dayOfMonth",
        domAny
          ? 'day-of-month and day-of-week cannot both be "?": give one of them a value or *'
          : 'one of day-of-month and day-of-week must be "?" (e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON *))',
      );
    }
    return {
      ok: true,
      schedule: {
        minutes: expandList(minutes, "minutes"),
        hours: expandList(hours, "hours"),
        dayOfMonth: parseDayOfMonth(dayOfMonth),
        months: expandList(month, "month"),
        dayOfWeek: parseDayOfWeek(dayOfWeek),
        years: year === "*" ? undefined : expandList(year, "year"),
      },
    };
  } catch (error) {
    if (error instanceof CronError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
