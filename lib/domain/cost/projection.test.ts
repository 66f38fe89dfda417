import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate-cost";
import { buildCostTestRequest as build } from "./test-requests";

// The 12-month projection: raw data grows by monthlyGrowthGb a month; storage, PITR and backups
// follow it, throughput stays. us-east-1: storage $0.25, PITR $0.20, backup $0.10 per GB-month.

const request = (workload: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  build({
    pointInTimeRecovery: { enabled: true },
    workload: { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 10, ...workload } as never,
    ...extra,
  });

describe("12-month projection", () => {
  it("has 12 months; month 1 is the estimate; storage and PITR grow with the data", () => {
    const e = estimateCost(request({ monthlyGrowthGb: 10 }));
    expect(e.projection.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(e.projection[0]?.totalMonthlyUsd).toBeCloseTo(e.totalMonthlyUsd, 9);
    // throughput 16.425 + 16.425; data (10 + 10 (m - 1)) GB x 1,124 / 1,024 x ($0.25 + $0.20)
    const monthly = (m: number) => 32.85 + (10 + 10 * (m - 1)) * (1124 / 1024) * 0.45;
    for (const month of e.projection) {
      expect(month.rawDataGb).toBeCloseTo(10 + 10 * (month.month - 1), 9);
      expect(month.totalMonthlyUsd, `month ${month.month}`).toBeCloseTo(monthly(month.month), 9);
      expect(month.regions[0]?.monthlyUsd).toBeCloseTo(monthly(month.month), 9);
    }
    expect(e.projection[11]?.billableGbPerRegion).toBeCloseTo(120 * (1124 / 1024), 9);
    // 12 x 32.85 + 0.45 x 1.09765625 x (10 + 20 + ... + 120 = 780)
    expect(e.projection[11]?.cumulativeUsd).toBeCloseTo(12 * 32.85 + 0.45 * (1124 / 1024) * 780, 9);
  });

  it("each month equals the estimate of the same table at that month's size, backups and copies included", () => {
    const extra = {
      regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
      tier: "prod",
      backup: { enabled: true, schedule: "cron(0 3 * * ? *)", retentionDays: 7, copyRegion: "eu-west-1" },
    };
    const e = estimateCost(request({ monthlyGrowthGb: 25 }, extra));
    for (const m of [2, 6, 12]) {
      const atSize = estimateCost(request({ storageGb: 10 + 25 * (m - 1), monthlyGrowthGb: 0 }, extra));
      const month = e.projection[m - 1];
      expect(month?.totalMonthlyUsd, `month ${m}`).toBeCloseTo(atSize.totalMonthlyUsd, 6);
      for (const r of atSize.regions) {
        expect(month?.regions.find((x) => x.region === r.region)?.monthlyUsd, `${r.region} month ${m}`).toBeCloseTo(
          r.monthlyUsd,
          6,
        );
      }
    }
  });

  it("stays flat without growth, and grows from nothing when the table starts empty", () => {
    const flat = estimateCost(request({ monthlyGrowthGb: 0 }));
    expect(new Set(flat.projection.map((m) => m.totalMonthlyUsd)).size).toBe(1);
    const empty = estimateCost(request({ storageGb: 0, monthlyGrowthGb: 1 }));
    expect(empty.projection[0]?.billableGbPerRegion).toBe(0);
    expect(empty.projection[11]?.billableGbPerRegion).toBeCloseTo(11 * (1124 / 1024), 9);
  });
});
