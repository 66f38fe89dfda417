import { expectedVersionOf } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { transitionChangeRequest } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/request-changes: needs a reason the requester can act on. */
export const POST = route(API_ROUTES.requestChanges, async ({ req, actor, body, params }) =>
  transitionChangeRequest(actor, params.key, "REQUEST_CHANGES", {
    reason: body.reason,
    expectedVersion: expectedVersionOf(req, body.expectedVersion),
  }),
);
