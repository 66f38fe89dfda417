import { analyzeOrThrow } from "@/lib/api/analyze-or-throw";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";

/** POST /api/v1/render: the Terraform module files as JSON, plus the validator's warnings. */
export const POST = route(API_ROUTES.render, async ({ body }) => {
  const analysis = analyzeOrThrow(body, { render: true });
  return { files: analysis.files, warnings: analysis.issues.filter((i) => i.severity === "warning") };
});
