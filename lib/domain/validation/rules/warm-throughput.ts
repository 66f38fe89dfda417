import type { WarmThroughput } from "../../request/schema";
import type { RuleContext } from "./context";

type Path = (string | number)[];

/**
 * The values every new table and index starts with, which are also the provider's minimums
 * ([TF] warmThroughputSchema: IntAtLeast(12000) / IntAtLeast(4000); [DG] warm-throughput-scenarios).
 */
export const MIN_WARM_READ_UNITS_PER_SECOND = 12_000;
export const MIN_WARM_WRITE_UNITS_PER_SECOND = 4_000;

interface ProvisionedSide {
  units: number;
  autoscaling?: { maxCapacity: number };
}

function checkOne(
  { report }: RuleContext,
  warm: WarmThroughput,
  path: Path,
  provisioned: { read: ProvisionedSide; write: ProvisionedSide } | undefined,
): void {
  const { readUnitsPerSecond: read, writeUnitsPerSecond: write } = warm;
  if (read === undefined && write === undefined) {
    report.add(
      "WARM_THROUGHPUT_EMPTY",
      path,
      "Give read or write units per second (or both), or leave warm throughput out to keep what DynamoDB manages.",
    );
    return;
  }
  const sides = [
    ["readUnitsPerSecond", read, MIN_WARM_READ_UNITS_PER_SECOND, "WARM_THROUGHPUT_READ_BELOW_MINIMUM", "read"],
    ["writeUnitsPerSecond", write, MIN_WARM_WRITE_UNITS_PER_SECOND, "WARM_THROUGHPUT_WRITE_BELOW_MINIMUM", "write"],
  ] as const;
  for (const [field, value, minimum, code, side] of sides) {
    if (value === undefined) continue;
    if (value < minimum) {
      report.add(
        code,
        [...path, field],
        `Warm ${side} throughput must be at least ${minimum.toLocaleString("en-US")} units per second (every table starts there); it is ${value.toLocaleString("en-US")}.`,
      );
      continue;
    }
    const capacity = provisioned?.[side];
    if (!capacity) continue;
    // [DG] warm-throughput-scenarios: provisioned capacity above the warm value raises it, and a
    // later apply of the lower requested value is a decrease, which DynamoDB refuses.
    if (value < capacity.units) {
      report.add(
        "WARM_THROUGHPUT_BELOW_PROVISIONED",
        [...path, field],
        `Warm ${side} throughput ${value.toLocaleString("en-US")} is below the ${capacity.units.toLocaleString("en-US")} provisioned units: DynamoDB raises it to the provisioned value, and the next apply would then ask for a decrease, which DynamoDB refuses. Ask for at least ${capacity.units.toLocaleString("en-US")}.`,
      );
    } else if (capacity.autoscaling && value < capacity.autoscaling.maxCapacity) {
      report.add(
        "WARM_THROUGHPUT_BELOW_AUTOSCALING_MAX",
        [...path, field],
        `Auto scaling may raise ${side} capacity to ${capacity.autoscaling.maxCapacity.toLocaleString("en-US")}, above this warm throughput; DynamoDB then raises warm throughput too, and this request becomes a decrease it refuses. Raise it to the live value when the drift check reports it.`,
      );
    }
  }
}

/**
 * Warm throughput on the table and on each GSI: AWS's minimums, and values that DynamoDB itself
 * would raise past the request (provisioned capacity), which would turn the next apply into a
 * refused decrease. A decrease against the live table is the operation plan's to refuse.
 */
export function checkWarmThroughput(context: RuleContext): void {
  const { request, report, policy } = context;
  const billing = request.billing;
  const tableProvisioned = billing.mode === "PROVISIONED" ? { read: billing.read, write: billing.write } : undefined;
  const used: Path[] = [];
  if (request.warmThroughput) {
    used.push(["warmThroughput"]);
    checkOne(context, request.warmThroughput, ["warmThroughput"], tableProvisioned);
  }
  request.globalSecondaryIndexes.forEach((gsi, i) => {
    if (!gsi.warmThroughput) return;
    const path: Path = ["globalSecondaryIndexes", i, "warmThroughput"];
    used.push(path);
    checkOne(context, gsi.warmThroughput, path, billing.mode === "PROVISIONED" ? gsi.capacity : undefined);
  });
  // aws 5.100's schema has no warm_throughput (added in 6.13.0, [TF] CHANGELOG).
  if (policy.awsProviderMajor === 5) {
    for (const path of used) {
      report.add(
        "PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED",
        path,
        "The platform targets hashicorp/aws 5.x, which has no warm_throughput block (it arrived in 6.13.0). Leave warm throughput out, or ask the platform team for the 6.x target.",
      );
    }
  }
}
