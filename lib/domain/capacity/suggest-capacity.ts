import type { Workload } from "../request/schema";

/**
 * Provisioned capacity from the expected workload, as the DynamoDB console's capacity calculator
 * works it out. Unit rules (shared/reference/pricing.md, "Unit rules", from the AWS documentation):
 * - a strongly consistent read of up to 4 KB uses 1 read unit, an eventually consistent read 0.5,
 *   a transactional read 2; item sizes round up to the next 4 KB;
 * - a write of up to 1 KB uses 1 write unit, a transactional write 2; sizes round up to the next KB;
 * - every GSI that projects the written item uses its own write units.
 * Limits (shared/reference/dynamodb-facts.md row 9): at least 1 unit; 40,000 per table and per
 * GSI by default (adjustable), so a larger need is flagged rather than silently capped.
 */

export const DEFAULT_TARGET_UTILIZATION = 70;
/** Default per-table and per-GSI quota for provisioned RCU and WCU (facts row 9). */
export const DEFAULT_CAPACITY_QUOTA = 40_000;

const READ_UNIT_BYTES = 4096;
const WRITE_UNIT_BYTES = 1024;
const READ_FACTOR: Record<Workload["readConsistency"], number> = { EVENTUAL: 0.5, STRONG: 1, TRANSACTIONAL: 2 };
const WRITE_FACTOR: Record<Workload["writeMode"], number> = { STANDARD: 1, TRANSACTIONAL: 2 };

export type CapacityWorkload = Pick<
  Workload,
  "readsPerSecond" | "writesPerSecond" | "itemSizeBytes" | "readConsistency" | "writeMode"
> &
  Partial<Pick<Workload, "peakReadsPerSecond" | "peakWritesPerSecond">>;

export interface CapacityNeed {
  /** Capacity units one operation uses. */
  unitsPerOperation: number;
  /** Units per second at the average and at the peak rate. */
  averageUnits: number;
  peakUnits: number;
  /** The peak was given; otherwise the average stands in for it. */
  isPeakGiven: boolean;
}

export interface CapacitySuggestion {
  /** The provisioned units to start with: the average need at the target utilisation. */
  units: number;
  autoscaling: { minCapacity: number; maxCapacity: number; targetUtilization: number };
  need: CapacityNeed;
  /** The peak needs more than the default quota (40,000): ask AWS for more, or go on-demand. */
  isAboveDefaultQuota: boolean;
}

export interface TableCapacitySuggestion {
  read: CapacitySuggestion;
  write: CapacitySuggestion;
}

/** Read units one read of an item of `itemSizeBytes` uses. */
export function readUnitsPerRead(itemSizeBytes: number, consistency: Workload["readConsistency"]): number {
  return Math.max(1, Math.ceil(itemSizeBytes / READ_UNIT_BYTES)) * READ_FACTOR[consistency];
}

/** Write units one write of an item of `itemSizeBytes` uses. */
export function writeUnitsPerWrite(itemSizeBytes: number, mode: Workload["writeMode"]): number {
  return Math.max(1, Math.ceil(itemSizeBytes / WRITE_UNIT_BYTES)) * WRITE_FACTOR[mode];
}

// Guards against float noise (0.1 * 3 = 0.30000000000000004 must not round up to 1 extra unit).
const ceilUnits = (value: number) => Math.max(1, Math.ceil(value - 1e-9));

function suggest(
  unitsPerOperation: number,
  averageRate: number,
  peakRate: number | undefined,
  targetUtilization: number,
): CapacitySuggestion {
  const averageUnits = unitsPerOperation * averageRate;
  const peakUnits = unitsPerOperation * Math.max(peakRate ?? averageRate, averageRate);
  const share = targetUtilization / 100;
  // Auto scaling keeps consumption near the target, so provision need / target.
  const minCapacity = ceilUnits(averageUnits / share);
  const maxCapacity = Math.max(minCapacity, ceilUnits(peakUnits / share));
  return {
    units: minCapacity,
    autoscaling: { minCapacity, maxCapacity, targetUtilization },
    need: { unitsPerOperation, averageUnits, peakUnits, isPeakGiven: peakRate !== undefined },
    isAboveDefaultQuota: maxCapacity > DEFAULT_CAPACITY_QUOTA,
  };
}

/**
 * Table read and write capacity with an auto scaling range that serves the peak at the target
 * utilisation. Pure: the form applies it in one click, the numbers are the same everywhere.
 */
export function suggestTableCapacity(
  workload: CapacityWorkload,
  targetUtilization = DEFAULT_TARGET_UTILIZATION,
): TableCapacitySuggestion {
  const target = Math.min(90, Math.max(20, targetUtilization));
  return {
    read: suggest(
      readUnitsPerRead(workload.itemSizeBytes, workload.readConsistency),
      workload.readsPerSecond,
      workload.peakReadsPerSecond,
      target,
    ),
    write: suggest(
      writeUnitsPerWrite(workload.itemSizeBytes, workload.writeMode),
      workload.writesPerSecond,
      workload.peakWritesPerSecond,
      target,
    ),
  };
}

/**
 * A GSI's capacity. Every table write that touches the index writes to it too; an index that
 * projects ALL attributes writes the whole item, KEYS_ONLY and INCLUDE are taken as one write
 * unit (their projected size is not in the workload). The workload does not say how reads split
 * between the table and its indexes, so each index is sized for the table's reads: lower it for
 * an index that is read less.
 */
export function suggestIndexCapacity(
  workload: CapacityWorkload,
  projection: "ALL" | "KEYS_ONLY" | "INCLUDE",
  targetUtilization = DEFAULT_TARGET_UTILIZATION,
): TableCapacitySuggestion {
  const table = suggestTableCapacity(workload, targetUtilization);
  if (projection === "ALL") return table;
  const projected = { ...workload, itemSizeBytes: Math.min(workload.itemSizeBytes, WRITE_UNIT_BYTES) };
  return { read: table.read, write: suggestTableCapacity(projected, targetUtilization).write };
}
