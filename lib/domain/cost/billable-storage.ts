import type { TableRequest } from "../request/schema";
import { formatNumber } from "./format";
import type { IndexShape } from "./index-projection";
import type { BillableStorage, BillableStorageEntry } from "./types";
import { BYTES_PER_GB, GLOBAL_TABLE_ITEM_OVERHEAD_BYTES, ITEM_OVERHEAD_BYTES } from "./units";
import type { WorkloadProfile } from "./workload-profile";

/**
 * What AWS bills as storage for the workload's data, per table and per index, in one Region (every
 * replica Region holds the same). Billable bytes per item are the item size plus AWS's per-item
 * overhead: 100 bytes, plus 48 on a global table ([DG] CapacityUnitCalculations). Each secondary
 * index stores its own entry per item: the projected bytes plus 100 bytes ([DG] GSI and LSI
 * "storage considerations"). Every item is assumed to appear in every index (no sparse indexes).
 */
export function computeBillableStorage(
  request: TableRequest,
  profile: WorkloadProfile,
  indexes: readonly IndexShape[],
  rawDataGb: number = profile.rawDataGb,
  detail = true,
): BillableStorage {
  const size = profile.workload.itemSizeBytes;
  // The item count follows the data size (the projection grows the data at a constant item size).
  const itemCount = (rawDataGb * BYTES_PER_GB) / size;
  const isGlobal = request.regions.replicas.length > 0;
  const tableOverhead = ITEM_OVERHEAD_BYTES + (isGlobal ? GLOBAL_TABLE_ITEM_OVERHEAD_BYTES : 0);
  const f = detail ? formatNumber : () => "";
  const formulaFor = (bytes: number, overhead: number, gb: number): string => {
    if (!detail) return "";
    if (profile.storageSource === "itemCount") {
      return `${f(itemCount)} items x (${f(bytes)} + ${overhead} bytes overhead) / 1,073,741,824 = ${f(gb)} GB`;
    }
    return `${f(rawDataGb)} GB x (${f(bytes)} + ${overhead} bytes overhead) / ${f(size)} bytes per item = ${f(gb)} GB`;
  };
  const tableGb = (itemCount * (size + tableOverhead)) / BYTES_PER_GB;
  const entries: BillableStorageEntry[] = [
    {
      kind: "TABLE",
      name: request.tableName,
      bytesPerItem: size,
      overheadBytesPerItem: tableOverhead,
      billableGb: tableGb,
      formula: formulaFor(size, tableOverhead, tableGb),
    },
  ];
  let backedUpGb = tableGb;
  let totalGb = tableGb;
  for (const ix of indexes) {
    const gb = (itemCount * (ix.projectedBytes + ITEM_OVERHEAD_BYTES)) / BYTES_PER_GB;
    totalGb += gb;
    // PITR and backups cover the table and its LSIs, not GSIs (AWS backup billing).
    if (ix.kind === "LSI") backedUpGb += gb;
    entries.push({
      kind: ix.kind,
      name: ix.name,
      projection: ix.projection,
      bytesPerItem: ix.projectedBytes,
      overheadBytesPerItem: ITEM_OVERHEAD_BYTES,
      billableGb: gb,
      formula: formulaFor(ix.projectedBytes, ITEM_OVERHEAD_BYTES, gb),
    });
  }
  return {
    source: profile.storageSource,
    itemCount,
    itemSizeBytes: size,
    rawDataGb,
    entries,
    billableGbPerRegion: totalGb,
    backedUpGbPerRegion: backedUpGb,
    regionCount: 1 + request.regions.replicas.length,
  };
}
