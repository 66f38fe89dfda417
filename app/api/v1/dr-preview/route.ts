import { analyzeOrThrow } from "@/lib/api/analyze-or-throw";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";

/** POST /api/v1/dr-preview: each Region's role, RPO/RTO and failover runbook. */
export const POST = route(API_ROUTES.drPreview, async ({ body }) => analyzeOrThrow(body).drPreview);
