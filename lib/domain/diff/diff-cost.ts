import type { CostEstimate } from "../cost/types";

/** One Region's monthly cost in two revisions; absent on a side where the Region is not priced. */
export interface RegionCostChange {
  region: string;
  beforeUsd?: number;
  afterUsd?: number;
  /** after - before, counting a missing side as 0. */
  deltaUsd: number;
}

/** The monthly cost change between two revisions: per Region (union of both) and in total. */
export interface CostChange {
  regions: RegionCostChange[];
  before: { totalUsd: number; pricesAsOf: string };
  after: { totalUsd: number; pricesAsOf: string };
  deltaUsd: number;
  /** after / before - 1; undefined when before is 0. */
  deltaRatio?: number;
  /** True when the two estimates use different price lists, so part of the change is prices, not the request. */
  pricesDiffer: boolean;
}

type EstimateTotals = Pick<CostEstimate, "regions" | "totalMonthlyUsd" | "pricesAsOf">;

/** Sums a Region's cost over its rows (a Region can appear as replica and as backup-copy target). */
function byRegion(estimate: EstimateTotals): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of estimate.regions) out.set(r.region, (out.get(r.region) ?? 0) + r.monthlyUsd);
  return out;
}

/**
 * What a reviewer asks first about a new revision: how much more (or less) it costs per month,
 * where. Regions keep the order of the later revision, then Regions that were dropped.
 */
export function diffCost(before: EstimateTotals, after: EstimateTotals): CostChange {
  const a = byRegion(before);
  const b = byRegion(after);
  const order = [...b.keys(), ...[...a.keys()].filter((r) => !b.has(r))];
  const regions = order.map((region): RegionCostChange => {
    const beforeUsd = a.get(region);
    const afterUsd = b.get(region);
    return {
      region,
      ...(beforeUsd !== undefined ? { beforeUsd } : {}),
      ...(afterUsd !== undefined ? { afterUsd } : {}),
      deltaUsd: (afterUsd ?? 0) - (beforeUsd ?? 0),
    };
  });
  const deltaUsd = after.totalMonthlyUsd - before.totalMonthlyUsd;
  return {
    regions,
    before: { totalUsd: before.totalMonthlyUsd, pricesAsOf: before.pricesAsOf },
    after: { totalUsd: after.totalMonthlyUsd, pricesAsOf: after.pricesAsOf },
    deltaUsd,
    ...(before.totalMonthlyUsd > 0 ? { deltaRatio: after.totalMonthlyUsd / before.totalMonthlyUsd - 1 } : {}),
    pricesDiffer: before.pricesAsOf !== after.pricesAsOf,
  };
}
