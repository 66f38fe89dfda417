import { analyzeOrThrow } from "@/lib/api/analyze-or-throw";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { findAccountTargetForInput } from "@/lib/server/accounts";

/**
 * POST /api/v1/render: the Terraform module files as JSON, plus the validator's warnings. A team/tier
 * mapped to another account gets the same assume_role provider its change request would.
 */
export const POST = route(API_ROUTES.render, async ({ body }) => {
  const accountTarget = await findAccountTargetForInput(body);
  const analysis = analyzeOrThrow(body, { render: true, ...(accountTarget ? { context: { accountTarget } } : {}) });
  return { files: analysis.files, warnings: analysis.issues.filter((i) => i.severity === "warning") };
});
