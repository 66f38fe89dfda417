import type { Capacity, TableRequest, Workload } from "../request/schema";
import { formatPercent } from "./format";
import { type IndexShape, indexShapes } from "./index-projection";
import { capacityCeiling, capacityNeeded } from "./provisioned-capacity";
import type { CapacityShortfall } from "./types";
import { writeUnitsPerItem, writeUnitsPerWrite } from "./units";
import { profileWorkload, type WorkloadProfile } from "./workload-profile";

/**
 * Can the table's capacity serve the workload? Provisioned capacity can never go above its fixed
 * units or its auto scaling maximum, and an on-demand maximum caps request units per second: demand
 * above that is throttled ([DG] ProvisionedThroughput, "throttling"; OnDemandThroughput). Reads are
 * checked per Region (each replica has its own read capacity); writes in every Region (every
 * replica applies every write). LSI writes count against the table's write capacity.
 *
 * Validation warns about the peak (an error where the tier policy says so); the estimate reports
 * the shortfall at the average (what it prices) and at the peak, and never recommends a
 * configuration that falls short.
 */

type Segment = string | number;

/** `billing.read.autoscaling.maxCapacity`, `globalSecondaryIndexes[2].capacity.write.units`. */
function pathText(segments: readonly Segment[]): string {
  return segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

function capacityPath(base: readonly Segment[], spec: Capacity | undefined): string {
  if (!spec) return pathText(base);
  return pathText(spec.autoscaling ? [...base, "autoscaling", "maxCapacity"] : [...base, "units"]);
}

/** A per-second cap of an on-demand table or index; -1 or absent means none. */
function onDemandCap(value: number | undefined): number | undefined {
  return value === undefined || value < 0 ? undefined : value;
}

function shortfall(
  base: Omit<CapacityShortfall, "throttledPercent" | "basis">,
  basis: CapacityShortfall["basis"],
): CapacityShortfall {
  const throttledPercent =
    base.demandUnits > 0 ? Math.max(0, ((base.demandUnits - base.capacityUnits) / base.demandUnits) * 100) : 0;
  return { ...base, basis, throttledPercent };
}

/**
 * Every limit the workload's demand goes above, at its average or at its peak
 * (`peakReadsPerSecond` / `peakWritesPerSecond`, defaulting to the averages). Pure and cheap: the
 * alternatives call it for each configuration they compare.
 */
export function findCapacityShortfalls(
  request: TableRequest,
  workload: Workload,
  basis: CapacityShortfall["basis"],
  shared: { profile?: WorkloadProfile; indexes?: readonly IndexShape[] } = {},
): CapacityShortfall[] {
  const out: CapacityShortfall[] = [];
  const profile = shared.profile ?? profileWorkload(request, workload);
  const reads = basis === "peak" ? (workload.peakReadsPerSecond ?? workload.readsPerSecond) : workload.readsPerSecond;
  const writes =
    basis === "peak" ? (workload.peakWritesPerSecond ?? workload.writesPerSecond) : workload.writesPerSecond;
  const allRegions = profile.regions.map((r) => r.region);
  const indexes = shared.indexes ?? indexShapes(request, workload.itemSizeBytes);
  const provisioned = request.billing.mode === "PROVISIONED" ? request.billing : undefined;
  const onDemand = request.billing.mode === "PAY_PER_REQUEST" ? request.billing : undefined;

  // Reads: each Region serves its share of the reads with its own read capacity.
  const readShortByPath = new Map<string, CapacityShortfall>();
  const tableReadCap = onDemandCap(onDemand?.onDemandThroughput?.maxReadRequestUnits);
  for (const r of profile.regions) {
    const demand = reads * r.readShare * profile.readUnitsPerRead;
    if (!(demand > 0)) continue;
    // A replica override replaces the table's setting (an on-demand override of -1 removes the cap).
    const hasOverride = provisioned
      ? r.readCapacityOverride !== undefined
      : r.maxReadRequestUnitsOverride !== undefined;
    const limit = provisioned
      ? (r.readCapacityOverride ?? capacityCeiling(provisioned.read))
      : hasOverride
        ? onDemandCap(r.maxReadRequestUnitsOverride)
        : tableReadCap;
    if (limit === undefined || demand <= limit) continue;
    // Only a shortfall gets its words and path built: this runs for every configuration compared.
    const replicaPath = (field: string) => pathText(["regions", "replicas", r.replicaIndex ?? 0, field]);
    let path: string;
    let target: string;
    let needed = Math.ceil(demand);
    if (provisioned && hasOverride) {
      path = replicaPath("readCapacityOverride");
      target = `read capacity override of the ${r.region} replica`;
    } else if (provisioned) {
      path = capacityPath(["billing", "read"], provisioned.read);
      if (basis === "average") needed = capacityNeeded(provisioned.read, demand);
      target = provisioned.read.autoscaling ? "table read auto scaling maximum" : "table read capacity (fixed)";
    } else if (hasOverride) {
      path = replicaPath("maxReadRequestUnitsOverride");
      target = `on-demand read maximum of the ${r.region} replica`;
    } else {
      path = "billing.onDemandThroughput.maxReadRequestUnits";
      target = "table on-demand read maximum";
    }
    const unit: CapacityShortfall["unit"] = provisioned ? "RCU" : "RRU/s";
    const existing = readShortByPath.get(path);
    if (existing) {
      existing.regions.push(r.region);
      if (demand > existing.demandUnits) {
        Object.assign(existing, shortfall({ ...existing, demandUnits: demand, neededUnits: needed }, basis));
      }
      continue;
    }
    const found = shortfall(
      { path, target, regions: [r.region], unit, demandUnits: demand, capacityUnits: limit, neededUnits: needed },
      basis,
    );
    readShortByPath.set(path, found);
    out.push(found);
  }

  // Writes: every Region applies every write; LSI writes use the table's write capacity.
  let lsiUnits = 0;
  for (const ix of indexes) if (ix.kind === "LSI") lsiUnits += writeUnitsPerItem(ix.projectedBytes);
  const tableWriteDemand = writes * (writeUnitsPerWrite(workload) + lsiUnits);
  if (tableWriteDemand > 0) {
    if (provisioned) {
      const limit = capacityCeiling(provisioned.write);
      if (tableWriteDemand > limit) {
        out.push(
          shortfall(
            {
              path: capacityPath(["billing", "write"], provisioned.write),
              target: provisioned.write.autoscaling
                ? "table write auto scaling maximum"
                : "table write capacity (fixed)",
              regions: allRegions,
              unit: "WCU",
              demandUnits: tableWriteDemand,
              capacityUnits: limit,
              neededUnits:
                basis === "peak" ? Math.ceil(tableWriteDemand) : capacityNeeded(provisioned.write, tableWriteDemand),
            },
            basis,
          ),
        );
      }
    } else {
      const limit = onDemandCap(onDemand?.onDemandThroughput?.maxWriteRequestUnits);
      if (limit !== undefined && tableWriteDemand > limit) {
        out.push(
          shortfall(
            {
              path: "billing.onDemandThroughput.maxWriteRequestUnits",
              target: "table on-demand write maximum",
              regions: allRegions,
              unit: "WRU/s",
              demandUnits: tableWriteDemand,
              capacityUnits: limit,
              neededUnits: Math.ceil(tableWriteDemand),
            },
            basis,
          ),
        );
      }
    }
  }
  request.globalSecondaryIndexes.forEach((gsi, i) => {
    const shape = indexes[i];
    if (!shape) return;
    const demand = writes * writeUnitsPerItem(shape.projectedBytes);
    if (!(demand > 0)) return;
    const base: Segment[] = ["globalSecondaryIndexes", i];
    if (provisioned) {
      const spec = gsi.capacity?.write;
      const limit = capacityCeiling(spec);
      if (demand <= limit) return;
      out.push(
        shortfall(
          {
            path: capacityPath([...base, "capacity", "write"], spec),
            target: `GSI ${gsi.name} write ${spec?.autoscaling || !spec ? "auto scaling maximum" : "capacity (fixed)"}`,
            regions: allRegions,
            unit: "WCU",
            demandUnits: demand,
            capacityUnits: limit,
            neededUnits: basis === "peak" ? Math.ceil(demand) : capacityNeeded(spec, demand),
          },
          basis,
        ),
      );
    } else {
      const limit = onDemandCap(gsi.onDemandThroughput?.maxWriteRequestUnits);
      if (limit === undefined || demand <= limit) return;
      out.push(
        shortfall(
          {
            path: pathText([...base, "onDemandThroughput", "maxWriteRequestUnits"]),
            target: `GSI ${gsi.name} on-demand write maximum`,
            regions: allRegions,
            unit: "WRU/s",
            demandUnits: demand,
            capacityUnits: limit,
            neededUnits: Math.ceil(demand),
          },
          basis,
        ),
      );
    }
  });
  return out;
}

/** One sentence a person can act on: what falls short, by how much, and what would serve it. */
export function describeShortfall(s: CapacityShortfall, format: (n: number) => string): string {
  const where = s.regions.length > 1 ? `in ${s.regions.length} Regions` : `in ${s.regions[0]}`;
  const demand = s.basis === "peak" ? "Peak demand" : "Average demand";
  return `${demand} of ${format(s.demandUnits)} ${s.unit} ${where} is above the ${s.target} of ${format(s.capacityUnits)} ${s.unit}: ${formatPercent(s.throttledPercent)} of it would be throttled. Serving it needs ${format(s.neededUnits)} ${s.unit}.`;
}
