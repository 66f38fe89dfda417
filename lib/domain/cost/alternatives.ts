import type { TableClass, TableRequest, Workload } from "../request/schema";
import { findCapacityShortfalls } from "./capacity-check";
import { formatNumber, formatPercent, formatPrice, formatUsd } from "./format";
import { findRegionPrices } from "./price-list";
import { ASSUMED_AUTOSCALING } from "./provisioned-capacity";
import { priceRegions, type RegionCostsResult, repriceTableClass } from "./region-costs";

type Priced = ReturnType<typeof repriceTableClass>;

import type {
  BillableStorage,
  BillingMode,
  CapacityShortfall,
  CostAlternative,
  CostAlternatives,
  PriceList,
} from "./types";

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
  currentPeakShortfalls: readonly CapacityShortfall[],
): CostAlternatives {
  const currentTotal = current.totalMonthlyUsd;
  const currentMode = request.billing.mode;
  const otherMode: BillingMode = currentMode === "PAY_PER_REQUEST" ? "PROVISIONED" : "PAY_PER_REQUEST";
  // The other billing mode needs one totals-only pass; the other table class is the same pass
  // repriced (the class changes prices, never quantities). Replicas with their own class keep it.
  let otherModeResult: RegionCostsResult | undefined;
  const explicitClass = new Map<string, TableClass>();
  for (const r of request.regions.replicas) if (r.tableClass) explicitClass.set(r.region, r.tableClass);
  const price = (mode: BillingMode, cls: TableClass): Priced => {
    if (mode !== currentMode && !otherModeResult) {
      otherModeResult = priceRegions(
        reshape(request, mode, request.tableClass),
        workload,
        priceList,
        transferUsdPerGb,
        false,
      );
    }
    const base = mode === currentMode ? current : (otherModeResult as RegionCostsResult);
    return repriceTableClass(base, priceList, (region) => explicitClass.get(region) ?? cls);
  };

  const combos: [BillingMode, TableClass][] = [
    [otherMode, request.tableClass],
    [currentMode, otherClass(request.tableClass)],
    [otherMode, otherClass(request.tableClass)],
  ];
  const assumedNote =
    currentMode === "PAY_PER_REQUEST"
      ? `PROVISIONED sized with assumed auto scaling: ${ASSUMED_AUTOSCALING.targetUtilization}% target, min ${ASSUMED_AUTOSCALING.minCapacity}, max ${ASSUMED_AUTOSCALING.maxCapacity}, for the average workload.`
      : undefined;
  // A configuration whose capacity cannot serve the stated peak is shown but never recommended.
  // The table class changes no capacity, so each billing mode is checked once.
  const otherModeShort = findCapacityShortfalls(reshape(request, otherMode, request.tableClass), workload, "peak", {
    profile: current.profile,
    indexes: current.indexes,
  });
  const cannotServe = (shortfalls: readonly CapacityShortfall[]) =>
    shortfalls.length === 0
      ? undefined
      : `Cannot serve the workload's peak: ${shortfalls.map((x) => `${x.target} ${formatNumber(x.capacityUnits)} ${x.unit} < ${formatNumber(x.demandUnits)} ${x.unit} needed`).join("; ")}.`;
  const currentShort = cannotServe(currentPeakShortfalls);
  const options: CostAlternative[] = [
    {
      billingMode: currentMode,
      tableClass: request.tableClass,
      totalMonthlyUsd: currentTotal,
      differenceUsd: 0,
      isCurrent: true,
      canServeWorkload: currentShort === undefined,
      ...(currentShort ? { note: currentShort } : {}),
    },
    ...combos.map(([mode, cls]): CostAlternative => {
      const t = price(mode, cls).totalMonthlyUsd;
      const short = mode === currentMode ? currentShort : cannotServe(otherModeShort);
      const option: CostAlternative = {
        billingMode: mode,
        tableClass: cls,
        totalMonthlyUsd: t,
        differenceUsd: t - currentTotal,
        isCurrent: false,
        canServeWorkload: short === undefined,
      };
      const notes = [mode === "PROVISIONED" ? assumedNote : undefined, short].filter((n): n is string => !!n);
      if (notes.length > 0) option.note = notes.join(" ");
      return option;
    }),
  ];
  // Ties keep the requested configuration: switching for a rounding error is not advice.
  const servable = options.filter((o) => o.canServeWorkload);
  const best = servable.reduce<CostAlternative | undefined>(
    (a, b) => (a === undefined || b.totalMonthlyUsd < a.totalMonthlyUsd - 0.005 ? b : a),
    undefined,
  );
  const requested = options[0] as CostAlternative;
  let reason: string;
  if (!best) {
    reason =
      "None of these configurations can serve the workload's peak as configured: raise the capacity or the on-demand maximum (see the warnings) before comparing prices.";
  } else if (best.isCurrent) {
    reason = "The requested billing mode and table class are already the cheapest that serve this workload.";
  } else if (!requested.canServeWorkload) {
    reason = `The requested capacity cannot serve the workload's peak, so its price is not a fair comparison. ${best.billingMode} with ${best.tableClass} serves it for ${formatUsd(best.totalMonthlyUsd)} a month (${best.differenceUsd > 0 ? "+" : ""}${formatUsd(best.differenceUsd)} against the under-sized request).`;
  } else {
    reason = `${best.billingMode} with ${best.tableClass} saves ${formatUsd(-best.differenceUsd)} a month for this workload.`;
  }
  const chosen = best ?? requested;
  const recommended = { billingMode: chosen.billingMode, tableClass: chosen.tableClass, reason };

  return {
    options,
    recommended,
    billingModeBreakEven: billingBreakEven(request, priceList),
    tableClassBreakEven: classBreakEven(
      workload,
      priceList,
      current.storage,
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
      `Provisioned is cheaper when the capacity you pay for is on average more than ${formatPercent(write)} used for writes and ${formatPercent(read)} for reads; below that, on-demand is cheaper.`,
  };
}

/**
 * Standard-IA trades cheaper storage for dearer throughput. Storage cost grows with the data size, so
 * there is one data size where they meet: (IA throughput - Standard throughput) / (storage saving per GB).
 */
function classBreakEven(
  workload: Workload,
  priceList: PriceList,
  storage: BillableStorage,
  standard: Priced,
  infrequent: Priced,
): CostAlternatives["tableClassBreakEven"] {
  const extraThroughput = infrequent.throughputUsd - standard.throughputUsd;
  const standardThroughput = standard.throughputUsd;
  // Billable GB per GB of raw data: the table and every index, each with its per-item overhead.
  const size = workload.itemSizeBytes;
  const perGb = storage.entries.reduce((s, e) => s + e.bytesPerItem + e.overheadBytesPerItem, 0) / size;
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
      `so it is cheaper above ${formatNumber(storageGb)} GB of raw item data (now ${formatNumber(storage.rawDataGb)} GB)` +
      (ratio === null
        ? "."
        : `, i.e. when Standard storage costs more than ${formatPercent(ratio * 100)} of Standard throughput (now ${formatPercent(standardThroughput > 0 ? (storageNow / standardThroughput) * 100 : 0)}).`),
  };
}
