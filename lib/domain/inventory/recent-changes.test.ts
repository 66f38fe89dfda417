import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planTableChange } from "../plan/plan-table-change";
import type { OperationPlan } from "../plan/schema";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { loadValidExamples } from "../terraform/test-support";
import { recentChangesFromHistory } from "./recent-changes";

/**
 * Rate-limited changes counted from the inventory's history: each approved plan records its
 * capacity decreases and switches to on-demand, so the next plan of the same table knows how much
 * of DynamoDB's window is used ([DG] ServiceQuotas: 4 decreases per UTC day, then 1 an hour;
 * [DG] switching.capacitymode: 4 switches to on-demand per rolling 24 h).
 */

const base = loadValidExamples().find((e) => e.name === "five-autoscaled-gsis")?.request as TableRequest;

/** A provisioned table without autoscaling (so Terraform owns the units), one index. */
function provisioned(table: number, index: number): TableRequest {
  const gsi = base.globalSecondaryIndexes[0] as TableRequest["globalSecondaryIndexes"][number];
  return TableRequestSchema.parse({
    ...base,
    billing: { mode: "PROVISIONED", read: { units: table }, write: { units: table } },
    globalSecondaryIndexes: [{ ...gsi, capacity: { read: { units: index }, write: { units: index } } }],
  });
}

const onDemand = (r: TableRequest) =>
  TableRequestSchema.parse({
    ...r,
    billing: { mode: "PAY_PER_REQUEST" },
    globalSecondaryIndexes: r.globalSecondaryIndexes.map(({ capacity: _, ...g }) => g),
  });

const approved = (at: string, live: TableRequest, next: TableRequest) => ({
  at,
  plan: planTableChange(live, next, { now: at }) as OperationPlan,
});

const changesOf = (plan: OperationPlan) => plan.steps.flatMap((s) => s.changes);

describe("recentChangesFromHistory: capacity decreases and switches from approved plans", () => {
  it.each([
    { name: "table decrease", live: provisioned(100, 50), next: provisioned(50, 50), expected: [{}] },
    { name: "index decrease", live: provisioned(100, 50), next: provisioned(100, 20), expected: [{ index: "by-sku" }] },
    {
      name: "both decrease: one each",
      live: provisioned(100, 50),
      next: provisioned(50, 20),
      expected: [{}, { index: "by-sku" }],
    },
    { name: "increase: none", live: provisioned(50, 20), next: provisioned(100, 50), expected: [] },
  ])("$name", ({ live, next, expected }) => {
    const at = "2026-12-04T09:00:00.000Z";
    const recent = recentChangesFromHistory([approved(at, live, next)]);
    expect(
      recent.capacityDecreases
        ?.map(({ at: _, ...rest }) => rest)
        .sort((a, b) => Object.keys(a).length - Object.keys(b).length),
    ).toEqual(expected);
    for (const d of recent.capacityDecreases ?? []) expect(d.at).toBe(at);
  });

  it("a fifth table decrease on the same UTC day within the hour waits for the window (flagged by the plan)", () => {
    const times = ["01:00", "02:00", "03:00", "04:00"].map((t) => `2026-12-04T${t}:00.000Z`);
    const history = times.map((at, i) => approved(at, provisioned(100 - i, 50), provisioned(99 - i, 50)));
    const recent = recentChangesFromHistory(history);
    expect(recent.capacityDecreases).toHaveLength(4);
    // 4 are free per UTC day; then one after each hour without a decrease.
    const soon = planTableChange(provisioned(96, 50), provisioned(90, 50), {
      now: "2026-12-04T04:30:00.000Z",
      recentChanges: recent,
    });
    const limited = changesOf(soon).find((c) => c.rateLimit?.rule === "CAPACITY_DECREASE");
    expect(limited?.rateLimit).toMatchObject({
      status: "exhausted",
      usedInWindow: 4,
      availableAt: "2026-12-04T05:00:00.000Z",
    });
    expect(soon.steps.some((s) => s.notBefore === "2026-12-04T05:00:00.000Z")).toBe(true);
    // The index has its own count: its first decrease of the day is available.
    const index = planTableChange(provisioned(96, 50), provisioned(96, 40), {
      now: "2026-12-04T04:30:00.000Z",
      recentChanges: recent,
    });
    expect(changesOf(index).find((c) => c.rateLimit?.rule === "CAPACITY_DECREASE")?.rateLimit?.status).toBe(
      "available",
    );
  });

  it("a fifth switch to on-demand within 24 h is flagged with the time the window frees", () => {
    const times = [
      "2026-12-03T10:00:00.000Z",
      "2026-12-03T12:00:00.000Z",
      "2026-12-03T14:00:00.000Z",
      "2026-12-03T16:00:00.000Z",
    ];
    const history = times.map((at) => approved(at, provisioned(10, 10), onDemand(provisioned(10, 10))));
    const recent = recentChangesFromHistory(history);
    expect(recent.switchesToOnDemand).toHaveLength(4);
    const plan = planTableChange(provisioned(10, 10), onDemand(provisioned(10, 10)), {
      now: "2026-12-04T09:00:00.000Z",
      recentChanges: recent,
    });
    const limited = changesOf(plan).find((c) => c.kind === "BILLING_TO_ON_DEMAND");
    expect(limited?.rateLimit).toMatchObject({ status: "exhausted", availableAt: "2026-12-04T10:00:00.000Z" });
    expect(plan.risk).not.toBe("low");
  });

  it("property: every capacity decrease an approved plan carries is counted once, and nothing else is", () => {
    const units = fc.integer({ min: 1, max: 1000 });
    fc.assert(
      fc.property(units, units, units, units, (t1, i1, t2, i2) => {
        const plan = approved("2026-12-04T09:00:00.000Z", provisioned(t1, i1), provisioned(t2, i2)).plan;
        const recent = recentChangesFromHistory([{ at: "2026-12-04T09:00:00.000Z", plan }]);
        const expected = (t2 < t1 ? 1 : 0) + (i2 < i1 ? 1 : 0);
        expect(recent.capacityDecreases).toHaveLength(expected);
      }),
      { numRuns: 60 },
    );
  });
});
