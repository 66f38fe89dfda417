import type { Projection, TableRequest } from "../request/schema";

/**
 * How many bytes of an item an index stores, for GSI write units and index storage. The request
 * gives no attribute sizes, so KEYS_ONLY and INCLUDE are estimates; the assumptions say so.
 */

/** Assumed size of one key attribute (name + value) when the request gives no attribute sizes. */
export const KEY_ATTRIBUTE_BYTES = 64;
/** Share of the item's non-key bytes assumed per projected non-key attribute (INCLUDE). */
export const INCLUDE_SHARE_PER_ATTRIBUTE = 0.1;

/** An index as the estimate sees it. */
export interface IndexShape {
  kind: "GSI" | "LSI";
  name: string;
  projection: Projection["type"];
  /** Bytes of the item this index stores per entry (before the 100-byte overhead). */
  projectedBytes: number;
  /** Present for GSIs: provisioned capacity from the request. */
  capacity?: TableRequest["globalSecondaryIndexes"][number]["capacity"];
}

/** Bytes projected into an index: ALL = item; KEYS_ONLY = keys; INCLUDE = keys + share per attribute. */
export function projectedBytes(itemSizeBytes: number, projection: Projection, keyAttributeCount: number): number {
  const keys = Math.min(itemSizeBytes, keyAttributeCount * KEY_ATTRIBUTE_BYTES);
  if (projection.type === "ALL") return itemSizeBytes;
  if (projection.type === "KEYS_ONLY") return keys;
  const share = Math.min(1, (projection.nonKeyAttributes?.length ?? 0) * INCLUDE_SHARE_PER_ATTRIBUTE);
  return Math.min(itemSizeBytes, keys + (itemSizeBytes - keys) * share);
}

/** Every index of the request with its projected size for this item size. */
export function indexShapes(request: TableRequest, itemSizeBytes: number): IndexShape[] {
  const tableKeys = [request.partitionKey.name, request.sortKey?.name].filter((n): n is string => !!n);
  // Distinct key attributes (table keys plus the index's own), without allocating a Set per index.
  const count = (extra: (string | undefined)[]) => {
    const seen = [...tableKeys];
    for (const name of extra) if (name && !seen.includes(name)) seen.push(name);
    return seen.length;
  };
  const gsis: IndexShape[] = request.globalSecondaryIndexes.map((gsi) => ({
    kind: "GSI",
    name: gsi.name,
    projection: gsi.projection.type,
    projectedBytes: projectedBytes(itemSizeBytes, gsi.projection, count([gsi.partitionKey.name, gsi.sortKey?.name])),
    capacity: gsi.capacity,
  }));
  const lsis: IndexShape[] = request.localSecondaryIndexes.map((lsi) => ({
    kind: "LSI",
    name: lsi.name,
    projection: lsi.projection.type,
    projectedBytes: projectedBytes(itemSizeBytes, lsi.projection, count([lsi.sortKey.name])),
  }));
  return [...gsis, ...lsis];
}
