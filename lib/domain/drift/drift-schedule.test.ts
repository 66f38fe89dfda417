import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tier } from "../request/schema";
import { summarizeDrift } from "./classify-drift";
import {
  DEFAULT_DRIFT_SCHEDULE,
  type DriftCandidate,
  driftFingerprint,
  driftNotificationFor,
  parseDriftSchedule,
  planDriftChecks,
} from "./drift-schedule";

const NOW = new Date("2026-12-04T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const table = (id: string, tier: Tier, lastCheckedAt: Date | null, regionCount = 1): DriftCandidate => ({
  id,
  tier,
  regionCount,
  lastCheckedAt,
});
const plan = (candidates: DriftCandidate[], overrides: Partial<Parameters<typeof planDriftChecks>[1]> = {}) =>
  planDriftChecks(candidates, {
    now: NOW,
    schedule: DEFAULT_DRIFT_SCHEDULE,
    regionReadsPerMinute: 60,
    horizonMinutes: 5,
    ...overrides,
  });

describe("parseDriftSchedule", () => {
  it.each([
    ["", DEFAULT_DRIFT_SCHEDULE],
    ["prod=15m", { ...DEFAULT_DRIFT_SCHEDULE, prod: 15 }],
    ["prod=2h, staging=12h ,dev=7d", { prod: 120, staging: 720, dev: 10_080 }],
    ["dev=off", { ...DEFAULT_DRIFT_SCHEDULE, dev: null }],
    ["PROD=1H", { ...DEFAULT_DRIFT_SCHEDULE, prod: 60 }],
  ])("reads %j", (value, expected) => {
    expect(parseDriftSchedule(value)).toEqual({ ok: true, schedule: expected });
  });

  it.each([
    ["qa=1h", 'unknown tier "qa"'],
    ["prod=1w", "must look like <tier>=<number><m|h|d>"],
    ["prod", "must look like"],
    ["prod=1m", "between 5 minutes and 7 days"],
    ["dev=8d", "between 5 minutes and 7 days"],
    ["prod=1h,prod=2h", "tier prod is named twice"],
  ])("refuses %j, naming the entry and the rule", (value, message) => {
    const parsed = parseDriftSchedule(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join("\n")).toContain(message);
  });
});

describe("planDriftChecks", () => {
  it.each([
    ["never checked", table("a", "dev", null), true],
    ["prod checked 61 minutes ago (hourly)", table("a", "prod", minutesAgo(61)), true],
    ["prod checked 30 minutes ago", table("a", "prod", minutesAgo(30)), false],
    ["prod checked 59.5 minutes ago (within the slack of a tick)", table("a", "prod", minutesAgo(59.5)), true],
    ["dev checked 2 hours ago (daily)", table("a", "dev", minutesAgo(120)), false],
    ["dev checked 25 hours ago", table("a", "dev", minutesAgo(1500)), true],
  ])("%s: due = %s", (_name, candidate, due) => {
    expect(plan([candidate]).map((p) => p.id)).toEqual(due ? ["a"] : []);
  });

  it("never plans a tier that is switched off", () => {
    expect(plan([table("a", "dev", null)], { schedule: { ...DEFAULT_DRIFT_SCHEDULE, dev: null } })).toEqual([]);
  });

  it("puts the most overdue first, production first on a tie, and spaces them by Region count", () => {
    const planned = plan([
      table("dev-new", "dev", null),
      table("prod-new", "prod", null, 3),
      table("prod-late", "prod", minutesAgo(300)),
      // Both 240 minutes overdue: production first.
      table("staging-late", "staging", minutesAgo(600)),
    ]);
    expect(planned.map((p) => p.id)).toEqual(["prod-new", "dev-new", "prod-late", "staging-late"]);
    // 60 reads a minute: one second per Region read; prod-new reads three Regions.
    expect(planned.map((p) => (p.startAfter.getTime() - NOW.getTime()) / 1_000)).toEqual([0, 3, 4, 5]);
  });

  it("leaves what does not fit in the horizon for the next plan", () => {
    const many = Array.from({ length: 20 }, (_, i) => table(`t${String(i).padStart(2, "0")}`, "prod", null));
    const planned = plan(many, { regionReadsPerMinute: 2, horizonMinutes: 5 });
    expect(planned).toHaveLength(10);
  });

  it("gives one slot per table per interval, the same for every plan within it", () => {
    const a = plan([table("a", "prod", null)])[0];
    const b = plan([table("a", "prod", null)], { now: new Date(NOW.getTime() + 5 * 60_000) })[0];
    const c = plan([table("a", "prod", null)], { now: new Date(NOW.getTime() + 60 * 60_000) })[0];
    expect(a?.slot).toBe(b?.slot);
    expect(c?.slot).toBe((a?.slot as number) + 1);
  });

  it("never exceeds the read budget within the horizon, and plans each table at most once", () => {
    const tier = fc.constantFrom<Tier>("dev", "staging", "prod");
    const candidate = fc.record({
      id: fc.uuid(),
      tier,
      regionCount: fc.integer({ min: 1, max: 5 }),
      lastCheckedAt: fc.option(fc.integer({ min: 0, max: 3 * 1440 }).map(minutesAgo), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 60 }),
        fc.integer({ min: 1, max: 120 }),
        (candidates, reads) => {
          const planned = plan(candidates, { regionReadsPerMinute: reads });
          expect(new Set(planned.map((p) => p.id)).size).toBe(planned.length);
          const regions = new Map(candidates.map((c) => [c.id, c.regionCount]));
          // Reads started in any one minute stay within the budget (plus the one check that straddles it).
          const starts = planned.map((p) => ({ at: p.startAfter.getTime(), n: regions.get(p.id) as number }));
          for (const s of starts) {
            const inMinute = starts.filter((o) => o.at >= s.at && o.at < s.at + 60_000);
            const reads_ = inMinute.reduce((sum, o) => sum + o.n, 0);
            expect(reads_).toBeLessThanOrEqual(reads + Math.max(...inMinute.map((o) => o.n)));
          }
          for (const p of planned) expect(p.startAfter.getTime()).toBeLessThan(NOW.getTime() + 5 * 60_000);
        },
      ),
    );
  });
});

describe("driftNotificationFor", () => {
  const finding = (cls: "protection_lost" | "shape" | "harmless" | "aws_managed", path: string) => ({
    path,
    class: cls,
    expected: null,
    actual: null,
    message: path,
  });
  const pitrOff = driftFingerprint(summarizeDrift([finding("protection_lost", "pointInTimeRecovery.enabled")]));
  const gsiAdded = driftFingerprint(summarizeDrift([finding("shape", "globalSecondaryIndexes")]));

  it("ignores harmless and AWS-managed findings in the fingerprint (autoscaling moves every hour)", () => {
    const a = summarizeDrift([finding("shape", "billing.mode"), finding("aws_managed", "billing.read")]);
    const b = summarizeDrift([finding("shape", "billing.mode"), finding("harmless", "tags.Extra")]);
    expect(driftFingerprint(a)).toBe(driftFingerprint(b));
    expect(driftFingerprint(null)).toBe("");
  });

  it.each([
    ["first check, in sync", null, { status: "in_sync", fingerprint: "" }, null],
    ["first check, drifted", null, { status: "drifted", fingerprint: pitrOff }, "table.drift_detected"],
    [
      "same drift again",
      { status: "drifted", fingerprint: pitrOff },
      { status: "drifted", fingerprint: pitrOff },
      null,
    ],
    [
      "drift changed",
      { status: "drifted", fingerprint: pitrOff },
      { status: "drifted", fingerprint: `${pitrOff}|${gsiAdded}` },
      "table.drift_detected",
    ],
    [
      "table gone",
      { status: "in_sync", fingerprint: "" },
      { status: "missing", fingerprint: "x" },
      "table.drift_detected",
    ],
    [
      "back in line",
      { status: "drifted", fingerprint: pitrOff },
      { status: "in_sync", fingerprint: "" },
      "table.verified",
    ],
    ["still in line", { status: "in_sync", fingerprint: "" }, { status: "in_sync", fingerprint: "" }, null],
  ] as const)("%s", (_name, previous, current, expected) => {
    expect(driftNotificationFor(previous, current)).toBe(expected);
  });
});
