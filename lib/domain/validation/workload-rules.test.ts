import { describe, expect, it } from "vitest";
import { devRequest, type Loose, policyWith, typicalRequest, validateWith } from "./test-support";

// The workload means one thing (one data size, reads per Region that agree with the total, a
// consistency mix of 100%), and capacity must serve its stated peak: a warning, an error on a tier
// whose policy says requireCapacityForPeak (the shipped prod tier).

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);
const issue = (r: { issues: { code: string; path: string; severity: string; message: string }[] }, code: string) =>
  r.issues.find((i) => i.code === code);
const workload = { readsPerSecond: 20, writesPerSecond: 5, itemSizeBytes: 800 };

describe("workload data size", () => {
  it.each([
    ["storageGb", { storageGb: 1.5 }],
    ["itemCount", { itemCount: 2_000_000 }],
  ])("accepts the size as %s alone (requests with storageGb stay valid)", (_, size) => {
    const result = validateWith(devRequest(), (r: Loose) => {
      r.workload = { ...workload, ...size };
    });
    expect(result.valid).toBe(true);
  });

  it("refuses a workload with no size, and one with both", () => {
    const none = validateWith(devRequest(), (r: Loose) => {
      r.workload = { ...workload };
    });
    expect(issue(none, "WORKLOAD_STORAGE_REQUIRED")).toMatchObject({ path: "workload.storageGb", severity: "error" });
    const both = validateWith(devRequest(), (r: Loose) => {
      r.workload = { ...workload, storageGb: 1, itemCount: 5 };
    });
    expect(issue(both, "WORKLOAD_STORAGE_AMBIGUOUS")?.severity).toBe("error");
  });

  it("refuses a fractional or negative item count (shape)", () => {
    const result = validateWith(devRequest(), (r: Loose) => {
      r.workload = { ...workload, itemCount: 1.5 };
    });
    expect(result.valid).toBe(false);
    expect(result.issues[0]?.path).toBe("workload.itemCount");
  });
});

describe("reads per Region and the consistency mix", () => {
  const global = () => {
    const r = typicalRequest();
    r.regions = {
      primary: "us-east-1",
      replicas: [
        { region: "eu-west-1", role: "ACTIVE" },
        { region: "us-west-2", role: "STANDBY" },
      ],
    };
    delete r.backup;
    return r;
  };

  it("accepts reads named for some ACTIVE Regions, the rest going to the others", () => {
    const result = validateWith(global(), (r: Loose) => {
      r.workload = { ...workload, storageGb: 1, readsPerSecond: 100, readsPerSecondByRegion: { "us-east-1": 70 } };
    });
    expect(codes(result).filter((c) => c.startsWith("WORKLOAD_"))).toEqual([]);
  });

  it("refuses a Region that holds no copy, and totals that disagree with readsPerSecond", () => {
    const elsewhere = validateWith(global(), (r: Loose) => {
      r.workload = { ...workload, storageGb: 1, readsPerSecond: 100, readsPerSecondByRegion: { "ap-south-1": 10 } };
    });
    expect(issue(elsewhere, "WORKLOAD_READS_REGION_NOT_IN_TABLE")?.path).toBe(
      'workload.readsPerSecondByRegion["ap-south-1"]',
    );
    const tooMany = validateWith(global(), (r: Loose) => {
      r.workload = { ...workload, storageGb: 1, readsPerSecond: 100, readsPerSecondByRegion: { "us-east-1": 101 } };
    });
    expect(issue(tooMany, "WORKLOAD_READS_BY_REGION_SUM")?.message).toContain("more than readsPerSecond");
    const tooFew = validateWith(global(), (r: Loose) => {
      r.workload = {
        ...workload,
        storageGb: 1,
        readsPerSecond: 100,
        readsPerSecondByRegion: { "us-east-1": 50, "eu-west-1": 40 },
      };
    });
    expect(issue(tooFew, "WORKLOAD_READS_BY_REGION_SUM")?.message).toContain("served nowhere");
    // 0.1 + 0.2 is not 0.3 in floating point; a tolerance keeps honest decimals valid.
    const decimals = validateWith(global(), (r: Loose) => {
      r.workload = {
        ...workload,
        storageGb: 1,
        readsPerSecond: 0.3,
        readsPerSecondByRegion: { "us-east-1": 0.1, "eu-west-1": 0.2 },
      };
    });
    expect(codes(decimals)).not.toContain("WORKLOAD_READS_BY_REGION_SUM");
  });

  it("warns about reads named for a STANDBY replica", () => {
    const result = validateWith(global(), (r: Loose) => {
      r.workload = { ...workload, storageGb: 1, readsPerSecond: 100, readsPerSecondByRegion: { "us-west-2": 5 } };
    });
    expect(issue(result, "WORKLOAD_READS_ON_STANDBY")).toMatchObject({ severity: "warning" });
    expect(result.valid).toBe(true);
  });

  it("refuses a consistency mix that does not add up to 100", () => {
    const result = validateWith(devRequest(), (r: Loose) => {
      r.workload = { ...workload, storageGb: 1, readConsistencyMix: { eventual: 60, strong: 30 } };
    });
    expect(issue(result, "WORKLOAD_CONSISTENCY_MIX_SUM")?.message).toContain("90%");
  });
});

describe("capacity against the workload's peak (issue: 20,000 reads/s with auto scaling max 100)", () => {
  const provisioned = (tier: "staging" | "prod") => {
    const r = typicalRequest();
    r.tier = tier;
    r.tags.Environment = tier;
    r.billing = {
      mode: "PROVISIONED",
      read: { units: 100, autoscaling: { minCapacity: 50, maxCapacity: 100, targetUtilization: 70 } },
      write: { units: 100, autoscaling: { minCapacity: 50, maxCapacity: 1000, targetUtilization: 70 } },
    };
    for (const gsi of r.globalSecondaryIndexes) {
      gsi.capacity = {
        read: { units: 10, autoscaling: { minCapacity: 10, maxCapacity: 100, targetUtilization: 70 } },
        write: { units: 10, autoscaling: { minCapacity: 10, maxCapacity: 1000, targetUtilization: 70 } },
      };
    }
    r.workload = { readsPerSecond: 20_000, writesPerSecond: 10, itemSizeBytes: 1024, storageGb: 1 };
    return r;
  };

  it("warns on staging, naming the auto scaling maximum, the demand and how much is throttled", () => {
    const result = validateWith(provisioned("staging"), () => {});
    const found = issue(result, "CAPACITY_BELOW_PEAK_DEMAND");
    // 20,000 eventually consistent reads of 1 KB = 10,000 RCU; the maximum holds 100: 99% throttled
    expect(found).toMatchObject({ path: "billing.read.autoscaling.maxCapacity", severity: "warning" });
    expect(found?.message).toContain("10,000 RCU");
    expect(found?.message).toContain("maximum of 100 RCU");
    expect(found?.message).toContain("99% of it would be throttled");
    expect(result.valid).toBe(true);
  });

  it("is an error on prod (tier policy requireCapacityForPeak)", () => {
    const result = validateWith(provisioned("prod"), () => {});
    expect(issue(result, "POLICY_CAPACITY_BELOW_PEAK_DEMAND")).toMatchObject({ severity: "error", source: "policy" });
    expect(codes(result)).not.toContain("CAPACITY_BELOW_PEAK_DEMAND");
    expect(result.valid).toBe(false);
  });

  it("checks the stated peak, not only the average, and every GSI's write capacity", () => {
    const result = validateWith(provisioned("staging"), (r: Loose) => {
      r.billing.read.autoscaling.maxCapacity = 40_000;
      r.workload = {
        readsPerSecond: 100,
        peakWritesPerSecond: 2000,
        writesPerSecond: 10,
        itemSizeBytes: 1024,
        storageGb: 1,
      };
    });
    // GSI writes at the peak: 2,000 x 1 WCU > the GSIs' maximum of 1,000; the table's 2,000 x 1 > 1,000 too
    const paths = result.issues.filter((i) => i.code === "CAPACITY_BELOW_PEAK_DEMAND").map((i) => i.path);
    expect(paths).toEqual([
      "billing.write.autoscaling.maxCapacity",
      "globalSecondaryIndexes[0].capacity.write.autoscaling.maxCapacity",
      "globalSecondaryIndexes[1].capacity.write.autoscaling.maxCapacity",
    ]);
  });

  it("checks on-demand maximums too", () => {
    const result = validateWith(devRequest(), (r: Loose) => {
      r.billing = { mode: "PAY_PER_REQUEST", onDemandThroughput: { maxReadRequestUnits: 100 } };
      r.workload = {
        readsPerSecond: 100,
        peakReadsPerSecond: 1000,
        writesPerSecond: 1,
        itemSizeBytes: 1024,
        storageGb: 1,
      };
    });
    expect(issue(result, "CAPACITY_BELOW_PEAK_DEMAND")?.path).toBe("billing.onDemandThroughput.maxReadRequestUnits");
  });

  it("a policy can relax it", () => {
    const relaxed = policyWith((p: Loose) => {
      p.tiers.prod.requireCapacityForPeak = false;
    });
    const result = validateWith(provisioned("prod"), () => {}, relaxed);
    expect(codes(result)).toContain("CAPACITY_BELOW_PEAK_DEMAND");
    expect(codes(result)).not.toContain("POLICY_CAPACITY_BELOW_PEAK_DEMAND");
  });
});
