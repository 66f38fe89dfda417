import { estimateCost } from "../cost";
import { buildDrPreview, toDrSummary } from "../dr";
import type { TierPolicy } from "../policy/schema";
import type { TableRequest } from "../request/schema";
import type { RenderContext } from "./model";

/**
 * The README context from the cost and DR engines, so the module states the same price and
 * objectives the requester saw. `extra` carries what only the caller knows (change request key,
 * revision, who asked). The provider target is the policy's unless `extra` names one. Pure.
 */
export function buildRenderContext(
  request: TableRequest,
  policy: TierPolicy,
  extra: RenderContext = {},
): RenderContext {
  const cost = estimateCost(request);
  const context: RenderContext = {
    ...extra,
    costSummary: {
      monthlyTotalUsd: cost.totalMonthlyUsd,
      priceDate: cost.pricesAsOf,
      lines: cost.regions.map((r) => ({
        label: r.role ? `${r.region} (${r.role.toLowerCase()})` : r.region,
        monthlyUsd: r.monthlyUsd,
      })),
      notes: [
        cost.workloadSource === "request"
          ? "Workload as stated in the request."
          : `Workload: the ${cost.scenario} default of the ${request.tier} tier (the request gave none).`,
        ...cost.warnings,
      ],
    },
    drSummary: toDrSummary(buildDrPreview(request, policy)),
    awsProviderMajor: extra.awsProviderMajor ?? policy.awsProviderMajor,
    preventDestroy: extra.preventDestroy ?? policy.tiers[request.tier].preventDestroy,
  };
  return context;
}
