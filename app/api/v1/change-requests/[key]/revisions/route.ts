import { expectedVersionOf, keyParam, requireActor, withIssuePrefix } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import type { Acknowledgement } from "@/lib/domain/workflow";
import { addRevision } from "@/lib/server/change-requests";

/** POST /api/v1/change-requests/{key}/revisions: a new revision (back to review, approvals cleared). */
export const POST = route(API_ROUTES.addRevision, async ({ req, actor, body, params }) => {
  const input = body as { request: unknown; expectedVersion?: number; acknowledgement?: Acknowledgement };
  const result = await withIssuePrefix("request", () =>
    addRevision(requireActor(actor), keyParam(params.key), {
      request: input.request,
      expectedVersion: expectedVersionOf(req, input.expectedVersion),
      acknowledgement: input.acknowledgement,
    }),
  );
  const { flags: _flags, ...rest } = result;
  return Response.json(rest, { status: 201 });
});
