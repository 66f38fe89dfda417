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
/** Bytes in a GB for storage and data transfer (GiB, as AWS's byte-hour metering converts them; and as `workload.storageGb` is defined). */
export const BYTES_PER_GB = 1024 ** 3;
/**
 * Storage overhead AWS bills on every item (and every index entry): "All items in DynamoDB require
 * 100 bytes of storage overhead for indexing" ([DG] CapacityUnitCalculations, "DynamoDB item sizes
 * and formats").
 */
export const ITEM_OVERHEAD_BYTES = 100;
/** Extra per-item overhead of a global table's system attributes: "global tables requires an additional 48 bytes" (same page). */
export const GLOBAL_TABLE_ITEM_OVERHEAD_BYTES = 48;

/** Write units one standard write of an item of this size consumes: 1 per KB, rounded up. */
export function writeUnitsPerItem(itemSizeBytes: number): number {
  return Math.max(1, Math.ceil(itemSizeBytes / WRITE_UNIT_BYTES));
}

/** Write units per table write, doubled for transactional writes. */
export function writeUnitsPerWrite(workload: Workload): number {
  return writeUnitsPerItem(workload.itemSizeBytes) * (workload.writeMode === "TRANSACTIONAL" ? 2 : 1);
}

/** Read units of one read of an item of this size at one consistency: 1 per 4 KB rounded up; eventual 0.5x, transactional 2x. */
export function readUnitsAt(itemSizeBytes: number, consistency: Workload["readConsistency"]): number {
  const units = Math.max(1, Math.ceil(itemSizeBytes / READ_UNIT_BYTES));
  return units * (consistency === "EVENTUAL" ? 0.5 : consistency === "TRANSACTIONAL" ? 2 : 1);
}

/**
 * Read units per average read. With a consistency mix, each consistency's units weighted by its
 * share (shares are normalised, so a mix that does not add up to 100 still prices sensibly;
 * validation reports it). Without one, `readConsistency` for every read.
 */
export function readUnitsPerRead(workload: Workload): number {
  const size = workload.itemSizeBytes;
  const mix = workload.readConsistencyMix;
  const total = mix ? mix.eventual + mix.strong + mix.transactional : 0;
  if (!mix || !(total > 0)) return readUnitsAt(size, workload.readConsistency);
  return (
    (mix.eventual * readUnitsAt(size, "EVENTUAL") +
      mix.strong * readUnitsAt(size, "STRONG") +
      mix.transactional * readUnitsAt(size, "TRANSACTIONAL")) /
    total
  );
}
