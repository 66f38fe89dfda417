import type { TableClass, TableRequest, Workload } from "../request/schema";
import { formatNumber, formatPrice, formatUsd } from "./format";
import { indexShapes } from "./index-projection";
import { findRegionPrices } from "./price-list";
import { ASSUMED_AUTOSCALING } from "./provisioned-capacity";
import { priceRegions, type RegionCostsResult } from "./region-costs";
import type { BillingMode, CostAlternative, CostAlternatives, PriceList } from "./types";
import { ITEM_OVERHEAD_BYTES } from "./units";

/**
 * The same workload on the other billing mode and the other table class, the cheapest of them, and
 * the break-even points that say how far the workload is from flipping the answer.
 */

const otherClass = (c: TableClass): TableClass => (c === "STANDARD" ? "STANDARD_INFREQUENT_ACCESS" : "STANDARD");

/** The request re-shaped to a billing mode and one table class for every Region. */
function reshape(request: TableRequest, billingMode: BillingMode, tableClass: TableClass): TableRequest {
  const billing: TableRequest["billing"] =
    billingMode === request.billing.mode
      ? request.billing
      : billingMode === "PAY_PER_REQUEST"
        ? { mode: "PAY_PER_REQUEST" }
        : {
            mode: "PROVISIONED",
            read: { units: ASSUMED_AUTOSCALING.minCapacity, autoscaling: { ...ASSUMED_AUTOSCALING } },
            write: { units: ASSUMED_AUTOSCALING.minCapacity, autoscaling: { ...ASSUMED_AUTOSCALING } },
          };
  const replicas = request.regions.replicas.map((r) => (r.tableClass === undefined ? r : { ...r, tableClass }));
  return { ...request, billing, tableClass, regions: { ...request.regions, replicas } };
}

/** Builds the alternatives for the estimate of `request` whose total is `currentTotal`. */
export function compareAlternatives(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  transferUsdPerGb: number,
  current: RegionCostsResult,
): CostAlternatives {
  const currentTotal = current.totalMonthlyUsd;
  const currentMode = request.billing.mode;
  const otherMode: BillingMode = currentMode === "PAY_PER_REQUEST" ? "PROVISIONED" : "PAY_PER_REQUEST";
  const cache = new Map<string, RegionCostsResult>();
  // Totals only (no line items or formulas): three or four extra passes must stay cheap.
  const price = (mode: BillingMode, cls: TableClass): RegionCostsResult => {
    const key = `${mode}/${cls}`;
    let result = cache.get(key);
    if (!result) {
      result = priceRegions(reshape(request, mode, cls), workload, priceList, transferUsdPerGb, false);
      cache.set(key, result);
    }
    return result;
  };
  // The requested configuration is one of the four unless replicas override the class differently.
  if (request.regions.replicas.every((r) => r.tableClass === undefined || r.tableClass === request.tableClass)) {
    cache.set(`${currentMode}/${request.tableClass}`, current);
  }

  const combos: [BillingMode, TableClass][] = [
    [otherMode, request.tableClass],
    [currentMode, otherClass(request.tableClass)],
    [otherMode, otherClass(request.tableClass)],
  ];
  const assumedNote =
    currentMode === "PAY_PER_REQUEST"
      ? `PROVISIONED sized with assumed auto scaling: ${ASSUMED_AUTOSCALING.targetUtilization}% target, min ${ASSUMED_AUTOSCALING.minCapacity}, for the average workload.`
      : undefined;
  const options: CostAlternative[] = [
    {
      billingMode: currentMode,
      tableClass: request.tableClass,
      totalMonthlyUsd: currentTotal,
      differenceUsd: 0,
      isCurrent: true,
    },
    ...combos.map(([mode, cls]): CostAlternative => {
      const t = price(mode, cls).totalMonthlyUsd;
      const option: CostAlternative = {
        billingMode: mode,
        tableClass: cls,
        totalMonthlyUsd: t,
        differenceUsd: t - currentTotal,
        isCurrent: false,
      };
      if (mode === "PROVISIONED" && assumedNote) option.note = assumedNote;
      return option;
    }),
  ];
  // Ties keep the requested configuration: switching for a rounding error is not advice.
  const best = options.reduce((a, b) => (b.totalMonthlyUsd < a.totalMonthlyUsd - 0.005 ? b : a));
  const recommended = {
    billingMode: best.billingMode,
    tableClass: best.tableClass,
    reason: best.isCurrent
      ? "The requested billing mode and table class are already the cheapest for this workload."
      : `${best.billingMode} with ${best.tableClass} saves ${formatUsd(-best.differenceUsd)} a month for this workload.`,
  };

  return {
    options,
    recommended,
    billingModeBreakEven: billingBreakEven(request, priceList),
    tableClassBreakEven: classBreakEven(
      request,
      workload,
      priceList,
      price(currentMode, "STANDARD"),
      price(currentMode, "STANDARD_INFREQUENT_ACCESS"),
    ),
  };
}

/** Utilisation above which a provisioned unit costs less than the same work on-demand: hourly price / (3,600 x per-request price). */
function billingBreakEven(request: TableRequest, priceList: PriceList): CostAlternatives["billingModeBreakEven"] {
  const region = request.regions.primary;
  const tableClass = request.tableClass;
  const cls = findRegionPrices(priceList, region)?.[tableClass];
  if (!cls) {
    return {
      region,
      tableClass,
      writeUtilizationPercent: Number.NaN,
      readUtilizationPercent: Number.NaN,
      explanation: `No prices for ${region}.`,
    };
  }
  const write = (cls.wcuHour / ((3600 * cls.writeRequestPerMillion) / 1e6)) * 100;
  const read = (cls.rcuHour / ((3600 * cls.readRequestPerMillion) / 1e6)) * 100;
  return {
    region,
    tableClass,
    writeUtilizationPercent: write,
    readUtilizationPercent: read,
    explanation:
      `In ${region} (${tableClass}) one WCU-hour costs ${formatPrice(cls.wcuHour)} and can serve 3,600 write units; on-demand charges ${formatPrice(cls.writeRequestPerMillion)} per million. ` +
      `Provisioned is cheaper when the capacity you pay for is on average more than ${formatNumber(write)}% used for writes and ${formatNumber(read)}% for reads; below that, on-demand is cheaper.`,
  };
}

/**
 * Standard-IA trades cheaper storage for dearer throughput. Storage cost grows with the data size, so
 * there is one data size where they meet: (IA throughput - Standard throughput) / (storage saving per GB).
 */
function classBreakEven(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  standard: RegionCostsResult,
  infrequent: RegionCostsResult,
): CostAlternatives["tableClassBreakEven"] {
  const extraThroughput = infrequent.throughputUsd - standard.throughputUsd;
  const standardThroughput = standard.throughputUsd;
  // Billable GB per GB of data: the table plus every index, each with the per-item overhead.
  const size = workload.itemSizeBytes;
  const perGb =
    (size +
      ITEM_OVERHEAD_BYTES +
      indexShapes(request, size).reduce((s, ix) => s + ix.projectedBytes + ITEM_OVERHEAD_BYTES, 0)) /
    size;
  let savingPerGb = 0;
  let standardPerGb = 0;
  for (const region of standard.regions) {
    if (region.role !== "PRIMARY" && region.role !== "REPLICA") continue;
    const prices = findRegionPrices(priceList, region.region);
    if (!prices) continue;
    savingPerGb += perGb * (prices.STANDARD.storageGbMonth - prices.STANDARD_INFREQUENT_ACCESS.storageGbMonth);
    standardPerGb += perGb * prices.STANDARD.storageGbMonth;
  }
  if (savingPerGb <= 0) {
    return {
      storageGb: null,
      storageToThroughputCostRatio: null,
      explanation: "Standard-IA storage is not cheaper here, so Standard is never dearer.",
    };
  }
  const storageGb = Math.max(0, extraThroughput / savingPerGb);
  const ratio = standardThroughput > 0 ? (storageGb * standardPerGb) / standardThroughput : null;
  const storageNow = standard.storageUsd;
  return {
    storageGb,
    storageToThroughputCostRatio: ratio,
    explanation:
      `Standard-IA costs ${formatUsd(extraThroughput)} a month more in reads and writes for this workload and saves ${formatUsd(savingPerGb)} per GB of data a month in storage, ` +
      `so it is cheaper above ${formatNumber(storageGb)} GB of table data (now ${formatNumber(workload.storageGb)} GB)` +
      (ratio === null
        ? "."
        : `, i.e. when Standard storage costs more than ${formatNumber(ratio * 100)}% of Standard throughput (now ${formatNumber(standardThroughput > 0 ? (storageNow / standardThroughput) * 100 : 0)}%).`),
  };
}
