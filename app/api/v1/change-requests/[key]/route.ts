import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getChangeRequest } from "@/lib/server/change-requests";

/** GET /api/v1/change-requests/{key}: the request, its current revision and its history. */
export const GET = route(API_ROUTES.getChangeRequest, async ({ actor, params }) => {
  const detail = await getChangeRequest(actor, params.key);
  return Response.json(detail, { headers: { etag: `"${detail.version}"`, "cache-control": "no-store" } });
});
