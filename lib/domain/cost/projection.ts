import type { TableRequest, Workload } from "../request/schema";
import { priceRegions, type RegionCostsResult } from "./region-costs";
import type { PriceList, ProjectionMonth } from "./types";

/** Months in the projection. */
export const PROJECTION_MONTHS = 12;

/**
 * Twelve months of cost with the data growing by `monthlyGrowthGb` a month. Month 1 is the
 * estimate as it stands; month m holds storage + (m - 1) x growth of raw data. Storage, PITR,
 * backups and backup copies follow the data; throughput and capacity stay as they are. Every
 * amount that grows is proportional to the data size, so each Region's cost is a straight line
 * between month 1 and month 12: one extra totals-only pass at month 12 gives every month exactly.
 */
export function projectMonthlyCosts(
  request: TableRequest,
  workload: Workload,
  priceList: PriceList,
  transferUsdPerGb: number,
  current: RegionCostsResult,
): ProjectionMonth[] {
  const growth = workload.monthlyGrowthGb;
  const startGb = current.storage.rawDataGb;
  const steps = PROJECTION_MONTHS - 1;
  const end =
    growth > 0
      ? priceRegions(request, workload, priceList, transferUsdPerGb, false, { rawDataGb: startGb + growth * steps })
      : current;
  const months: ProjectionMonth[] = [];
  let cumulativeUsd = 0;
  for (let m = 1; m <= PROJECTION_MONTHS; m++) {
    const t = (m - 1) / steps;
    const regions = current.regions.map((r, i) => {
      const last = end.regions[i]?.monthlyUsd ?? r.monthlyUsd;
      const entry: ProjectionMonth["regions"][number] = {
        region: r.region,
        monthlyUsd: r.monthlyUsd + (last - r.monthlyUsd) * t,
      };
      if (r.role) entry.role = r.role;
      return entry;
    });
    const totalMonthlyUsd = regions.reduce((s, r) => s + r.monthlyUsd, 0);
    cumulativeUsd += totalMonthlyUsd;
    const startBillable = current.storage.billableGbPerRegion;
    months.push({
      month: m,
      rawDataGb: startGb + growth * (m - 1),
      billableGbPerRegion: startBillable + (end.storage.billableGbPerRegion - startBillable) * t,
      totalMonthlyUsd,
      cumulativeUsd,
      regions,
    });
  }
  return months;
}
