import { analyzeTableRequest, type RequestAnalysis } from "@/lib/domain/analyze-request";
import { AppError } from "@/lib/domain/app-error";
import type { RenderContext } from "@/lib/domain/terraform/model";
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
  if (!analysis.valid || !complete) {
    throw new AppError("VALIDATION_FAILED", "the table request has errors", {
      issues: analysis.issues.filter((i) => i.severity === "error"),
    });
  }
  return analysis as Analysis<WithFiles>;
}
