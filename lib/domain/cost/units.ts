import type { Workload } from "../request/schema";

/**
 * AWS's unit rules for DynamoDB (developer guide; ../shared/reference/pricing.md), in one place so
 * every line item and test uses the same arithmetic.
 */

/** AWS prices a month as 730 hours. */
export const HOURS_PER_MONTH = 730;
/** Seconds in a 730-hour month: per-second rates times this give monthly counts. */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Days in a 730-hour month (for daily backup schedules). */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
/** A write unit covers 1 KB; a read unit 4 KB. KB = 1,024 bytes. */
export const WRITE_UNIT_BYTES = 1024;
export const READ_UNIT_BYTES = 4096;
/** Bytes in a GB for data transfer (GiB, like AWS's byte-hour metering). */
export const BYTES_PER_GB = 1024 ** 3;
/** Storage overhead AWS adds to every item (and every index entry). */
export const ITEM_OVERHEAD_BYTES = 100;

/** Write units one standard write of an item of this size consumes: 1 per KB, rounded up. */
export function writeUnitsPerItem(itemSizeBytes: number): number {
  return Math.max(1, Math.ceil(itemSizeBytes / WRITE_UNIT_BYTES));
}

/** Write units per table write, doubled for transactional writes. */
export function writeUnitsPerWrite(workload: Workload): number {
  return writeUnitsPerItem(workload.itemSizeBytes) * (workload.writeMode === "TRANSACTIONAL" ? 2 : 1);
}

/** Read units per read: 1 per 4 KB rounded up; eventually consistent 0.5x, transactional 2x. */
export function readUnitsPerRead(workload: Workload): number {
  const units = Math.max(1, Math.ceil(workload.itemSizeBytes / READ_UNIT_BYTES));
  const factor = workload.readConsistency === "EVENTUAL" ? 0.5 : workload.readConsistency === "TRANSACTIONAL" ? 2 : 1;
  return units * factor;
}
