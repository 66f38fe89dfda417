import { describe, expect, it } from "vitest";
import { devRequest, type Loose, policyWith, validateWith } from "./test-support";

/** The codes and paths a request yields, warnings included. */
function findings(mutate: (r: Loose) => void, policy = undefined as ReturnType<typeof policyWith> | undefined) {
  const result = validateWith(devRequest(), mutate, policy);
  return result.issues
    .filter((i) => i.code.includes("WARM_THROUGHPUT"))
    .map((i) => ({ code: i.code, path: i.path, severity: i.severity }));
}

const provisioned = (r: Loose, units: number, autoscaleMax?: number) => {
  const side = autoscaleMax
    ? { units, autoscaling: { minCapacity: units, maxCapacity: autoscaleMax, targetUtilization: 70 } }
    : { units };
  r.billing = { mode: "PROVISIONED", read: side, write: side };
  for (const gsi of r.globalSecondaryIndexes) {
    delete gsi.onDemandThroughput;
    gsi.capacity = { read: { units: 5 }, write: { units: 5 } };
  }
};

// [TF] warmThroughputSchema: IntAtLeast(12000) read, IntAtLeast(4000) write (the values a new
// table starts with, [DG] warm-throughput-scenarios); [DG] warm-throughput-scenarios, provisioned
// table: provisioned capacity above warm throughput raises it; [TF] CHANGELOG 6.13.0 added the block.
describe("warm throughput validation", () => {
  it.each([
    ["the minimums exactly", { readUnitsPerSecond: 12_000, writeUnitsPerSecond: 4_000 }, []],
    ["only a read value", { readUnitsPerSecond: 30_000 }, []],
    ["only a write value", { writeUnitsPerSecond: 10_000 }, []],
    [
      "read one below the minimum",
      { readUnitsPerSecond: 11_999, writeUnitsPerSecond: 4_000 },
      [{ code: "WARM_THROUGHPUT_READ_BELOW_MINIMUM", path: "warmThroughput.readUnitsPerSecond", severity: "error" }],
    ],
    [
      "write one below the minimum",
      { writeUnitsPerSecond: 3_999 },
      [{ code: "WARM_THROUGHPUT_WRITE_BELOW_MINIMUM", path: "warmThroughput.writeUnitsPerSecond", severity: "error" }],
    ],
    ["neither value", {}, [{ code: "WARM_THROUGHPUT_EMPTY", path: "warmThroughput", severity: "error" }]],
  ])("on the table: %s", (_name, warm, expected) => {
    expect(findings((r) => (r.warmThroughput = warm))).toEqual(expected);
  });

  it("checks each GSI's warm throughput at its own path", () => {
    expect(
      findings((r) => {
        r.globalSecondaryIndexes[1].warmThroughput = { readUnitsPerSecond: 100 };
      }),
    ).toEqual([
      {
        code: "WARM_THROUGHPUT_READ_BELOW_MINIMUM",
        path: "globalSecondaryIndexes[1].warmThroughput.readUnitsPerSecond",
        severity: "error",
      },
    ]);
  });

  it("refuses a warm value below the provisioned units (DynamoDB would raise it past the request)", () => {
    expect(
      findings((r) => {
        provisioned(r, 20_000);
        r.warmThroughput = { readUnitsPerSecond: 15_000, writeUnitsPerSecond: 20_000 };
      }).filter((f) => f.path.startsWith("warmThroughput")),
    ).toEqual([
      { code: "WARM_THROUGHPUT_BELOW_PROVISIONED", path: "warmThroughput.readUnitsPerSecond", severity: "error" },
    ]);
  });

  it("warns when auto scaling may raise capacity above the warm value", () => {
    expect(
      findings((r) => {
        provisioned(r, 100, 40_000);
        r.warmThroughput = { readUnitsPerSecond: 40_000, writeUnitsPerSecond: 4_000 };
      }).filter((f) => f.path.startsWith("warmThroughput")),
    ).toEqual([
      {
        code: "WARM_THROUGHPUT_BELOW_AUTOSCALING_MAX",
        path: "warmThroughput.writeUnitsPerSecond",
        severity: "warning",
      },
    ]);
  });

  it("refuses warm throughput under the hashicorp/aws 5 target, on the table and on a GSI", () => {
    const aws5 = policyWith((p) => (p.awsProviderMajor = 5));
    expect(
      findings((r) => {
        r.warmThroughput = { readUnitsPerSecond: 12_000 };
        r.globalSecondaryIndexes[0].warmThroughput = { writeUnitsPerSecond: 4_000 };
      }, aws5),
    ).toEqual([
      { code: "PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED", path: "warmThroughput", severity: "error" },
      {
        code: "PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED",
        path: "globalSecondaryIndexes[0].warmThroughput",
        severity: "error",
      },
    ]);
  });

  it("accepts a request without warm throughput, as before", () => {
    expect(findings(() => {})).toEqual([]);
  });
});
