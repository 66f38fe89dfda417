import { expectedVersionOf, withIssuePrefix } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { addRevision } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/revisions: a new revision (back to review, approvals cleared). */
export const POST = route(API_ROUTES.addRevision, async ({ req, actor, body, params }) => {
  const result = await withIssuePrefix("request", () =>
    addRevision(actor, params.key, {
      request: body.request,
      title: body.title,
      expectedVersion: expectedVersionOf(req, body.expectedVersion),
      acknowledgement: body.acknowledgement,
    }),
  );
  const { flags: _flags, ...rest } = result;
  return Response.json(rest, { status: 201 });
});
