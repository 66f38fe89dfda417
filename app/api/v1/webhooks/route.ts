import { queryOf, requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { type CreateWebhookInput, createWebhook, listWebhooks } from "@/lib/server/notifications";

/** GET /api/v1/webhooks: your teams' webhooks (admins: all). */
export const GET = route(API_ROUTES.listWebhooks, async ({ req, actor }) => {
  const team = queryOf(req).team?.slice(0, 100);
  return { webhooks: await listWebhooks(requireActor(actor), team ? { team } : {}) };
});

/** POST /api/v1/webhooks: subscribe a webhook of your team; the signing secret is in this answer only. */
export const POST = route(API_ROUTES.createWebhook, async ({ actor, body }) => {
  const created = await createWebhook(requireActor(actor), body as CreateWebhookInput);
  return Response.json(created, { status: 201, headers: { location: `/api/v1/webhooks/${created.id}` } });
});
