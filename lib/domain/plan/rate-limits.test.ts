import { describe, expect, it } from "vitest";
import { evaluateRateLimit, type RateRule } from "./rate-limits";

const NOW = "2026-12-05T10:00:00.000Z";
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();

interface Case {
  rule: RateRule;
  source: string;
  history: string[];
  status: "available" | "exhausted";
  availableAt?: string;
}

// Each DynamoDB window at its boundary, with the page that states it.
const CASES: [string, Case][] = [
  [
    "3 switches to on-demand in 24 h leave one",
    {
      rule: "SWITCH_TO_ON_DEMAND",
      source: "[DG] switching.capacitymode",
      history: [hoursAgo(1), hoursAgo(2), hoursAgo(23)],
      status: "available",
    },
  ],
  [
    "4 switches to on-demand in 24 h: wait until the oldest is 24 h old",
    {
      rule: "SWITCH_TO_ON_DEMAND",
      source: "[DG] switching.capacitymode",
      history: [hoursAgo(1), hoursAgo(2), hoursAgo(3), hoursAgo(23)],
      status: "exhausted",
      availableAt: hoursAgo(-1),
    },
  ],
  [
    "a switch exactly 24 h ago no longer counts",
    {
      rule: "SWITCH_TO_ON_DEMAND",
      source: "[DG] switching.capacitymode (rolling window)",
      history: [hoursAgo(1), hoursAgo(2), hoursAgo(3), hoursAgo(24)],
      status: "available",
    },
  ],
  [
    "1 table class change in 30 days leaves one",
    { rule: "TABLE_CLASS", source: "[DG] tableclasses", history: [hoursAgo(24 * 29)], status: "available" },
  ],
  [
    "2 table class changes in 30 days: wait for the older",
    {
      rule: "TABLE_CLASS",
      source: "[DG] tableclasses",
      history: [hoursAgo(24 * 29), hoursAgo(24)],
      status: "exhausted",
      availableAt: hoursAgo(-24),
    },
  ],
  [
    "a TTL change 59 min ago blocks until the hour is up",
    {
      rule: "TTL",
      source: "[BC] UpdateTimeToLive",
      history: [new Date(Date.parse(NOW) - 59 * 60_000).toISOString()],
      status: "exhausted",
      availableAt: new Date(Date.parse(NOW) + 60_000).toISOString(),
    },
  ],
  [
    "a TTL change 61 min ago is past",
    {
      rule: "TTL",
      source: "[BC] UpdateTimeToLive",
      history: [new Date(Date.parse(NOW) - 61 * 60_000).toISOString()],
      status: "available",
    },
  ],
  [
    "4 key switches in 24 h, the last 6 h ago: a fifth is allowed",
    {
      rule: "ENCRYPTION_KEY",
      source: "[DG] ServiceQuotas",
      history: [hoursAgo(20), hoursAgo(15), hoursAgo(10), hoursAgo(6)],
      status: "available",
    },
  ],
  [
    "4 key switches in 24 h, the last 2 h ago: wait 6 quiet hours",
    {
      rule: "ENCRYPTION_KEY",
      source: "[DG] ServiceQuotas",
      history: [hoursAgo(20), hoursAgo(15), hoursAgo(10), hoursAgo(2)],
      status: "exhausted",
      availableAt: hoursAgo(-4),
    },
  ],
  [
    "8 key switches in 24 h: wait for the oldest to leave the day",
    {
      rule: "ENCRYPTION_KEY",
      source: "[DG] ServiceQuotas (8 a day at most)",
      history: [23, 22, 21, 20, 14, 13, 8, 7].map(hoursAgo),
      status: "exhausted",
      availableAt: hoursAgo(-1),
    },
  ],
  [
    "3 decreases today leave a fourth",
    {
      rule: "CAPACITY_DECREASE",
      source: "[DG] ServiceQuotas",
      history: [hoursAgo(0.1), hoursAgo(0.2), hoursAgo(0.3)],
      status: "available",
    },
  ],
  [
    "4 decreases today, the last 30 min ago: wait an hour after it",
    {
      rule: "CAPACITY_DECREASE",
      source: "[DG] ServiceQuotas",
      history: [hoursAgo(5), hoursAgo(4), hoursAgo(3), hoursAgo(0.5)],
      status: "exhausted",
      availableAt: hoursAgo(-0.5),
    },
  ],
  [
    "4 decreases today, none in the last hour: one more",
    {
      rule: "CAPACITY_DECREASE",
      source: "[DG] ServiceQuotas",
      history: [hoursAgo(5), hoursAgo(4), hoursAgo(3), hoursAgo(2)],
      status: "available",
    },
  ],
  [
    "decreases before UTC midnight do not count today",
    {
      rule: "CAPACITY_DECREASE",
      source: "[DG] ServiceQuotas (a day is a UTC day)",
      history: [hoursAgo(10.5), hoursAgo(10.6), hoursAgo(10.7), hoursAgo(10.8), hoursAgo(0.1)],
      status: "available",
    },
  ],
];

describe("evaluateRateLimit", () => {
  it.each(CASES)("%s", (_, c) => {
    const limit = evaluateRateLimit(c.rule, c.history, NOW);
    expect(limit.status).toBe(c.status);
    if (c.availableAt) expect(limit.availableAt).toBe(c.availableAt);
    if (c.status === "exhausted") expect(Date.parse(limit.availableAt as string)).toBeGreaterThan(Date.parse(NOW));
  });

  it("is unknown without a history or without the time, and ignores changes after now", () => {
    expect(evaluateRateLimit("TTL", undefined, NOW).status).toBe("unknown");
    expect(evaluateRateLimit("TTL", [], undefined).status).toBe("unknown");
    expect(evaluateRateLimit("TTL", [hoursAgo(-2)], NOW)).toMatchObject({ status: "available", usedInWindow: 0 });
  });

  it("at availableAt the change is accepted", () => {
    for (const [, c] of CASES.filter(([, c]) => c.status === "exhausted")) {
      const limit = evaluateRateLimit(c.rule, c.history, NOW);
      expect(evaluateRateLimit(c.rule, c.history, limit.availableAt).status).toBe("available");
    }
  });
});
