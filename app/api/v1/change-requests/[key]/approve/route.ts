import { after } from "next/server";
import { expectedVersionOf } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { addComment, transitionChangeRequest } from "@/lib/server/change-requests";
import { publishAfterApprovalOf } from "@/lib/server/delivery";

/** POST /api/v1/change-requests/{key}/approve: approves exactly the revision the approver reviewed. */
export const POST = route(API_ROUTES.approve, async ({ req, actor, body, params }) => {
  const result = await transitionChangeRequest(actor, params.key, "APPROVE", {
    revisionNumber: body.revision,
    expectedVersion: expectedVersionOf(req, body.expectedVersion),
  });
  if (body.comment?.trim()) await addComment(actor, params.key, body.comment);
  // The final approval is committed: an automatic delivery target publishes after the response,
  // so the approval never waits on (or fails with) a git server. Failures are recorded on the request.
  if (result.status === "APPROVED") after(() => publishAfterApprovalOf(params.key));
  return result;
});
