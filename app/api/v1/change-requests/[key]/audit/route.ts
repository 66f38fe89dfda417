import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { listChangeRequestAudit } from "@/lib/server/change-requests";

/** GET /api/v1/change-requests/{key}/audit: who did what, when, from which status to which. */
export const GET = route(API_ROUTES.audit, async ({ actor, params }) => ({
  events: await listChangeRequestAudit(actor, params.key),
}));
