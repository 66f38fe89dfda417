import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { requestPublication } from "@/lib/server/delivery";

/** POST /api/v1/change-requests/{key}/publish: publish or retry publishing the approved revision. */
export const POST = route(API_ROUTES.publishChangeRequest, async ({ actor, params }) =>
  requestPublication(actor, params.key),
);
