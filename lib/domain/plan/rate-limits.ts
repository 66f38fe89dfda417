import type { PlanContext, RateLimit } from "./schema";
import type { PlanSourceId } from "./sources";

export type RateRule = RateLimit["rule"];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface RuleSpec {
  description: string;
  source: PlanSourceId;
  /** The number of past changes that count against the window at time `t`. */
  used: (history: readonly number[], t: number) => number;
  allowedAt: (history: readonly number[], t: number) => boolean;
  /** Times at which the answer of `allowedAt` can change. */
  candidates: (history: readonly number[], now: number) => number[];
}

const within = (history: readonly number[], from: number, to: number) =>
  history.filter((h) => h > from && h <= to).length;
const startOfUtcDay = (t: number) => t - (((t % DAY) + DAY) % DAY);

/** DynamoDB's per-table windows, each from its documented source. */
export const RATE_RULES: Record<RateRule, RuleSpec> = {
  // [DG] switching.capacitymode (facts row 10): provisioned -> on-demand at most 4 times in any rolling 24 h.
  SWITCH_TO_ON_DEMAND: {
    description: "provisioned to on-demand: at most 4 switches in any rolling 24 hours",
    source: "capacityModeSwitch",
    used: (h, t) => within(h, t - DAY, t),
    allowedAt: (h, t) => within(h, t - DAY, t) < 4,
    candidates: (h) => h.map((x) => x + DAY),
  },
  // [DG] WorkingWithTables.tableclasses (facts row 15): at most 2 class updates per trailing 30 days.
  TABLE_CLASS: {
    description: "table class: at most 2 updates in any trailing 30 days",
    source: "tableClass",
    used: (h, t) => within(h, t - 30 * DAY, t),
    allowedAt: (h, t) => within(h, t - 30 * DAY, t) < 2,
    candidates: (h) => h.map((x) => x + 30 * DAY),
  },
  // [BC] UpdateTimeToLive (facts row 13): one TTL change per table per hour.
  TTL: {
    description: "TTL: one enable or disable per hour",
    source: "ttlRate",
    used: (h, t) => within(h, t - HOUR, t),
    allowedAt: (h, t) => within(h, t - HOUR, t) < 1,
    candidates: (h) => h.map((x) => x + HOUR),
  },
  // [DG] ServiceQuotas (facts row 16): 4 key switches per 24 h, plus one after 6 quiet hours (8 a day at most).
  ENCRYPTION_KEY: {
    description: "encryption key: 4 switches per 24 hours, plus 1 after 6 hours without a switch (8 a day at most)",
    source: "kmsSwitches",
    used: (h, t) => within(h, t - DAY, t),
    allowedAt: (h, t) => {
      const lastDay = within(h, t - DAY, t);
      return lastDay < 4 || (lastDay < 8 && within(h, t - 6 * HOUR, t) === 0);
    },
    candidates: (h) => h.flatMap((x) => [x + DAY, x + 6 * HOUR]),
  },
  // [DG] ServiceQuotas (facts row 9): 4 decreases any time in a UTC day, then 1 per hour without a decrease (27 a day).
  CAPACITY_DECREASE: {
    description: "throughput decreases: 4 per UTC day, then 1 after each hour without a decrease (27 a day)",
    source: "capacityDecreases",
    used: (h, t) => h.filter((x) => x >= startOfUtcDay(t) && x <= t).length,
    allowedAt: (h, t) => {
      const today = h.filter((x) => x >= startOfUtcDay(t) && x <= t).length;
      return today < 4 || (today < 27 && within(h, t - HOUR, t) === 0);
    },
    candidates: (h, now) => [...h.map((x) => x + HOUR), startOfUtcDay(now) + DAY],
  },
};

/** The history the context gives for a rule, or undefined when unknown. */
export function historyFor(context: PlanContext, rule: RateRule, index?: string): string[] | undefined {
  const recent = context.recentChanges;
  switch (rule) {
    case "SWITCH_TO_ON_DEMAND":
      return recent?.switchesToOnDemand?.map((e) => e.at);
    case "TABLE_CLASS":
      return recent?.tableClassChanges?.map((e) => e.at);
    case "TTL":
      return recent?.ttlChanges?.map((e) => e.at);
    case "ENCRYPTION_KEY":
      return recent?.encryptionKeyChanges?.map((e) => e.at);
    case "CAPACITY_DECREASE":
      return recent?.capacityDecreases?.filter((e) => e.index === index).map((e) => e.at);
  }
}

/**
 * Whether DynamoDB accepts one more change under `rule` at `now`, given the past changes. With no
 * `now` or no history the answer is `unknown`: the window may already be used up.
 */
export function evaluateRateLimit(rule: RateRule, history: readonly string[] | undefined, now?: string): RateLimit {
  const spec = RATE_RULES[rule];
  const base = { rule, description: spec.description };
  if (history === undefined || now === undefined) return { ...base, status: "unknown" };
  const t = Date.parse(now);
  const past = history
    .map((h) => Date.parse(h))
    .filter((h) => Number.isFinite(h) && h <= t)
    .sort((a, b) => a - b);
  const usedInWindow = spec.used(past, t);
  if (spec.allowedAt(past, t)) return { ...base, status: "available", usedInWindow };
  const next = spec
    .candidates(past, t)
    .filter((c) => c > t)
    .sort((a, b) => a - b)
    .find((c) => spec.allowedAt(past, c));
  const limit: RateLimit = { ...base, status: "exhausted", usedInWindow };
  if (next !== undefined) limit.availableAt = new Date(next).toISOString();
  return limit;
}

export const rateRuleSource = (rule: RateRule): PlanSourceId => RATE_RULES[rule].source;
