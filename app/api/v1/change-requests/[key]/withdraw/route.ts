import { expectedVersionOf } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { transitionChangeRequest } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/withdraw */
export const POST = route(API_ROUTES.withdraw, async ({ req, actor, body, params }) =>
  transitionChangeRequest(actor, params.key, "WITHDRAW", {
    expectedVersion: expectedVersionOf(req, body.expectedVersion),
  }),
);
