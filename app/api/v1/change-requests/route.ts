import { withIssuePrefix } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { createChangeRequest, listChangeRequests } from "@/lib/server/change-requests";
import { runIdempotent } from "@/lib/server/idempotency";

/** POST /api/v1/change-requests: create (idempotent with Idempotency-Key). */
export const POST = route(API_ROUTES.createChangeRequest, async ({ req, actor, body }) => {
  // The stored response commits with the create itself, so a crash can never leave a key claimed.
  const result = await runIdempotent(actor, req.headers.get("idempotency-key"), body, async (claim) => ({
    status: 201,
    body: await withIssuePrefix("request", () =>
      createChangeRequest(
        actor,
        body,
        undefined,
        claim && ((tx, created) => claim.complete(tx, { status: 201, body: created })),
      ),
    ),
  }));
  return Response.json(result.body, {
    status: result.status,
    headers: {
      location: `/api/v1/change-requests/${result.body.key}`,
      ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
    },
  });
});

/** GET /api/v1/change-requests: filters and cursor pagination. */
export const GET = route(API_ROUTES.listChangeRequests, async ({ actor, query }) => listChangeRequests(actor, query));
