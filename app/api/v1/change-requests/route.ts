import { queryOf, requireActor, withIssuePrefix } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { ListQuerySchema } from "@/lib/api/schemas";
import { AppError } from "@/lib/domain/app-error";
import type { Acknowledgement } from "@/lib/domain/workflow";
import { createChangeRequest, listChangeRequests } from "@/lib/server/change-requests";
import { runIdempotent } from "@/lib/server/idempotency";

type CreateBody = {
  request: unknown;
  title?: string;
  submit?: boolean;
  tableId?: string;
  acknowledgement?: Acknowledgement;
};

/** POST /api/v1/change-requests: create (idempotent with Idempotency-Key). */
export const POST = route(API_ROUTES.createChangeRequest, async ({ req, actor, body }) => {
  const who = requireActor(actor);
  const input = body as CreateBody;
  const result = await runIdempotent(who, req.headers.get("idempotency-key"), input, async () => ({
    status: 201,
    body: await withIssuePrefix("request", () => createChangeRequest(who, input)),
  }));
  const created = result.body as { key: string };
  return Response.json(result.body, {
    status: result.status,
    headers: {
      location: `/api/v1/change-requests/${created.key}`,
      ...(result.replayed ? { "idempotent-replayed": "true" } : {}),
    },
  });
});

/** GET /api/v1/change-requests: filters and cursor pagination. */
export const GET = route(API_ROUTES.listChangeRequests, async ({ req, actor }) => {
  const parsed = ListQuerySchema.safeParse(queryOf(req));
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "bad query parameters", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), code: "QUERY_INVALID", message: i.message })),
    });
  }
  const { status, ...rest } = parsed.data;
  return listChangeRequests(requireActor(actor), { ...rest, status: status?.split(",").filter(Boolean) });
});
