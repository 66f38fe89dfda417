import { analyzeTableRequest, type RequestAnalysis } from "@/lib/domain/analyze-request";
import { AppError } from "@/lib/domain/app-error";
import { DEFAULT_PRICE_LIST, estimateCost } from "@/lib/domain/cost";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { RenderContext } from "@/lib/domain/terraform/model";
import { validateTableRequest } from "@/lib/domain/validation";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { loadTierPolicy } from "@/lib/server/policy";

type Analysis<WithFiles extends boolean> = Required<Pick<RequestAnalysis, "request" | "estimate" | "drPreview">> &
  RequestAnalysis &
  (WithFiles extends true ? Required<Pick<RequestAnalysis, "files">> : unknown);

/**
 * Runs the engine on a body; a request with errors is a 422 carrying every field issue. The module
 * is rendered only when the caller needs it (render costs more than validate, estimate and DR together).
 */
export function analyzeOrThrow<WithFiles extends boolean = false>(
  body: unknown,
  options: { render?: WithFiles; context?: RenderContext } = {},
): Analysis<WithFiles> {
  const analysis = analyzeTableRequest(body, {
    policy: loadTierPolicy(),
    render: options.render === true,
    ...(options.context ? { context: options.context } : {}),
  });
  const complete = analysis.request && analysis.estimate && analysis.drPreview && (!options.render || analysis.files);
  if (!analysis.valid || !complete) refuseInvalid(analysis.issues);
  return analysis as Analysis<WithFiles>;
}

/** A request with errors: 422 carrying every field issue that is an error. */
function refuseInvalid(issues: readonly ValidationIssue[]): never {
  throw new AppError("VALIDATION_FAILED", "the table request has errors", {
    issues: issues.filter((i) => i.severity === "error"),
  });
}

/**
 * Validates and prices a body, nothing more: the estimate endpoint skips the DR preview that
 * `analyzeOrThrow` builds. Same prices and default workload as `analyzeTableRequest`, so the
 * numbers match the live panel and stored revisions.
 */
export function estimateOrThrow(body: unknown): CostEstimate {
  const policy = loadTierPolicy();
  const validation = validateTableRequest(body, policy);
  if (!validation.valid || !validation.request) refuseInvalid(validation.issues);
  const { request } = validation;
  return estimateCost(request, DEFAULT_PRICE_LIST, { defaultWorkload: policy.tiers[request.tier].defaultWorkload });
}
