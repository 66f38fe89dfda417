import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TableRequest, Workload } from "../request/schema";
import { compareAlternatives } from "./alternatives";
import { formatNumber, formatPrice } from "./format";
import { INCLUDE_SHARE_PER_ATTRIBUTE, KEY_ATTRIBUTE_BYTES } from "./index-projection";
import { DEFAULT_PRICE_LIST } from "./price-list";
import { priceRegions } from "./region-costs";
import type { CostEstimate, EstimateOptions, PriceList, WorkloadScenario } from "./types";
import { HOURS_PER_MONTH, ITEM_OVERHEAD_BYTES, SECONDS_PER_MONTH } from "./units";

/** Cross-Region transfer rate assumed when the caller gives none (USD per GB; not in AWS's DynamoDB price list). */
export const DEFAULT_DATA_TRANSFER_USD_PER_GB = 0.02;

/**
 * Estimates the monthly AWS cost of a parsed table request, Region by Region, from AWS's DynamoDB
 * price list. Every line item shows quantity, unit price and formula; the result carries the price
 * date, the assumptions made, and the same workload on the other billing mode and table class.
 *
 * When the request has no workload, the tier's default low / expected / high workloads are priced:
 * `range` holds the three totals and the line items are those of `options.workloadScenario`
 * (default "expected"). Pure: no I/O, runs in the browser.
 */
export function estimateCost(
  request: TableRequest,
  priceList: PriceList = DEFAULT_PRICE_LIST,
  options: EstimateOptions = {},
): CostEstimate {
  const transferUsdPerGb = validTransferRate(options.dataTransferUsdPerGb);
  let workload: Workload;
  let range: CostEstimate["range"];
  let scenario: CostEstimate["scenario"] = "request";
  if (request.workload) {
    workload = request.workload;
  } else {
    const defaults = options.defaultWorkload ?? DEFAULT_TIER_POLICY.tiers[request.tier].defaultWorkload;
    scenario = options.workloadScenario ?? "expected";
    workload = defaults[scenario];
    const totalOf = (s: WorkloadScenario) =>
      s === scenario
        ? undefined
        : priceRegions(request, defaults[s], priceList, transferUsdPerGb, false).totalMonthlyUsd;
    range = { low: totalOf("low") ?? 0, expected: totalOf("expected") ?? 0, high: totalOf("high") ?? 0 };
  }

  const priced = priceRegions(request, workload, priceList, transferUsdPerGb);
  if (range && scenario !== "request") range[scenario] = priced.totalMonthlyUsd;

  return {
    currency: "USD",
    pricesAsOf: priceList.publicationDate,
    priceSource: priceList.source,
    billingMode: request.billing.mode,
    tableClass: request.tableClass,
    workloadSource: request.workload ? "request" : "tier-default",
    scenario,
    workload,
    regions: priced.regions,
    totalMonthlyUsd: priced.totalMonthlyUsd,
    ...(range ? { range } : {}),
    alternatives: compareAlternatives(request, workload, priceList, transferUsdPerGb, priced),
    assumptions: assumptionsFor(request, priceList, transferUsdPerGb),
    warnings: priced.warnings,
  };
}

function validTransferRate(rate: number | undefined): number {
  if (rate === undefined) return DEFAULT_DATA_TRANSFER_USD_PER_GB;
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError("dataTransferUsdPerGb must be a finite number >= 0");
  return rate;
}

/** The rules and guesses behind the numbers, in the words a reviewer needs. */
function assumptionsFor(request: TableRequest, priceList: PriceList, transferUsdPerGb: number): string[] {
  const list = [
    `Prices: AWS's DynamoDB per-Region price list published ${priceList.publicationDate} (${priceList.source}). USD, before tax.`,
    "Free tier ignored: it is per account and Region (25 GB storage, 25 WCU and 25 RCU, 2.5 million stream reads), not per table.",
    `A month is ${HOURS_PER_MONTH} hours; per-second rates are multiplied by ${formatNumber(SECONDS_PER_MONTH)} seconds.`,
    "Writes use 1 write unit per 1 KB (1,024 bytes) of item, rounded up; transactional writes use twice that.",
    "Reads use 1 read unit per 4 KB of item, rounded up; eventually consistent reads use half, transactional reads twice.",
    "Every table write also writes every secondary index (the item carries the index keys), as a standard write of the projected size; an update that changes an index key (two index writes) is not modelled.",
    `Projected size: ALL = the whole item; KEYS_ONLY = ${KEY_ATTRIBUTE_BYTES} bytes per key attribute (table and index keys); INCLUDE = those keys plus ${INCLUDE_SHARE_PER_ATTRIBUTE * 100}% of the rest of the item per projected attribute; never more than the item. The request gives no attribute sizes, so these are estimates.`,
    `Storage: data GB x (item size + ${ITEM_OVERHEAD_BYTES} bytes per-item overhead) / item size, for the table and for each index (projected size + ${ITEM_OVERHEAD_BYTES} bytes); the same in every replica Region, at that Region's table class.`,
    "Storage is priced at the workload's current size; monthly growth adds to later months and is not in the total.",
    "Reads are priced as table reads; queries against an index are not priced separately. Reads split evenly over the ACTIVE Regions (the primary and ACTIVE replicas); STANDBY replicas serve none.",
    "Amounts are kept in full precision; only displays round (to cents).",
    "Not included: one-off restores and replica creation (billed like a restore), data export/import, DAX, Contributor Insights, Kinesis Data Streams, reserved capacity, internet data transfer, warm throughput.",
  ];
  if (request.billing.mode === "PROVISIONED") {
    list.push(
      "Provisioned capacity with auto scaling is priced at what the scaler holds for the average workload: ceil(average units per second / target utilisation), clamped to [min, max]. Peaks cost more; fixed capacity is priced as given.",
      "LSI writes consume the table's write capacity; a GSI's read capacity is priced as provisioned (or its auto-scaling minimum).",
    );
  } else {
    list.push("On-demand: every request is billed; no capacity is reserved.");
  }
  if (request.regions.replicas.length > 0) {
    list.push(
      "Global table: AWS bills every write as replicated write units (rWRU/rWCU) in every replica Region, the Region that took the write included; index writes stay standard units (AWS global tables billing).",
      `Cross-Region replication data transfer is NOT in AWS's DynamoDB price list: assumed ${formatPrice(transferUsdPerGb)} per GB (configurable), item size per write per destination Region, charged to the Region where the write was made; writes split evenly over the ACTIVE Regions; 1 GB = 1,073,741,824 bytes.`,
    );
  }
  if (request.regions.witness) {
    list.push(
      "MRSC witness Region: no witness price is published in AWS's DynamoDB price list; it is listed at $0 with a note.",
    );
  }
  if (request.pointInTimeRecovery.enabled || request.regions.replicas.some((r) => r.pointInTimeRecovery)) {
    list.push("PITR is priced on the table and LSI data (not GSIs) in each Region where it is on.");
  }
  if (request.backup?.enabled) {
    list.push(
      "AWS Backup warm storage is approximated by DynamoDB's on-demand backup storage price from AWS's DynamoDB price list (AWS Backup's own price is not in that file). Each backup is a full copy of the table and LSI data; retained backups = backups per day x retention days.",
    );
    if (request.backup.copyRegion) {
      list.push(
        `Copying backups to ${request.backup.copyRegion} is charged as cross-Region data transfer at the assumed ${formatPrice(transferUsdPerGb)} per GB (not in AWS's DynamoDB price list).`,
      );
    }
  }
  return list;
}
