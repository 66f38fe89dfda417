import type { RegionPrices } from "../types";
import { SECONDS_PER_MONTH } from "../units";
import type { LineTemplate, PricingInput } from "./line-template";

/**
 * DynamoDB Streams GetRecords calls by the workload's own consumers, charged in the primary Region.
 * Lambda triggers and global table replication read the stream for free, so only
 * `streamReadsPerSecond` is priced. Adds a note (and a warning) when it cannot be priced.
 */
export function buildStreamLines(
  input: PricingInput,
  prices: RegionPrices,
  notes: string[],
  warnings: string[],
): LineTemplate[] {
  const { request, detail, f } = input;
  const streamReads = input.profile.workload.streamReadsPerSecond ?? 0;
  if (!(streamReads > 0)) return [];
  // Global tables always have a stream; replication's own reads of it are free.
  const streamOn = request.stream?.enabled === true || request.regions.replicas.length > 0;
  if (!streamOn) {
    notes.push("The workload gives stream reads but the stream is off; they are not priced.");
    return [];
  }
  if (prices.streamsReadPer100k === null) {
    notes.push(`AWS publishes no DynamoDB Streams price for ${request.regions.primary}; stream reads are not priced.`);
    warnings.push(`Stream reads in ${request.regions.primary} are not priced: AWS publishes no Streams price there.`);
    return [];
  }
  const units = (streamReads * SECONDS_PER_MONTH) / 1e5;
  return [
    {
      component: "stream-read-request-units",
      quantity: units,
      unit: "100k stream RRU",
      fixedPrice: prices.streamsReadPer100k,
      group: "other",
      description: "DynamoDB Streams GetRecords calls (Lambda triggers and replication read free)",
      formula: detail ? `${f(streamReads)} GetRecords/s x ${f(SECONDS_PER_MONTH)} s / 100,000 = ${f(units)}` : "",
    },
  ];
}
