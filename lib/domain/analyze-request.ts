import { withInfracostUsage } from "./bundle/infracost-usage";
import { DEFAULT_PRICE_LIST, estimateCost } from "./cost";
import type { CostEstimate, PriceList } from "./cost/types";
import { buildDrPreview, previewOnlyIssues, toDrSummary } from "./dr";
import type { DrPreview } from "./dr/types";
import type { TierPolicy } from "./policy/schema";
import type { TableRequest } from "./request/schema";
import type { CostSummary, RenderContext } from "./terraform";
import { renderModule } from "./terraform";
import { validateTableRequest } from "./validation";
import type { ValidationIssue, ValidationResult } from "./validation/types";

export interface AnalysisOptions {
  policy: TierPolicy;
  priceList?: PriceList;
  /** Shown in the module README: change request key, revision, requester. */
  context?: Pick<RenderContext, "changeRequestKey" | "revision" | "requestedBy" | "accountTarget">;
  /** Cross-Region transfer assumption for the estimate (USD per GB). */
  dataTransferUsdPerGb?: number;
  /** Render the module too (default true); callers that only need the estimate or DR preview skip it. */
  render?: boolean;
  /**
   * `validateTableRequest(input, policy)` already run by the caller on this same input and policy:
   * reused instead of validating a second time (validation is the largest share of the work).
   */
  validation?: ValidationResult;
}

/** Everything the engine says about one request: the live panel, the API and stored revisions use it. */
export interface RequestAnalysis {
  valid: boolean;
  /** Validation's issues: the gate the API and submit use. */
  issues: ValidationIssue[];
  /**
   * The one list to show: validation's issues, then the DR preview's findings validation did not
   * make (`previewOnlyIssues`), so nothing appears twice.
   */
  allIssues: ValidationIssue[];
  /** The parsed request with defaults, when its shape parsed (even with domain errors). */
  request?: TableRequest;
  estimate?: CostEstimate;
  drPreview?: DrPreview;
  /** The rendered module (path -> content) plus `infracost-usage.yml`, only for a valid request. */
  files?: Record<string, string>;
}

/** The README's cost lines: each Region's monthly total. */
export function toCostSummary(estimate: CostEstimate): CostSummary {
  return {
    monthlyTotalUsd: estimate.totalMonthlyUsd,
    priceDate: estimate.pricesAsOf,
    lines: estimate.regions.map((r) => ({
      label: `${r.region}${r.role ? ` (${r.role.toLowerCase()})` : ""}`,
      monthlyUsd: r.monthlyUsd,
    })),
    notes: estimate.range
      ? [`No workload was given: the ${estimate.scenario} scenario of the tier's default workload is shown.`]
      : [],
  };
}

/**
 * Validates, prices, previews and renders a request in one pass. Pure and synchronous, so the
 * browser's live panel and the server agree byte for byte.
 */
export function analyzeTableRequest(input: unknown, options: AnalysisOptions): RequestAnalysis {
  const validation = options.validation ?? validateTableRequest(input, options.policy);
  const request = validation.request;
  if (!request) return { valid: false, issues: validation.issues, allIssues: validation.issues };

  const estimate = estimateCost(request, options.priceList ?? DEFAULT_PRICE_LIST, {
    dataTransferUsdPerGb: options.dataTransferUsdPerGb,
    defaultWorkload: options.policy.tiers[request.tier].defaultWorkload,
  });
  const drPreview = buildDrPreview(request, options.policy, { estimate });
  const analysis: RequestAnalysis = {
    valid: validation.valid,
    issues: validation.issues,
    allIssues: [...validation.issues, ...previewOnlyIssues(drPreview, validation.issues)],
    request,
    estimate,
    drPreview,
  };
  if (validation.valid && options.render !== false) {
    const module = renderModule(request, {
      ...options.context,
      costSummary: toCostSummary(estimate),
      drSummary: toDrSummary(drPreview),
      awsProviderMajor: options.policy.awsProviderMajor,
      preventDestroy: options.policy.tiers[request.tier].preventDestroy,
    });
    analysis.files = withInfracostUsage(module, request, estimate);
  }
  return analysis;
}
