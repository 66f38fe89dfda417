import { analyzeTableRequest, type RequestAnalysis } from "@/lib/domain/analyze-request";
import { AppError } from "@/lib/domain/app-error";
import { loadTierPolicy } from "@/lib/server/policy";

/** Runs the engine on a body; a request with errors is a 422 carrying every field issue. */
export function analyzeOrThrow(
  body: unknown,
): Required<Pick<RequestAnalysis, "request" | "estimate" | "drPreview" | "files">> & RequestAnalysis {
  const analysis = analyzeTableRequest(body, { policy: loadTierPolicy() });
  if (!analysis.valid || !analysis.request || !analysis.estimate || !analysis.drPreview || !analysis.files) {
    throw new AppError("VALIDATION_FAILED", "the table request has errors", {
      issues: analysis.issues.filter((i) => i.severity === "error"),
    });
  }
  return analysis as ReturnType<typeof analyzeOrThrow>;
}
