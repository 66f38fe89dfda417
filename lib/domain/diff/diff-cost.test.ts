import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffCost } from "./diff-cost";

const estimate = (regions: [string, number][], pricesAsOf = "2026-11-01") => ({
  regions: regions.map(([region, monthlyUsd]) => ({ region, monthlyUsd, lineItems: [], notes: [] })),
  totalMonthlyUsd: regions.reduce((s, [, usd]) => s + usd, 0),
  pricesAsOf,
});

describe("diffCost", () => {
  it("per Region and in total, with added and dropped Regions", () => {
    const change = diffCost(
      estimate([
        ["us-east-1", 100],
        ["eu-west-1", 50],
      ]),
      estimate([
        ["us-east-1", 130],
        ["us-west-2", 40],
      ]),
    );
    expect(change.regions).toEqual([
      { region: "us-east-1", beforeUsd: 100, afterUsd: 130, deltaUsd: 30 },
      { region: "us-west-2", afterUsd: 40, deltaUsd: 40 },
      { region: "eu-west-1", beforeUsd: 50, deltaUsd: -50 },
    ]);
    expect(change.deltaUsd).toBe(20);
    expect(change.deltaRatio).toBeCloseTo(20 / 150);
    expect(change.pricesDiffer).toBe(false);
  });

  it("adds up a Region listed twice (replica and backup-copy target)", () => {
    const change = diffCost(
      estimate([["us-west-2", 10]]),
      estimate([
        ["us-west-2", 10],
        ["us-west-2", 5],
      ]),
    );
    expect(change.regions).toEqual([{ region: "us-west-2", beforeUsd: 10, afterUsd: 15, deltaUsd: 5 }]);
  });

  it("says when the price lists differ, and has no ratio from zero", () => {
    const change = diffCost(estimate([], "2026-01-01"), estimate([["us-east-1", 3]]));
    expect(change.pricesDiffer).toBe(true);
    expect(change.deltaRatio).toBeUndefined();
  });

  it("the per-Region deltas add up to the total delta", () => {
    const side = fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d"), fc.double({ min: 0, max: 1e5, noNaN: true })));
    fc.assert(
      fc.property(side, side, (x, y) => {
        const change = diffCost(estimate(x), estimate(y));
        const sum = change.regions.reduce((s, r) => s + r.deltaUsd, 0);
        expect(sum).toBeCloseTo(change.deltaUsd, 4);
      }),
    );
  });
});
