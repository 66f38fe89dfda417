import { estimateOrThrow } from "@/lib/api/analyze-or-throw";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";

/** POST /api/v1/estimate: monthly cost per Region with the working behind each line. */
export const POST = route(API_ROUTES.estimate, async ({ body }) => estimateOrThrow(body));
