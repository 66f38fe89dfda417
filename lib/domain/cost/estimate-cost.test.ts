import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate-cost";
import { roundToCents } from "./format";
import { buildCostTestRequest as build } from "./test-requests";
import type { CostEstimate, CostLineItem } from "./types";

// Hand-computed cases. Prices are AWS's (prices/dynamodb-prices.csv, 2025-08-28). A month is
// 730 h = 2,628,000 s. Write units: ceil(bytes / 1024); read units: ceil(bytes / 4096) x 0.5
// (eventual) / 1 (strong) / 2 (transactional). Storage GB = data GB x (item + 100) / item.

const cents = (n: number) => roundToCents(n);
const regionOf = (e: CostEstimate, region: string) => {
  const found = e.regions.find((r) => r.region === region);
  if (!found) throw new Error(`no ${region}`);
  return found;
};
const line = (items: CostLineItem[], component: string, n = 0) => {
  const found = items.filter((i) => i.component === component)[n];
  if (!found) throw new Error(`no ${component}#${n}`);
  return found;
};

describe("estimateCost: hand-computed cases", () => {
  it("us-east-1, on-demand, Standard, single Region", () => {
    const e = estimateCost(
      build({
        workload: { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 10 },
      }),
    );
    const items = regionOf(e, "us-east-1").lineItems;
    // writes: 10/s x 2,628,000 s x 1 WRU = 26.28 M WRU x $0.625 = $16.425
    expect(line(items, "write-request-units").quantity).toBeCloseTo(26.28, 9);
    expect(cents(line(items, "write-request-units").monthlyUsd)).toBe(16.43);
    // reads: 100/s x 2,628,000 x 0.5 RRU (eventual, 1 KB <= 4 KB) = 131.4 M x $0.125 = $16.425
    expect(cents(line(items, "read-request-units").monthlyUsd)).toBe(16.43);
    // storage: 10 GB x 1124/1024 = 10.9765625 GB x $0.25 = $2.744140625
    expect(line(items, "table-storage").quantity).toBeCloseTo(10.9765625, 9);
    expect(cents(line(items, "table-storage").monthlyUsd)).toBe(2.74);
    // total: 16.425 + 16.425 + 2.744140625 = 35.594140625
    expect(cents(e.totalMonthlyUsd)).toBe(35.59);
    expect(e.pricesAsOf).toBe("2025-08-28");
    expect(items).toHaveLength(3); // no PITR, backup, stream or transfer lines
  });

  it("eu-west-1, provisioned fixed capacity, Standard, PITR", () => {
    const e = estimateCost(
      build({
        regions: { primary: "eu-west-1" },
        billing: { mode: "PROVISIONED", read: { units: 50 }, write: { units: 20 } },
        pointInTimeRecovery: { enabled: true },
        workload: {
          readsPerSecond: 20,
          writesPerSecond: 5,
          itemSizeBytes: 3000,
          readConsistency: "STRONG",
          storageGb: 20,
        },
      }),
    );
    const items = regionOf(e, "eu-west-1").lineItems;
    // WCU: 20 x 730 h = 14,600 WCU-h x $0.000735 = $10.731 (demand 5 x 3 WU = 15 <= 20: no warning)
    expect(cents(line(items, "write-capacity-units").monthlyUsd)).toBe(10.73);
    // RCU: 50 x 730 = 36,500 x $0.000147 = $5.3655
    expect(cents(line(items, "read-capacity-units").monthlyUsd)).toBe(5.37);
    // storage: 20 x 3100/3000 = 20.6667 GB x $0.283 = $5.848667; PITR: 20.6667 x $0.22 = $4.546667
    expect(cents(line(items, "table-storage").monthlyUsd)).toBe(5.85);
    expect(cents(line(items, "pitr-storage").monthlyUsd)).toBe(4.55);
    // total: 10.731 + 5.3655 + 5.848667 + 4.546667 = 26.491833
    expect(cents(e.totalMonthlyUsd)).toBe(26.49);
    expect(e.warnings).toEqual([]);
  });

  it("ap-southeast-1, on-demand, Standard-IA, transactional writes, GSIs with ALL / KEYS_ONLY / INCLUDE", () => {
    const e = estimateCost(
      build({
        regions: { primary: "ap-southeast-1" },
        tableClass: "STANDARD_INFREQUENT_ACCESS",
        sortKey: { name: "sk", type: "S" },
        globalSecondaryIndexes: [
          { name: "all", partitionKey: { name: "gpk", type: "S" }, projection: { type: "ALL" } },
          {
            name: "keys",
            partitionKey: { name: "gpk", type: "S" },
            sortKey: { name: "sk", type: "S" },
            projection: { type: "KEYS_ONLY" },
          },
          {
            name: "incl",
            partitionKey: { name: "email", type: "S" },
            projection: { type: "INCLUDE", nonKeyAttributes: ["a", "b"] },
          },
        ],
        workload: {
          readsPerSecond: 40,
          writesPerSecond: 20,
          itemSizeBytes: 2048,
          readConsistency: "STRONG",
          writeMode: "TRANSACTIONAL",
          storageGb: 100,
        },
      }),
    );
    const items = regionOf(e, "ap-southeast-1").lineItems;
    // table writes: 20/s x 2,628,000 x (2 WU x 2 transactional) = 210.24 M x $0.89 (IA) = $187.1136
    expect(cents(line(items, "write-request-units").monthlyUsd)).toBe(187.11);
    // reads: 40/s x 2,628,000 x 1 RRU (strong, 2 KB) = 105.12 M x $0.178 = $18.71136
    expect(cents(line(items, "read-request-units").monthlyUsd)).toBe(18.71);
    // GSI ALL: 2,048 bytes -> 2 WU: 105.12 M x $0.89 = $93.5568 (index writes are not doubled)
    expect(cents(line(items, "index-write-request-units", 0).monthlyUsd)).toBe(93.56);
    // GSI KEYS_ONLY: keys pk, sk, gpk = 3 x 64 = 192 bytes -> 1 WU: 52.56 M x $0.89 = $46.7784
    expect(line(items, "index-write-request-units", 1).description).toContain("~192 bytes");
    expect(cents(line(items, "index-write-request-units", 1).monthlyUsd)).toBe(46.78);
    // GSI INCLUDE [a, b]: 192 + (2048 - 192) x 2 x 10% = 563.2 bytes -> 1 WU: $46.7784
    expect(line(items, "index-write-request-units", 2).description).toContain("~563.2 bytes");
    expect(cents(line(items, "index-write-request-units", 2).monthlyUsd)).toBe(46.78);
    // storage at $0.114 (IA): table 100 x 2148/2048 = 104.8828 GB = $11.956641
    expect(cents(line(items, "table-storage").monthlyUsd)).toBe(11.96);
    // index storage: ALL 104.8828 GB = $11.956641; KEYS 100 x 292/2048 = 14.2578 GB = $1.625391;
    // INCLUDE 100 x 663.2/2048 = 32.3828 GB = $3.691641
    expect(cents(line(items, "index-storage", 0).monthlyUsd)).toBe(11.96);
    expect(cents(line(items, "index-storage", 1).monthlyUsd)).toBe(1.63);
    expect(cents(line(items, "index-storage", 2).monthlyUsd)).toBe(3.69);
    // total: 187.1136 + 18.71136 + 93.5568 + 46.7784 x 2 + 11.956641 x 2 + 1.625391 + 3.691641 = 422.168873
    expect(cents(e.totalMonthlyUsd)).toBe(422.17);
  });

  it("sa-east-1, provisioned with auto scaling, stream reads, AWS Backup with a copy to us-east-1", () => {
    const e = estimateCost(
      build({
        regions: { primary: "sa-east-1" },
        billing: {
          mode: "PROVISIONED",
          read: { units: 10, autoscaling: { minCapacity: 5, maxCapacity: 1000, targetUtilization: 50 } },
          write: { units: 10, autoscaling: { minCapacity: 5, maxCapacity: 1000, targetUtilization: 70 } },
        },
        stream: { enabled: true, viewType: "NEW_AND_OLD_IMAGES" },
        backup: {
          enabled: true,
          schedule: "cron(0 3 * * ? *)",
          retentionDays: 7,
          copyRegion: "us-east-1",
          copyRetentionDays: 14,
        },
        workload: {
          readsPerSecond: 400,
          writesPerSecond: 100,
          itemSizeBytes: 500,
          storageGb: 50,
          streamReadsPerSecond: 5,
        },
      }),
    );
    const sa = regionOf(e, "sa-east-1");
    // WCU: ceil(100 WU/s / 70%) = 143 (within [5, 1000]) x 730 h = 104,390 x $0.000975 = $101.78025
    expect(line(sa.lineItems, "write-capacity-units").quantity).toBe(143 * 730);
    expect(line(sa.lineItems, "write-capacity-units").formula).toContain("auto scaling");
    expect(cents(line(sa.lineItems, "write-capacity-units").monthlyUsd)).toBe(101.78);
    // RCU: 400 x 0.5 = 200 RCU/s / 50% = 400 x 730 = 292,000 x $0.000195 = $56.94
    expect(cents(line(sa.lineItems, "read-capacity-units").monthlyUsd)).toBe(56.94);
    // storage: 50 x 600/500 = 60 GB x $0.375 = $22.50
    expect(cents(line(sa.lineItems, "table-storage").monthlyUsd)).toBe(22.5);
    // streams: 5/s x 2,628,000 / 100,000 = 131.4 x $0.03 = $3.942
    expect(cents(line(sa.lineItems, "stream-read-request-units").monthlyUsd)).toBe(3.94);
    // backup: 1/day x 7 days x 60 GB = 420 GB-month x $0.15 = $63.00
    expect(cents(line(sa.lineItems, "backup-storage").monthlyUsd)).toBe(63);
    // copy transfer: 1/day x 30.4167 days x 60 GB = 1,825 GB x $0.02 (assumed) = $36.50
    expect(line(sa.lineItems, "backup-copy-data-transfer").isAssumption).toBe(true);
    expect(cents(line(sa.lineItems, "backup-copy-data-transfer").monthlyUsd)).toBe(36.5);
    // sa-east-1: 101.78025 + 56.94 + 22.5 + 3.942 + 63 + 36.5 = 284.66225
    expect(cents(sa.monthlyUsd)).toBe(284.66);
    // us-east-1 keeps the copies: 14 days x 60 GB = 840 GB-month x $0.10 = $84.00
    const copy = regionOf(e, "us-east-1");
    expect(copy.role).toBe("BACKUP_COPY");
    expect(cents(copy.monthlyUsd)).toBe(84);
    expect(cents(e.totalMonthlyUsd)).toBe(368.66);
  });

  it("three-Region global table: eu-central-1 + us-east-1 (ACTIVE) + ap-southeast-1 (STANDBY, Standard-IA override)", () => {
    const e = estimateCost(
      build({
        regions: {
          primary: "eu-central-1",
          replicas: [
            { region: "us-east-1", role: "ACTIVE" },
            { region: "ap-southeast-1", role: "STANDBY", tableClass: "STANDARD_INFREQUENT_ACCESS" },
          ],
        },
        globalSecondaryIndexes: [
          { name: "by-g", partitionKey: { name: "gpk", type: "S" }, projection: { type: "KEYS_ONLY" } },
        ],
        workload: { readsPerSecond: 60, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 10 },
      }),
      undefined,
      { dataTransferUsdPerGb: 0.02 },
    );
    // Every Region applies every write as rWRU: 26.28 M. Reads split over the 2 ACTIVE Regions:
    // 60 x 0.5 x 2,628,000 x 0.5 RRU = 39.42 M each. GSI (pk + gpk = 128 bytes, 1 WU): 26.28 M WRU.
    // Storage: a global table's items carry 100 + 48 bytes of overhead ([DG] CapacityUnitCalculations):
    // 10 x 1172/1024 = 11.4453125 GB; GSI entries 100 bytes: 10 x 228/1024 = 2.2265625 GB.
    // Transfer from each ACTIVE Region: 26,280,000 x 0.5 x 1024 B x 2 destinations / 2^30 = 25.0626 GB x $0.02.
    const eu = regionOf(e, "eu-central-1");
    // eu-central-1: 26.28 x 0.7625 = 20.0385; 39.42 x 0.1525 = 6.01155; GSI 20.0385;
    // storage 11.4453125 x 0.306 = 3.502266; GSI 2.2265625 x 0.306 = 0.681328; transfer 0.501251 => 50.773395
    expect(cents(line(eu.lineItems, "replicated-write-request-units").monthlyUsd)).toBe(20.04);
    expect(cents(line(eu.lineItems, "replication-data-transfer").monthlyUsd)).toBe(0.5);
    expect(line(eu.lineItems, "replication-data-transfer").description).toContain("Not in AWS's DynamoDB price list");
    expect(line(eu.lineItems, "table-storage").quantity).toBeCloseTo(11.4453125, 9);
    expect(line(eu.lineItems, "table-storage").formula).toContain("148 bytes overhead");
    expect(cents(eu.monthlyUsd)).toBe(50.77);
    // us-east-1: 16.425 + 4.9275 + 16.425 + 2.861328 + 0.556641 + 0.501251 = 41.696719
    expect(cents(regionOf(e, "us-east-1").monthlyUsd)).toBe(41.7);
    // ap-southeast-1 (IA, standby: no reads, no transfer out): 26.28 x 0.89 x 2 (rWRU + GSI) = 46.7784;
    // storage 11.4453125 x 0.114 = 1.304766; GSI 2.2265625 x 0.114 = 0.253828 => 48.336993
    const ap = regionOf(e, "ap-southeast-1");
    expect(ap.tableClass).toBe("STANDARD_INFREQUENT_ACCESS");
    expect(ap.lineItems.some((i) => i.component === "read-request-units")).toBe(false);
    expect(cents(ap.monthlyUsd)).toBe(48.34);
    // total 50.773395 + 41.696719 + 48.336993 = 140.807107
    expect(cents(e.totalMonthlyUsd)).toBe(140.81);
    expect(e.totalMonthlyUsd).toBeCloseTo(
      e.regions.reduce((t, r) => t + r.monthlyUsd, 0),
      9,
    );
  });
});

describe("estimateCost: alternatives and break-even", () => {
  const request = build({ workload: { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 10 } });
  const { alternatives } = estimateCost(request);

  it("prices the other billing mode and table class and recommends the cheapest", () => {
    const provisionedStandard = alternatives.options.find(
      (o) => o.billingMode === "PROVISIONED" && o.tableClass === "STANDARD",
    );
    // Assumed auto scaling at 70%: WCU ceil(10 / 0.7) = 15 x 730 x $0.00065 = $7.1175;
    // RCU ceil(50 / 0.7) = 72 x 730 x $0.00013 = $6.8328; storage $2.744141 => $16.694441
    expect(cents(provisionedStandard?.totalMonthlyUsd ?? 0)).toBe(16.69);
    expect(provisionedStandard?.note).toContain("assumed auto scaling");
    expect(alternatives.options).toHaveLength(4);
    expect(alternatives.recommended).toMatchObject({ billingMode: "PROVISIONED", tableClass: "STANDARD" });
  });

  it("gives the utilisation above which provisioned is cheaper", () => {
    // $0.00065 / (3,600 x $0.625 / 1e6) = 28.89%; reads $0.00013 / (3,600 x $0.125 / 1e6) = 28.89%
    expect(alternatives.billingModeBreakEven.writeUtilizationPercent).toBeCloseTo(28.889, 3);
    expect(alternatives.billingModeBreakEven.readUtilizationPercent).toBeCloseTo(28.889, 3);
  });

  it("gives the data size above which Standard-IA is cheaper", () => {
    // IA throughput 26.28 x 0.78 + 131.4 x 0.155 = 40.8654 vs Standard 32.85: +8.0154 a month.
    // Storage saving per GB of data: 1124/1024 x (0.25 - 0.10) = 0.164648. Break-even 8.0154 / 0.164648 = 48.68 GB.
    expect(alternatives.tableClassBreakEven.storageGb).toBeCloseTo(48.6819, 3);
    // Standard storage at 48.68 GB = 48.68 x 1.09765625 x 0.25 = 13.359 = 40.67% of $32.85 throughput.
    expect(alternatives.tableClassBreakEven.storageToThroughputCostRatio).toBeCloseTo(0.40667, 4);
  });
});

describe("estimateCost: tier defaults and special Regions", () => {
  it("prices the tier's low / expected / high workloads when the request has none", () => {
    const e = estimateCost(build({ tier: "dev" }));
    // dev low: 0.5 w/s -> 1.314 M WRU x 0.625 = 0.82125; 1 r/s -> 1.314 M RRU x 0.125 = 0.16425;
    //   0.5 GB x 1124/1024 x 0.25 = 0.137207 => 1.122707
    // dev expected: 2 w/s -> 5.256 M x 0.625 = 3.285; 5 r/s -> 6.57 M x 0.125 = 0.82125; 1 GB -> 0.274414 => 4.380664
    // dev high (2 KB): 10 w/s x 2 WU -> 52.56 M x 0.625 = 32.85; 25 r/s -> 32.85 M x 0.125 = 4.10625;
    //   5 GB x 2148/2048 x 0.25 = 1.311035 => 38.267285
    expect(e.workloadSource).toBe("tier-default");
    expect(e.scenario).toBe("expected");
    expect(cents(e.range?.low ?? 0)).toBe(1.12);
    expect(cents(e.range?.expected ?? 0)).toBe(4.38);
    expect(cents(e.range?.high ?? 0)).toBe(38.27);
    expect(e.totalMonthlyUsd).toBe(e.range?.expected);
    expect(cents(estimateCost(build({ tier: "dev" }), undefined, { workloadScenario: "high" }).totalMonthlyUsd)).toBe(
      38.27,
    );
  });

  it("lists an MRSC witness with a note instead of a price", () => {
    const e = estimateCost(
      build({
        regions: {
          primary: "us-east-1",
          replicas: [{ region: "us-east-2" }],
          consistency: "STRONG",
          witness: "us-west-2",
        },
        workload: { readsPerSecond: 1, writesPerSecond: 1, itemSizeBytes: 100, storageGb: 1 },
      }),
    );
    const witness = regionOf(e, "us-west-2");
    expect(witness).toMatchObject({ role: "WITNESS", monthlyUsd: 0, lineItems: [] });
    expect(witness.notes[0]).toContain("no witness price");
  });

  it("says when a Region has no Streams price (il-central-1)", () => {
    const e = estimateCost(
      build({
        regions: { primary: "il-central-1" },
        stream: { enabled: true, viewType: "NEW_IMAGE" },
        workload: { readsPerSecond: 1, writesPerSecond: 1, itemSizeBytes: 100, storageGb: 1, streamReadsPerSecond: 2 },
      }),
    );
    expect(regionOf(e, "il-central-1").notes.join(" ")).toContain("no DynamoDB Streams price");
    expect(e.warnings.length).toBe(1);
  });

  it("warns when fixed provisioned capacity is below the workload", () => {
    const e = estimateCost(
      build({
        billing: { mode: "PROVISIONED", read: { units: 1 }, write: { units: 1 } },
        workload: { readsPerSecond: 100, writesPerSecond: 50, itemSizeBytes: 1024, storageGb: 1 },
      }),
    );
    expect(e.warnings.join(" ")).toMatch(/throttle/);
  });

  it("states its assumptions, including the labelled data-transfer rate", () => {
    const e = estimateCost(
      build({
        regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
        workload: { readsPerSecond: 1, writesPerSecond: 1, itemSizeBytes: 100, storageGb: 1 },
      }),
      undefined,
      { dataTransferUsdPerGb: 0.09 },
    );
    const text = e.assumptions.join("\n");
    expect(text).toContain("Free tier ignored");
    expect(text).toContain("730 hours");
    expect(text).toContain("$0.09 per GB");
    expect(text).toContain("NOT in AWS's DynamoDB price list");
  });

  it("rejects a negative transfer rate", () => {
    expect(() => estimateCost(build({}), undefined, { dataTransferUsdPerGb: -1 })).toThrow(RangeError);
  });
});

// shared/reference/pricing.md: "warm-throughput pricing [was] not found" in AWS's price list file,
// so pre-warming is named as not priced instead of given an invented number.
describe("estimateCost: warm throughput", () => {
  const workload = { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 10 };

  it("says a requested warm throughput is not priced, and leaves every amount as it was", () => {
    const plain = estimateCost(build({ workload }));
    const warm = estimateCost(
      build({ workload, warmThroughput: { readUnitsPerSecond: 30_000, writeUnitsPerSecond: 10_000 } }),
    );
    expect(warm.totalMonthlyUsd).toBe(plain.totalMonthlyUsd);
    expect(warm.regions).toEqual(plain.regions);
    const note = warm.assumptions.find((a) => a.startsWith("Warm throughput"));
    expect(note).toContain("the table (30,000 reads / 10,000 writes per second)");
    expect(note).toContain("NOT priced");
    expect(plain.assumptions.some((a) => a.startsWith("Warm throughput"))).toBe(false);
  });
});
