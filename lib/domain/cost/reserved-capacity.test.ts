import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate-cost";
import { DEFAULT_PRICE_LIST, DEFAULT_RESERVED_PRICES } from "./price-list";
import { parseReservedCsv, parseReservedCsvRows } from "./reserved-price-csv";
import { buildCostTestRequest as build } from "./test-requests";

// Reserved capacity ([DG] reserved-capacity): blocks of 100 RCU or WCU, 1 or 3 years, an upfront
// fee plus an hourly rate; Standard class only; never replicated write capacity (rWCU). "Up to 54%"
// off standard rates for 1 year and "up to 77%" for 3 years. us-east-1 per 100 units:
// RCU 1y $30 + $0.0025/h, 3y $36 + $0.0016/h; WCU 1y $150 + $0.0128/h, 3y $180 + $0.0081/h.

const csv = readFileSync(new URL("../../../prices/dynamodb-reserved-capacity.csv", import.meta.url), "utf8");

describe("reserved-capacity prices", () => {
  it("reserved-capacity-prices.json is exactly what the CSV generates (npm run prices:update -- --from-csv)", () => {
    expect(DEFAULT_RESERVED_PRICES).toEqual(parseReservedCsv(csv));
  });

  it("comes from a source of the same price era as AWS's price file (its standard rates match)", () => {
    for (const row of parseReservedCsvRows(csv)) {
      const standard = DEFAULT_PRICE_LIST.regions[row.region]?.STANDARD;
      expect(standard, row.region).toBeDefined();
      expect(row.sourceStandardHourlyUsd, `${row.region} ${row.unit}`).toBe(
        row.unit === "RCU" ? standard?.rcuHour : standard?.wcuHour,
      );
    }
  });

  it("matches AWS's stated discounts in us-east-1: about 54% for 1 year, 77% for 3 years", () => {
    const use1 = DEFAULT_RESERVED_PRICES.regions["us-east-1"];
    const effective = (p: { upfrontUsd: number; hourlyUsd: number } | undefined, years: number) =>
      ((p?.upfrontUsd ?? 0) / (8760 * years) + (p?.hourlyUsd ?? 0)) / 100;
    expect(1 - effective(use1?.["1-year"]?.wcu, 1) / 0.00065).toBeCloseTo(0.54, 2);
    expect(1 - effective(use1?.["3-year"]?.wcu, 3) / 0.00065).toBeCloseTo(0.77, 2);
  });
});

describe("estimate: reserved capacity for a provisioned table", () => {
  const provisioned = (extra: Record<string, unknown> = {}) =>
    build({
      billing: { mode: "PROVISIONED", read: { units: 1000 }, write: { units: 500 } },
      workload: { readsPerSecond: 100, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 1 },
      ...extra,
    });

  it("prices 1-year and 3-year terms with upfront, monthly, saving and break-even", () => {
    const rc = estimateCost(provisioned()).reservedCapacity;
    expect(rc?.applicable).toBe(true);
    const [one, three] = rc?.terms ?? [];
    // 1 year: 10 RCU blocks x $30 + 5 WCU blocks x $150 = $1,050 upfront;
    // monthly 10 x 0.0025 x 730 + 5 x 0.0128 x 730 = 18.25 + 46.72 = $64.97;
    // standard 1,000 x 0.00013 x 730 + 500 x 0.00065 x 730 = 94.90 + 237.25 = $332.15
    expect(one?.term).toBe("1-year");
    expect(one?.upfrontUsd).toBeCloseTo(1050, 9);
    expect(one?.monthlyUsd).toBeCloseTo(64.97, 9);
    expect(one?.standardMonthlyUsd).toBeCloseTo(332.15, 9);
    expect(one?.effectiveMonthlyUsd).toBeCloseTo(64.97 + 1050 / 12, 9);
    expect(one?.savingPerMonthUsd).toBeCloseTo(332.15 - 64.97 - 1050 / 12, 9);
    // the monthly saving (267.18) pays back the upfront fee in 3.93 months
    expect(one?.breakEvenMonths).toBeCloseTo(1050 / (332.15 - 64.97), 9);
    // 3 years: 10 x $36 + 5 x $180 = $1,260; monthly 10 x 0.0016 x 730 + 5 x 0.0081 x 730 = 41.245
    expect(three?.upfrontUsd).toBeCloseTo(1260, 9);
    expect(three?.monthlyUsd).toBeCloseTo(41.245, 9);
    expect(three?.effectiveMonthlyUsd).toBeCloseTo(41.245 + 1260 / 36, 9);
    // A reserved block pays when used more than (upfront / term hours + hourly) / (100 x standard hourly)
    const wcu1 = rc?.breakEvenUtilization.find((b) => b.unit === "WCU" && b.term === "1-year");
    expect(wcu1?.percent).toBeCloseTo(((150 / 8760 + 0.0128) / (100 * 0.00065)) * 100, 9);
    // It is shown beside the estimate, never in it.
    expect(estimateCost(provisioned()).totalMonthlyUsd).toBeCloseTo(332.15 + 1.0976562 * 0.25, 5);
  });

  it("reserves whole blocks only and bills the rest at the standard rate", () => {
    const rc = estimateCost(
      provisioned({ billing: { mode: "PROVISIONED", read: { units: 250 }, write: { units: 50 } } }),
    ).reservedCapacity;
    const lines = rc?.terms[0]?.lines ?? [];
    expect(lines.find((l) => l.unit === "RCU")).toMatchObject({ provisionedUnits: 250, reservedUnits: 200 });
    expect(lines.find((l) => l.unit === "WCU")).toMatchObject({
      provisionedUnits: 50,
      reservedUnits: 0,
      upfrontUsd: 0,
    });
    // RCU: 2 blocks x 0.0025 x 730 + 50 x 0.00013 x 730 = 3.65 + 4.745
    expect(lines.find((l) => l.unit === "RCU")?.monthlyUsd).toBeCloseTo(3.65 + 4.745, 9);
  });

  it("does not reserve a global table's replicated write capacity (rWCU)", () => {
    const rc = estimateCost(
      provisioned({
        tier: "prod",
        regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] },
        billing: {
          mode: "PROVISIONED",
          read: { units: 1000 },
          write: { units: 500, autoscaling: { minCapacity: 500, maxCapacity: 1000, targetUtilization: 70 } },
        },
      }),
    ).reservedCapacity;
    expect(rc?.terms[0]?.lines.map((l) => `${l.region} ${l.unit}`)).toEqual(["us-east-1 RCU", "us-west-2 RCU"]);
  });

  it("says why it does not apply: Standard-IA, on-demand, or under one block", () => {
    const ia = estimateCost(provisioned({ tableClass: "STANDARD_INFREQUENT_ACCESS" })).reservedCapacity;
    expect(ia?.applicable).toBe(false);
    expect(ia?.reason).toContain("Standard-IA");
    expect(estimateCost(build({})).reservedCapacity).toBeUndefined();
    const small = estimateCost(
      provisioned({ billing: { mode: "PROVISIONED", read: { units: 40 }, write: { units: 20 } } }),
    ).reservedCapacity;
    expect(small?.applicable).toBe(false);
    expect(small?.reason).toContain("below one 100-unit block");
  });

  it("names Regions without a price for a term (3-year is sold only in some Regions)", () => {
    const rc = estimateCost(provisioned({ regions: { primary: "eu-north-1" } })).reservedCapacity;
    expect(rc?.terms.find((t) => t.term === "3-year")?.unpricedRegions).toEqual(["eu-north-1"]);
    expect(rc?.terms.find((t) => t.term === "1-year")?.lines.length).toBe(2);
  });
});
