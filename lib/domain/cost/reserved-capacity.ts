import { formatNumber, formatUsd } from "./format";
import { findRegionPrices } from "./price-list";
import type {
  PriceList,
  RegionCost,
  ReservedCapacityEstimate,
  ReservedCapacityLine,
  ReservedCapacityTerm,
  ReservedPriceList,
} from "./types";
import { HOURS_PER_MONTH } from "./units";

/**
 * Reserved capacity for a provisioned table, by AWS's rules ([DG] reserved-capacity): bought per
 * Region in blocks of 100 RCU or WCU for 1 or 3 years (3 years only in some Regions), a one-time
 * fee plus a lower hourly rate; only for the Standard table class, and never for replicated write
 * capacity (rWCU) of a global table. The capacity to reserve is what the estimate prices (table
 * and GSI capacity, standard units), rounded down to whole blocks.
 */

const TERMS = [
  { term: "1-year", months: 12 },
  { term: "3-year", months: 36 },
] as const;
/** AWS prices a year as 8,760 hours (365 days). */
const HOURS_PER_YEAR = 8760;
const BLOCK = 100;

/** Reservable units per Region, from the priced capacity line items. */
function reservableUnits(regions: readonly RegionCost[]): { region: string; rcu: number; wcu: number }[] {
  const out: { region: string; rcu: number; wcu: number }[] = [];
  for (const r of regions) {
    if (r.role !== "PRIMARY" && r.role !== "REPLICA") continue;
    if (r.tableClass !== "STANDARD") continue;
    let rcu = 0;
    let wcu = 0;
    for (const item of r.lineItems) {
      const units = item.quantity / HOURS_PER_MONTH;
      if (item.component === "read-capacity-units" || item.component === "index-read-capacity-units") rcu += units;
      if (item.component === "write-capacity-units" || item.component === "index-write-capacity-units") wcu += units;
    }
    if (rcu > 0 || wcu > 0) out.push({ region: r.region, rcu, wcu });
  }
  return out;
}

/** Reserved capacity for the estimate's priced Regions (detail pass), or why it does not apply. */
export function estimateReservedCapacity(
  regions: readonly RegionCost[],
  billingMode: "PAY_PER_REQUEST" | "PROVISIONED",
  priceList: PriceList,
  reserved: ReservedPriceList,
): ReservedCapacityEstimate {
  const notes = [
    "A reservation covers the account's provisioned capacity in its Region, whatever table uses it: other tables may already use yours.",
    "Replicated write capacity (rWCU, every write of a global table) and Standard-IA tables cannot use reserved capacity; GSI write capacity can.",
    "Reservations are sold in blocks of 100 units and cannot be cancelled; capacity above the reserved blocks is billed at the standard rate.",
  ];
  const base = { source: reserved.source, notes };
  if (billingMode !== "PROVISIONED") {
    return {
      ...base,
      applicable: false,
      reason: "Reserved capacity is for provisioned capacity only; this table is on-demand.",
      terms: [],
      breakEvenUtilization: [],
    };
  }
  const capacity = reservableUnits(regions);
  if (capacity.length === 0) {
    return {
      ...base,
      applicable: false,
      reason: "No reservable capacity: Standard-IA Regions and replicated write capacity (rWCU) cannot be reserved.",
      terms: [],
      breakEvenUtilization: [],
    };
  }
  const breakEvenUtilization: ReservedCapacityEstimate["breakEvenUtilization"] = [];
  const terms: ReservedCapacityTerm[] = [];
  for (const { term, months } of TERMS) {
    const termHours = (months / 12) * HOURS_PER_YEAR;
    const lines: ReservedCapacityLine[] = [];
    const unpricedRegions: string[] = [];
    for (const c of capacity) {
      const price = reserved.regions[c.region]?.[term];
      const standard = findRegionPrices(priceList, c.region)?.STANDARD;
      if (!price || !standard) {
        unpricedRegions.push(c.region);
        continue;
      }
      for (const unit of ["RCU", "WCU"] as const) {
        const provisionedUnits = unit === "RCU" ? c.rcu : c.wcu;
        if (!(provisionedUnits > 0)) continue;
        const block = unit === "RCU" ? price.rcu : price.wcu;
        const standardHourly = unit === "RCU" ? standard.rcuHour : standard.wcuHour;
        breakEvenUtilization.push({
          region: c.region,
          unit,
          term,
          percent: ((block.upfrontUsd / termHours + block.hourlyUsd) / (BLOCK * standardHourly)) * 100,
        });
        const blocks = Math.floor(provisionedUnits / BLOCK);
        const reservedUnits = blocks * BLOCK;
        lines.push({
          region: c.region,
          unit,
          provisionedUnits,
          reservedUnits,
          upfrontUsd: blocks * block.upfrontUsd,
          monthlyUsd:
            blocks * block.hourlyUsd * HOURS_PER_MONTH +
            (provisionedUnits - reservedUnits) * standardHourly * HOURS_PER_MONTH,
          standardMonthlyUsd: provisionedUnits * standardHourly * HOURS_PER_MONTH,
        });
      }
    }
    const upfrontUsd = lines.reduce((s, l) => s + l.upfrontUsd, 0);
    const monthlyUsd = lines.reduce((s, l) => s + l.monthlyUsd, 0);
    const standardMonthlyUsd = lines.reduce((s, l) => s + l.standardMonthlyUsd, 0);
    const effectiveMonthlyUsd = monthlyUsd + upfrontUsd / months;
    const monthlySaving = standardMonthlyUsd - monthlyUsd;
    terms.push({
      term,
      months,
      lines,
      upfrontUsd,
      monthlyUsd,
      effectiveMonthlyUsd,
      standardMonthlyUsd,
      savingPerMonthUsd: standardMonthlyUsd - effectiveMonthlyUsd,
      breakEvenMonths: upfrontUsd > 0 && monthlySaving > 0 ? upfrontUsd / monthlySaving : null,
      unpricedRegions,
    });
  }
  const anyBlock = terms.some((t) => t.lines.some((l) => l.reservedUnits > 0));
  const best = terms.filter((t) => t.upfrontUsd > 0).sort((a, b) => b.savingPerMonthUsd - a.savingPerMonthUsd)[0];
  return {
    ...base,
    applicable: anyBlock,
    reason: anyBlock
      ? best && best.savingPerMonthUsd > 0
        ? `A ${best.term} reservation saves ${formatUsd(best.savingPerMonthUsd)} a month on average (upfront ${formatUsd(best.upfrontUsd)}, paid back in ${(best.breakEvenMonths ?? 0).toFixed(1)} months).`
        : "Reserving the whole 100-unit blocks this table holds would not save money over the term."
      : `The capacity priced here is below one 100-unit block in every Region (largest: ${formatNumber(Math.max(...capacity.map((c) => Math.max(c.rcu, c.wcu))))} units); a reservation only pays if the account's other tables fill the block.`,
    terms,
    breakEvenUtilization,
  };
}
