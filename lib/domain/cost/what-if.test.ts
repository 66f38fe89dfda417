import { describe, expect, it } from "vitest";
import { estimateCost } from "./estimate-cost";
import { buildCostTestRequest as build } from "./test-requests";

// What-if pricing for what the module cannot render: a per-replica table class and per-replica
// read capacity. Each comparison must equal pricing the request with that replica setting, which
// the engine can price even though the renderer refuses it (PROVIDER_REPLICA_*_UNSUPPORTED).
// us-west-2 prices: rWRU $0.625/M (IA $0.78), storage $0.25 (IA $0.10), RCU-hour $0.00013.

describe("what-if: a replica on Standard-IA", () => {
  const standby = { region: "us-west-2" as const, role: "STANDBY" as const };
  const replicas = [standby];
  const request = build({
    tier: "prod",
    regions: { primary: "us-east-1", replicas },
    workload: { readsPerSecond: 0, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 100 },
  });
  const e = estimateCost(request);
  const ia = e.whatIf.find((w) => w.id === "replica-standard-ia:us-west-2");

  it("prices the standby on Standard-IA as a labelled comparison, not in the total", () => {
    expect(ia?.label).toBe("us-west-2 (standby replica) on Standard-IA");
    expect(ia?.notInModule).toContain("PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED");
    // Standard: 26.28 M rWRU x $0.625 = 16.425; 100 x 1,172 / 1,024 = 114.453125 GB x $0.25 = 28.613281
    // IA: 26.28 x $0.78 = 20.4984; 114.453125 x $0.10 = 11.445313 => -13.094656 a month
    expect(ia?.differenceUsd).toBeCloseTo(20.4984 + 11.4453125 - (16.425 + 28.61328125), 9);
    expect(ia?.totalMonthlyUsd).toBeCloseTo(e.totalMonthlyUsd + (ia?.differenceUsd ?? 0), 9);
    expect(e.totalMonthlyUsd).toBeCloseTo(
      e.regions.reduce((s, r) => s + r.monthlyUsd, 0),
      9,
    );
  });

  it("equals the estimate of the same request with that replica's table class set", () => {
    const overridden = estimateCost(
      build({
        tier: "prod",
        regions: { primary: "us-east-1", replicas: [{ ...standby, tableClass: "STANDARD_INFREQUENT_ACCESS" }] },
        workload: { readsPerSecond: 0, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 100 },
      }),
    );
    expect(ia?.totalMonthlyUsd).toBeCloseTo(overridden.totalMonthlyUsd, 9);
    expect(ia?.regions[0]?.monthlyUsd).toBeCloseTo(
      overridden.regions.find((r) => r.region === "us-west-2")?.monthlyUsd ?? -1,
      9,
    );
  });

  it("is not offered for a single-Region table", () => {
    expect(estimateCost(build({})).whatIf).toEqual([]);
  });
});

describe("what-if: replica read capacity sized to the replica's own reads", () => {
  const base = {
    tier: "prod" as const,
    billing: {
      mode: "PROVISIONED" as const,
      read: { units: 500 },
      write: { units: 10, autoscaling: { minCapacity: 10, maxCapacity: 100, targetUtilization: 70 } },
    },
    workload: { readsPerSecond: 100, writesPerSecond: 1, itemSizeBytes: 1024, storageGb: 1 },
  };
  const e = estimateCost(
    build({ ...base, regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", role: "STANDBY" }] } }),
  );
  const sized = e.whatIf.find((w) => w.id === "replica-read-capacity");

  it("gives the standby 1 RCU instead of the table's fixed 500", () => {
    expect(sized?.notInModule).toContain("PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED");
    // (1 - 500) RCU x 730 h x $0.00013 = -$47.3527 a month in us-west-2
    expect(sized?.regions).toHaveLength(1);
    expect(sized?.regions[0]?.region).toBe("us-west-2");
    expect(sized?.differenceUsd).toBeCloseTo(-499 * 730 * 0.00013, 9);
  });

  it("equals the estimate with that read capacity override", () => {
    const overridden = estimateCost(
      build({
        ...base,
        regions: {
          primary: "us-east-1",
          replicas: [{ region: "us-west-2", role: "STANDBY", readCapacityOverride: 1 }],
        },
      }),
    );
    expect(sized?.totalMonthlyUsd).toBeCloseTo(overridden.totalMonthlyUsd, 9);
  });

  it("is not offered on-demand", () => {
    const onDemand = estimateCost(
      build({ regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", role: "STANDBY" }] } }),
    );
    expect(onDemand.whatIf.some((w) => w.id === "replica-read-capacity")).toBe(false);
  });
});
