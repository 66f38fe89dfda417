import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { TableRequest, Workload } from "../request/schema";
import { compareAlternatives } from "./alternatives";
import { describeShortfall, findCapacityShortfalls } from "./capacity-check";
import { formatNumber, formatPrice, formatUsd } from "./format";
import { INCLUDE_SHARE_PER_ATTRIBUTE, KEY_ATTRIBUTE_BYTES } from "./index-projection";
import { DEFAULT_PRICE_LIST, DEFAULT_RESERVED_PRICES, findRegionPrices } from "./price-list";
import { projectMonthlyCosts } from "./projection";
import { priceRegions, type RegionCostsResult } from "./region-costs";
import { estimateReservedCapacity } from "./reserved-capacity";
import type { CapacityShortfall, CostEstimate, EstimateOptions, PriceList, WorkloadScenario } from "./types";
import { GLOBAL_TABLE_ITEM_OVERHEAD_BYTES, HOURS_PER_MONTH, ITEM_OVERHEAD_BYTES, SECONDS_PER_MONTH } from "./units";
import { compareWhatIfs } from "./what-if";

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
  const shared = { profile: priced.profile, indexes: priced.indexes };
  const peakShortfalls = findCapacityShortfalls(request, workload, "peak", shared);
  const capacityShortfalls = [...findCapacityShortfalls(request, workload, "average", shared), ...peakShortfalls].map(
    (s) => priceShortfall(s, request, priced, priceList),
  );
  const warnings = [
    ...priced.warnings,
    ...capacityShortfalls
      .filter(
        (s) => s.basis === "average" || !capacityShortfalls.some((a) => a.basis === "average" && a.path === s.path),
      )
      .map((s) => describeShortfall(s, formatNumber) + shortfallPricing(s)),
  ];

  const estimate: CostEstimate = {
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
    alternatives: compareAlternatives(request, workload, priceList, transferUsdPerGb, priced, peakShortfalls),
    storage: priced.storage,
    capacityShortfalls,
    whatIf: compareWhatIfs(request, workload, priceList, transferUsdPerGb, priced),
    projection: projectMonthlyCosts(request, workload, priceList, transferUsdPerGb, priced),
    assumptions: assumptionsFor(request, priceList, transferUsdPerGb),
    warnings,
  };
  if (request.billing.mode === "PROVISIONED") {
    estimate.reservedCapacity = estimateReservedCapacity(
      priced.regions,
      request.billing.mode,
      priceList,
      options.reservedPrices ?? DEFAULT_RESERVED_PRICES,
    );
  }
  return estimate;
}

/**
 * What holding the capacity the demand needs would add per month (provisioned capacity only):
 * the missing units at each short Region's capacity price. On-demand maximums cost nothing to
 * raise, so they get no amount.
 */
function priceShortfall(
  s: CapacityShortfall,
  request: TableRequest,
  priced: RegionCostsResult,
  priceList: PriceList,
): CapacityShortfall {
  if (s.unit !== "RCU" && s.unit !== "WCU") return s;
  const isGlobal = request.regions.replicas.length > 0;
  const isTableWrite = s.unit === "WCU" && s.path.startsWith("billing.");
  let extra = 0;
  for (const region of s.regions) {
    const data = priced.regions.find((r) => r.region === region && (r.role === "PRIMARY" || r.role === "REPLICA"));
    const cls = data?.tableClass ? findRegionPrices(priceList, region)?.[data.tableClass] : undefined;
    if (!cls) continue;
    const hourly = s.unit === "RCU" ? cls.rcuHour : isGlobal && isTableWrite ? cls.replicatedWcuHour : cls.wcuHour;
    extra += Math.max(0, s.neededUnits - s.capacityUnits) * hourly * HOURS_PER_MONTH;
  }
  return { ...s, extraMonthlyUsd: extra };
}

function shortfallPricing(s: CapacityShortfall): string {
  if (s.extraMonthlyUsd === undefined) return "";
  const what =
    s.basis === "average"
      ? "The estimate prices the capacity the table can hold; holding what the demand needs"
      : "Raising the maximum to serve the peak costs nothing until the scaler uses it; holding it all month";
  return ` ${what} would add about ${formatUsd(s.extraMonthlyUsd)} a month.`;
}

function validTransferRate(rate: number | undefined): number {
  if (rate === undefined) return DEFAULT_DATA_TRANSFER_USD_PER_GB;
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError("dataTransferUsdPerGb must be a finite number >= 0");
  return rate;
}

/** Where the request pre-warms, in words: "the table (30,000 reads / 10,000 writes per second)". */
function warmThroughputRequested(request: TableRequest): string[] {
  const describe = (w: NonNullable<TableRequest["warmThroughput"]>) =>
    [
      w.readUnitsPerSecond !== undefined ? `${formatNumber(w.readUnitsPerSecond)} reads` : null,
      w.writeUnitsPerSecond !== undefined ? `${formatNumber(w.writeUnitsPerSecond)} writes` : null,
    ]
      .filter((x) => x !== null)
      .join(" / ");
  const out: string[] = [];
  if (request.warmThroughput) out.push(`the table (${describe(request.warmThroughput)} per second)`);
  for (const gsi of request.globalSecondaryIndexes) {
    if (gsi.warmThroughput) out.push(`index ${gsi.name} (${describe(gsi.warmThroughput)} per second)`);
  }
  return out;
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
    `Storage: each item is billed at its size plus AWS's ${ITEM_OVERHEAD_BYTES}-byte per-item overhead (${ITEM_OVERHEAD_BYTES + GLOBAL_TABLE_ITEM_OVERHEAD_BYTES} bytes on a global table), and each index entry at its projected size plus ${ITEM_OVERHEAD_BYTES} bytes ([DG] CapacityUnitCalculations; GSI and LSI storage). The data size is workload.itemCount x itemSizeBytes, or workload.storageGb of raw item data (1 GB = 1,073,741,824 bytes). Every item is assumed to be in every index; the same data is held in every replica Region, at that Region's table class.`,
    "Storage is priced at the workload's current size in the monthly total; the 12-month projection adds monthlyGrowthGb of raw data a month, with PITR and backups growing with it. Throughput stays as given.",
    "Reads are priced as table reads; queries against an index are not priced separately. Reads split as workload.readsPerSecondByRegion says; the rest evenly over the ACTIVE Regions (the primary and ACTIVE replicas); STANDBY replicas serve none unless named. A consistency mix weights each consistency's read units by its share.",
    "Amounts are kept in full precision; only displays round (to cents).",
    "Not included: one-off restores and replica creation (billed like a restore), data export/import, DAX, Contributor Insights, Kinesis Data Streams, internet data transfer, warm throughput. Reserved capacity is shown beside the total (provisioned tables), never in it.",
  ];
  if (request.billing.mode === "PROVISIONED") {
    list.push(
      "Provisioned capacity with auto scaling is priced at what the scaler holds for the average workload: ceil(average units per second / target utilisation), clamped to [min, max]. Peaks cost more; fixed capacity is priced as given. Demand above fixed capacity or the auto scaling maximum is throttled: the warnings say how much, and what holding the needed capacity would add.",
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
  const warm = warmThroughputRequested(request);
  if (warm.length > 0) {
    list.push(
      `Warm throughput (pre-warming) is requested for ${warm.join(", ")}: AWS charges once for raising it, but its price is not in AWS's DynamoDB price list this estimate uses, so it is NOT priced and is in no total here. Check the DynamoDB pricing page before approving.`,
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
