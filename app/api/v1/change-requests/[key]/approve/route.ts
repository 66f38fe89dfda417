import { expectedVersionOf } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { addComment, transitionChangeRequest } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/approve: approves exactly the revision the approver reviewed. */
export const POST = route(API_ROUTES.approve, async ({ req, actor, body, params }) => {
  const result = await transitionChangeRequest(actor, params.key, "APPROVE", {
    revisionNumber: body.revision,
    expectedVersion: expectedVersionOf(req, body.expectedVersion),
  });
  if (body.comment?.trim()) await addComment(actor, params.key, body.comment);
  return result;
});
