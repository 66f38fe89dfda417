import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate-cost";
import { roundToCents } from "./format";
import { buildCostTestRequest as build } from "./test-requests";
import type { CostEstimate } from "./types";

// Item count and size, per-Region reads and the read consistency mix, pinned to AWS's rules:
// storage = item size + 100 bytes per item, +48 on a global table, each index entry = projected
// bytes + 100 ([DG] CapacityUnitCalculations, "DynamoDB item sizes and formats"; GSI/LSI storage);
// a read is 1 unit per 4 KB, half for eventually consistent, twice for transactional.
// Prices: prices/dynamodb-prices.csv (2025-08-28); us-east-1 storage $0.25, RRU $0.125/M.

const GIB = 1024 ** 3;
const items = (e: CostEstimate, region: string) => e.regions.find((r) => r.region === region)?.lineItems ?? [];
const lineOf = (e: CostEstimate, region: string, component: string, n = 0) => {
  const found = items(e, region).filter((i) => i.component === component)[n];
  if (!found) throw new Error(`no ${component}#${n} in ${region}`);
  return found;
};

describe("data size: item count or raw GB", () => {
  it("prices itemCount x (itemSizeBytes + 100) bytes as the table's billable storage", () => {
    const e = estimateCost(
      build({ workload: { readsPerSecond: 0, writesPerSecond: 0, itemSizeBytes: 1000, itemCount: 10_000_000 } }),
    );
    const table = lineOf(e, "us-east-1", "table-storage");
    // 10,000,000 x 1,100 bytes / 1,073,741,824 = 10.2445483 GB x $0.25
    expect(table.quantity).toBeCloseTo((10_000_000 * 1100) / GIB, 9);
    expect(roundToCents(table.monthlyUsd)).toBe(2.56);
    expect(table.formula).toContain("10,000,000 items x (1,000 + 100 bytes overhead)");
    expect(e.storage).toMatchObject({ source: "itemCount", itemCount: 10_000_000, itemSizeBytes: 1000 });
    expect(e.storage.rawDataGb).toBeCloseTo((10_000_000 * 1000) / GIB, 9);
  });

  it("storageGb is raw item data: the same table priced from either measure costs the same", () => {
    const count = 5_000_000;
    const size = 2000;
    const byCount = estimateCost(
      build({ workload: { readsPerSecond: 5, writesPerSecond: 1, itemSizeBytes: size, itemCount: count } }),
    );
    const byGb = estimateCost(
      build({
        workload: { readsPerSecond: 5, writesPerSecond: 1, itemSizeBytes: size, storageGb: (count * size) / GIB },
      }),
    );
    expect(byGb.totalMonthlyUsd).toBeCloseTo(byCount.totalMonthlyUsd, 9);
    expect(byGb.storage.itemCount).toBeCloseTo(count, 6);
    expect(byGb.storage.source).toBe("storageGb");
  });

  it("lists billable storage per table and index: projected bytes + 100 bytes per entry", () => {
    const e = estimateCost(
      build({
        sortKey: { name: "sk", type: "S" },
        globalSecondaryIndexes: [
          { name: "by-all", partitionKey: { name: "g1", type: "S" }, projection: { type: "ALL" } },
          { name: "by-keys", partitionKey: { name: "g2", type: "S" }, projection: { type: "KEYS_ONLY" } },
        ],
        localSecondaryIndexes: [
          { name: "by-date", sortKey: { name: "d", type: "S" }, projection: { type: "KEYS_ONLY" } },
        ],
        pointInTimeRecovery: { enabled: true },
        workload: { readsPerSecond: 0, writesPerSecond: 0, itemSizeBytes: 1024, itemCount: 1_048_576 },
      }),
    );
    // 1,048,576 items = 2^20, so GB = bytes per item / 1,024.
    // table (1,024 + 100) / 1,024; GSI ALL the same; GSI KEYS_ONLY: pk, sk, g2 = 3 x 64 = 192 (+100);
    // LSI KEYS_ONLY: pk, sk, d = 192 (+100)
    expect(e.storage.entries.map((x) => [x.kind, x.name, x.billableGb])).toEqual([
      ["TABLE", "ledger-entries", 1124 / 1024],
      ["GSI", "by-all", 1124 / 1024],
      ["GSI", "by-keys", 292 / 1024],
      ["LSI", "by-date", 292 / 1024],
    ]);
    expect(e.storage.billableGbPerRegion).toBeCloseTo((1124 * 2 + 292 * 2) / 1024, 12);
    // PITR covers the table and LSIs, not GSIs
    expect(e.storage.backedUpGbPerRegion).toBeCloseTo((1124 + 292) / 1024, 12);
    expect(lineOf(e, "us-east-1", "pitr-storage").quantity).toBeCloseTo((1124 + 292) / 1024, 12);
  });

  it("adds a global table's extra 48 bytes per item in every Region, not to index entries", () => {
    const e = estimateCost(
      build({
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
        globalSecondaryIndexes: [
          { name: "by-all", partitionKey: { name: "g", type: "S" }, projection: { type: "ALL" } },
        ],
        workload: { readsPerSecond: 0, writesPerSecond: 0, itemSizeBytes: 1024, itemCount: 1_048_576 },
      }),
    );
    expect(e.storage.entries[0]).toMatchObject({ overheadBytesPerItem: 148, billableGb: 1172 / 1024 });
    expect(e.storage.entries[1]).toMatchObject({ overheadBytesPerItem: 100, billableGb: 1124 / 1024 });
    for (const region of ["us-east-1", "us-west-2"]) {
      expect(lineOf(e, region, "table-storage").quantity).toBeCloseTo(1172 / 1024, 12);
    }
  });
});

describe("reads per Region and the consistency mix", () => {
  const global = (workload: Record<string, unknown>) =>
    build({
      regions: {
        primary: "us-east-1",
        replicas: [
          { region: "us-west-2", role: "ACTIVE" },
          { region: "eu-west-1", role: "STANDBY" },
        ],
      },
      workload: { writesPerSecond: 0, itemSizeBytes: 1024, storageGb: 0, ...workload } as never,
    });

  it("defaults to an even split over the ACTIVE Regions; a STANDBY replica serves none", () => {
    const e = estimateCost(global({ readsPerSecond: 100 }));
    // 50 reads/s x 2,628,000 s x 0.5 RRU = 65.7 M RRU in each ACTIVE Region
    expect(lineOf(e, "us-east-1", "read-request-units").quantity).toBeCloseTo(65.7, 9);
    expect(lineOf(e, "us-west-2", "read-request-units").quantity).toBeCloseTo(65.7, 9);
    expect(items(e, "eu-west-1").some((i) => i.component === "read-request-units")).toBe(false);
  });

  it("prices the reads each Region serves; the rest of readsPerSecond goes to the ACTIVE Regions not named", () => {
    const e = estimateCost(global({ readsPerSecond: 100, readsPerSecondByRegion: { "us-east-1": 90 } }));
    // us-east-1: 90 x 2,628,000 x 0.5 = 118.26 M; us-west-2 gets the other 10: 13.14 M
    expect(lineOf(e, "us-east-1", "read-request-units").quantity).toBeCloseTo(118.26, 9);
    expect(lineOf(e, "us-west-2", "read-request-units").quantity).toBeCloseTo(13.14, 9);
    expect(lineOf(e, "us-east-1", "read-request-units").description).toContain("90 reads/s (90% of reads served here)");
    // us-west-2's reads at its own price ($0.125/M, as us-east-1)
    expect(roundToCents(lineOf(e, "us-west-2", "read-request-units").monthlyUsd)).toBe(1.64);
  });

  it("prices reads named for a STANDBY replica as given", () => {
    const e = estimateCost(
      global({ readsPerSecond: 100, readsPerSecondByRegion: { "us-east-1": 60, "us-west-2": 30, "eu-west-1": 10 } }),
    );
    // eu-west-1: 10 x 2,628,000 x 0.5 = 13.14 M RRU x $0.1415 = $1.859310
    expect(lineOf(e, "eu-west-1", "read-request-units").quantity).toBeCloseTo(13.14, 9);
    expect(lineOf(e, "eu-west-1", "read-request-units").monthlyUsd).toBeCloseTo(13.14 * 0.1415, 9);
  });

  it("weights each consistency's read units by its share", () => {
    const e = estimateCost(
      build({
        workload: {
          readsPerSecond: 100,
          writesPerSecond: 0,
          itemSizeBytes: 5000,
          storageGb: 0,
          readConsistencyMix: { eventual: 50, strong: 30, transactional: 20 },
        },
      }),
    );
    // 5,000 bytes = 2 read units: eventual 1, strong 2, transactional 4 -> 0.5 x 1 + 0.3 x 2 + 0.2 x 4 = 1.9 RRU/read
    const reads = lineOf(e, "us-east-1", "read-request-units");
    expect(reads.quantity).toBeCloseTo((100 * 2_628_000 * 1.9) / 1e6, 9);
    expect(reads.description).toContain("mix 50% eventual, 30% strong, 20% transactional");
  });

  it("sizes each Region's provisioned read capacity for its own reads", () => {
    const e = estimateCost(
      build({
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
        billing: {
          mode: "PROVISIONED",
          read: { units: 1, autoscaling: { minCapacity: 1, maxCapacity: 1000, targetUtilization: 50 } },
          write: { units: 1, autoscaling: { minCapacity: 1, maxCapacity: 1000, targetUtilization: 50 } },
        },
        workload: {
          readsPerSecond: 100,
          readsPerSecondByRegion: { "us-east-1": 80 },
          writesPerSecond: 1,
          itemSizeBytes: 1024,
          storageGb: 0,
          readConsistency: "STRONG",
        },
      }),
    );
    // us-east-1: 80 RCU / 50% = 160 RCU; us-west-2: 20 / 50% = 40 RCU
    expect(lineOf(e, "us-east-1", "read-capacity-units").quantity).toBe(160 * 730);
    expect(lineOf(e, "us-west-2", "read-capacity-units").quantity).toBe(40 * 730);
  });
});
