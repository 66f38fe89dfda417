import { expectedVersionOf, keyParam, requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { addComment, transitionChangeRequest } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/approve: approves exactly the revision the approver reviewed. */
export const POST = route(API_ROUTES.approve, async ({ req, actor, body, params }) => {
  const who = requireActor(actor);
  const key = keyParam(params.key);
  const input = body as { revision: number; expectedVersion?: number; comment?: string };
  const result = await transitionChangeRequest(who, key, "APPROVE", {
    revisionNumber: input.revision,
    expectedVersion: expectedVersionOf(req, input.expectedVersion),
  });
  if (input.comment?.trim()) await addComment(who, key, input.comment);
  return result;
});
