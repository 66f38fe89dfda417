import { keyParam, requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth";
import { addComment } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/comments: requesters (write) and reviewers (decide) discuss a revision. */
export const POST = route(API_ROUTES.addComment, async ({ actor, body, params }) => {
  const who = requireActor(actor);
  if (!can(who, "requests.write") && !can(who, "requests.decide_routed")) {
    throw new AppError("FORBIDDEN", "commenting needs the write or decide scope");
  }
  const comment = await addComment(who, keyParam(params.key), (body as { body: string }).body);
  return Response.json(comment, { status: 201 });
});
