import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate-cost";
import { buildCostTestRequest as build } from "./test-requests";

// Demand above capacity is throttled, never silently priced: the estimate says how much, what the
// capacity that serves it would cost, and never recommends a configuration that cannot serve it.
// us-east-1: RCU-hour $0.00013, RRU $0.125/M.

const underSized = () =>
  build({
    tier: "staging",
    billing: {
      mode: "PROVISIONED",
      read: { units: 100, autoscaling: { minCapacity: 50, maxCapacity: 100, targetUtilization: 70 } },
      write: { units: 10, autoscaling: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70 } },
    },
    workload: { readsPerSecond: 20_000, writesPerSecond: 1, itemSizeBytes: 1024, storageGb: 1 },
  });

describe("capacity below the workload (issue: 20,000 reads/s with auto scaling max 100)", () => {
  const e = estimateCost(underSized());

  it("says how much of the average demand is throttled and what serving it would add", () => {
    const average = e.capacityShortfalls.find((s) => s.basis === "average");
    // 20,000 x 0.5 RCU = 10,000 RCU of demand; the table holds at most 100: 99% throttled.
    // Serving it: ceil(10,000 / 70%) = 14,286 RCU; (14,286 - 100) x 730 h x $0.00013 = $1,346.25 more
    expect(average).toMatchObject({
      path: "billing.read.autoscaling.maxCapacity",
      unit: "RCU",
      demandUnits: 10_000,
      capacityUnits: 100,
      neededUnits: 14_286,
      throttledPercent: 99,
    });
    expect(average?.extraMonthlyUsd).toBeCloseTo((14_286 - 100) * 730 * 0.00013, 9);
    expect(e.warnings.join(" ")).toContain("99% of it would be throttled");
    expect(e.warnings.join(" ")).toContain("$1,346.25");
  });

  it("never calls the under-sized configuration the cheapest, and recommends one that serves the workload", () => {
    const current = e.alternatives.options.find((o) => o.isCurrent);
    expect(current?.canServeWorkload).toBe(false);
    expect(e.alternatives.recommended.reason).not.toContain("already the cheapest");
    expect(e.alternatives.recommended).toMatchObject({ billingMode: "PAY_PER_REQUEST" });
    const chosen = e.alternatives.options.find(
      (o) =>
        o.billingMode === e.alternatives.recommended.billingMode &&
        o.tableClass === e.alternatives.recommended.tableClass,
    );
    expect(chosen?.canServeWorkload).toBe(true);
  });

  it("reports nothing when capacity serves the peak", () => {
    const fine = estimateCost(
      build({
        billing: {
          mode: "PROVISIONED",
          read: { units: 100, autoscaling: { minCapacity: 50, maxCapacity: 20_000, targetUtilization: 70 } },
          write: { units: 10, autoscaling: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70 } },
        },
        workload: { readsPerSecond: 20_000, writesPerSecond: 1, itemSizeBytes: 1024, storageGb: 1 },
      }),
    );
    expect(fine.capacityShortfalls).toEqual([]);
    expect(fine.alternatives.options.every((o) => o.canServeWorkload)).toBe(true);
  });

  it("says when no configuration can serve the peak (on-demand capped, provisioned beyond the assumed maximum)", () => {
    const capped = estimateCost(
      build({
        billing: { mode: "PAY_PER_REQUEST", onDemandThroughput: { maxReadRequestUnits: 1000 } },
        workload: {
          readsPerSecond: 10,
          peakReadsPerSecond: 200_000,
          writesPerSecond: 1,
          itemSizeBytes: 1024,
          storageGb: 1,
        },
      }),
    );
    // peak 100,000 RRU/s: above the 1,000 cap and above the 40,000 the assumed auto scaling allows
    expect(capped.alternatives.options.every((o) => !o.canServeWorkload)).toBe(true);
    expect(capped.alternatives.recommended.reason).toContain("None of these configurations");
  });
});
