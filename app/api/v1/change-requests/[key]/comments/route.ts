import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth";
import { addComment } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/comments: requesters (write) and reviewers (decide) discuss a revision. */
export const POST = route(API_ROUTES.addComment, async ({ actor, body, params }) => {
  if (!can(actor, "requests.write") && !can(actor, "requests.decide_routed")) {
    throw new AppError("FORBIDDEN", "commenting needs the write or decide scope");
  }
  const comment = await addComment(actor, params.key, body.body);
  return Response.json(comment, { status: 201 });
});
