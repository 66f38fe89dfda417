import type { TableRequest, Workload } from "../request/schema";
import { formatUsd } from "./format";
import { capacityNeeded } from "./provisioned-capacity";
import { priceRegions, type RegionCostsResult, repriceTableClass } from "./region-costs";
import type { PriceList, WhatIfComparison } from "./types";

/**
 * Prices changes the generated module cannot express yet, as labelled comparisons: the renderer
 * refuses a per-replica table class and per-replica read capacity (the provider's `replica` block
 * has neither), yet both are real cost levers, above all for a standby replica. Each Region's cost
 * depends only on its own settings, so one extra totals-only pass per lever gives every Region's
 * difference; a comparison never changes the estimate itself.
 */

const TABLE_CLASS_REASON =
  "The module cannot set a table class per replica: the provider's `replica` block has no table class (PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED). A comparison only.";
const READ_CAPACITY_REASON =
  "The module cannot set read capacity per replica: neither `replica` blocks nor aws_dynamodb_table_replica express it (PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED). A comparison only.";

function regionDelta(current: RegionCostsResult, changed: Pick<RegionCostsResult, "regions">, region: string) {
  const before = current.regions.find((r) => r.region === region)?.monthlyUsd ?? 0;
  const after = changed.regions.find((r) => r.region === region)?.monthlyUsd ?? before;
  return { region, monthlyUsd: after, differenceUsd: after - before };
}

function comparison(
  current: RegionCostsResult,
  fields: Omit<WhatIfComparison, "totalMonthlyUsd" | "differenceUsd">,
): WhatIfComparison {
  const differenceUsd = fields.regions.reduce((s, r) => s + r.differenceUsd, 0);
  return { ...fields, totalMonthlyUsd: current.totalMonthlyUsd + differenceUsd, differenceUsd };
}

/** Per-replica Standard-IA and replica read capacity sized to each replica's reads, against `current`. */
export function compareWhatIfs(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  transferUsdPerGb: number,
  current: RegionCostsResult,
): WhatIfComparison[] {
  const replicas = request.regions.replicas;
  if (replicas.length === 0) return [];
  const out: WhatIfComparison[] = [];

  const onStandard = replicas.filter((r) => (r.tableClass ?? request.tableClass) === "STANDARD");
  if (onStandard.length > 0) {
    // The table class changes prices, never quantities: reprice instead of another pass.
    const ia = repriceTableClass(current, priceList, (region, cls) =>
      region === request.regions.primary ? cls : "STANDARD_INFREQUENT_ACCESS",
    );
    const deltas = onStandard.map((r) => ({ replica: r, delta: regionDelta(current, ia, r.region) }));
    for (const { replica, delta } of deltas) {
      const role = replica.role === "STANDBY" ? "standby" : "active";
      out.push(
        comparison(current, {
          id: `replica-standard-ia:${replica.region}`,
          label: `${replica.region} (${role} replica) on Standard-IA`,
          description: `The ${replica.region} replica on Standard-IA, everything else as requested. Standard-IA storage is cheaper and its reads and writes dearer: here it ${delta.differenceUsd < 0 ? "saves" : "adds"} ${formatUsd(Math.abs(delta.differenceUsd))} a month.`,
          notInModule: TABLE_CLASS_REASON,
          regions: [delta],
        }),
      );
    }
    if (deltas.length > 1) {
      out.push(
        comparison(current, {
          id: "replica-standard-ia:all",
          label: "Every replica on Standard-IA (the primary as requested)",
          description: "All replicas on Standard-IA; the primary keeps its class.",
          notInModule: TABLE_CLASS_REASON,
          regions: deltas.map((d) => d.delta),
        }),
      );
    }
  }

  if (request.billing.mode === "PROVISIONED") {
    const read = request.billing.read;
    const reads = new Map(current.profile.regions.map((r) => [r.region, r.readsPerSecond]));
    const ruPerRead = current.profile.readUnitsPerRead;
    const sized = replicas.map((r) =>
      r.readCapacityOverride !== undefined
        ? r
        : { ...r, readCapacityOverride: Math.max(1, capacityNeeded(read, (reads.get(r.region) ?? 0) * ruPerRead)) },
    );
    const changed = priceRegions(
      { ...request, regions: { ...request.regions, replicas: sized } },
      workload,
      priceList,
      transferUsdPerGb,
      false,
    );
    const deltas = replicas
      .filter((r) => r.readCapacityOverride === undefined)
      .map((r) => regionDelta(current, changed, r.region))
      .filter((d) => Math.abs(d.differenceUsd) >= 0.005);
    if (deltas.length > 0) {
      out.push(
        comparison(current, {
          id: "replica-read-capacity",
          label: "Replica read capacity sized to each replica's own reads",
          description:
            "Each replica holds only the read capacity its own reads need (at least 1 RCU; a standby serves none) instead of the table's read settings. A failover must then scale the standby up before it takes the reads.",
          notInModule: READ_CAPACITY_REASON,
          regions: deltas,
        }),
      );
    }
  }
  return out;
}
