import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { createWebhook, listWebhooks } from "@/lib/server/notifications";

/** GET /api/v1/webhooks: your teams' webhooks (admins: all). */
export const GET = route(API_ROUTES.listWebhooks, async ({ actor, query }) => ({
  webhooks: await listWebhooks(actor, query.team ? { team: query.team } : {}),
}));

/** POST /api/v1/webhooks: subscribe a webhook of your team; the signing secret is in this answer only. */
export const POST = route(API_ROUTES.createWebhook, async ({ actor, body }) => {
  const created = await createWebhook(actor, body);
  return Response.json(created, { status: 201, headers: { location: `/api/v1/webhooks/${created.id}` } });
});
