import type { TableRequest, Workload } from "../request/schema";
import { formatPercent } from "./format";
import { BYTES_PER_GB, readUnitsPerRead } from "./units";

/**
 * The workload as the pricing needs it: the data size however the request stated it (item count
 * or raw GB), the read units a read costs under the consistency mix, and the reads each Region
 * serves. One reading of the workload, shared by the line items, the capacity check and the
 * Infracost usage file, so they cannot disagree.
 */

/** How the request gave its data size. */
export type StorageSource = "itemCount" | "storageGb" | "none";

/** A Region that holds the table (the primary or a replica), with the reads it serves. */
export interface DataRegion {
  region: string;
  role: "PRIMARY" | "REPLICA";
  /** Index in `regions.replicas` for a replica (request paths point there). */
  replicaIndex?: number;
  tableClass: TableRequest["tableClass"];
  isActive: boolean;
  pitr: boolean;
  /** Provisioned read capacity override of this replica (fixed RCU). */
  readCapacityOverride?: number;
  /** On-demand read maximum override of this replica (RRU per second; -1 = none). */
  maxReadRequestUnitsOverride?: number;
  /** Average item reads per second served here. */
  readsPerSecond: number;
  /** Share of all reads served here (0-1); the peak is split the same way. */
  readShare: number;
}

export interface WorkloadProfile {
  workload: Workload;
  storageSource: StorageSource;
  /** Items in the table now (fractional when derived from storageGb). */
  itemCount: number;
  /** Raw item data now, GB of 1,073,741,824 bytes (no overhead, no indexes). */
  rawDataGb: number;
  /** Read units one average read costs, weighted by the consistency mix. */
  readUnitsPerRead: number;
  /** "eventual", "strong", "transactional" or "mix 80% eventual, 20% strong". */
  consistencyLabel: string;
  /** Every Region holding the table, primary first, with its reads. */
  regions: DataRegion[];
  activeRegionCount: number;
}

/** Raw data GB and item count from whichever measure the workload gives (itemCount wins when both are given). */
export function resolveDataSize(workload: Workload): { source: StorageSource; itemCount: number; rawDataGb: number } {
  const size = workload.itemSizeBytes;
  if (workload.itemCount !== undefined) {
    return {
      source: "itemCount",
      itemCount: workload.itemCount,
      rawDataGb: (workload.itemCount * size) / BYTES_PER_GB,
    };
  }
  if (workload.storageGb !== undefined) {
    return {
      source: "storageGb",
      itemCount: (workload.storageGb * BYTES_PER_GB) / size,
      rawDataGb: workload.storageGb,
    };
  }
  return { source: "none", itemCount: 0, rawDataGb: 0 };
}

/** The consistency words for descriptions. */
export function describeConsistency(workload: Workload): string {
  const mix = workload.readConsistencyMix;
  if (!mix) return workload.readConsistency.toLowerCase();
  const parts = (["eventual", "strong", "transactional"] as const)
    .filter((k) => mix[k] > 0)
    .map((k) => `${formatPercent(mix[k])} ${k}`);
  return parts.length > 0 ? `mix ${parts.join(", ")}` : workload.readConsistency.toLowerCase();
}

/**
 * Reads per second in each Region. Regions named in `readsPerSecondByRegion` get their figure;
 * what is left of `readsPerSecond` is split evenly over the ACTIVE Regions not named. STANDBY
 * replicas serve only what is named for them. Never negative, whatever the input.
 */
export function splitReads(request: TableRequest, workload: Workload): DataRegion[] {
  const pitr = request.pointInTimeRecovery.enabled;
  const regions: DataRegion[] = [
    {
      region: request.regions.primary,
      role: "PRIMARY",
      tableClass: request.tableClass,
      isActive: true,
      pitr,
      readsPerSecond: 0,
      readShare: 0,
    },
    ...request.regions.replicas.map(
      (r, i): DataRegion => ({
        region: r.region,
        role: "REPLICA",
        replicaIndex: i,
        tableClass: r.tableClass ?? request.tableClass,
        isActive: r.role === "ACTIVE",
        pitr: r.pointInTimeRecovery ?? pitr,
        readCapacityOverride: r.readCapacityOverride,
        maxReadRequestUnitsOverride: r.maxReadRequestUnitsOverride,
        readsPerSecond: 0,
        readShare: 0,
      }),
    ),
  ];
  const named: Partial<Record<string, number>> = workload.readsPerSecondByRegion ?? {};
  const givenFor = (region: string) => (Object.hasOwn(named, region) ? named[region] : undefined);
  let total = 0;
  const open: DataRegion[] = [];
  for (const r of regions) {
    const given = givenFor(r.region);
    if (given !== undefined) {
      r.readsPerSecond = given;
      total += given;
    } else if (r.isActive) {
      open.push(r);
    }
  }
  if (open.length > 0) {
    const rest = Math.max(0, workload.readsPerSecond - total);
    for (const r of open) r.readsPerSecond = rest / open.length;
    total += rest;
  }
  const activeCount = regions.filter((r) => r.isActive).length;
  for (const r of regions) {
    // With no reads at all, the peak still needs a split: evenly over the ACTIVE Regions.
    r.readShare = total > 0 ? r.readsPerSecond / total : r.isActive ? 1 / activeCount : 0;
  }
  return regions;
}

/** Reads the workload once for everything the estimate prices. */
export function profileWorkload(request: TableRequest, workload: Workload): WorkloadProfile {
  const size = resolveDataSize(workload);
  const regions = splitReads(request, workload);
  return {
    workload,
    storageSource: size.source,
    itemCount: size.itemCount,
    rawDataGb: size.rawDataGb,
    readUnitsPerRead: readUnitsPerRead(workload),
    consistencyLabel: describeConsistency(workload),
    regions,
    activeRegionCount: regions.filter((r) => r.isActive).length,
  };
}
