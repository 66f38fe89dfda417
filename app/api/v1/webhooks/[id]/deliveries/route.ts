import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { listWebhookDeliveries } from "@/lib/server/notifications";

/** GET /api/v1/webhooks/{id}/deliveries: the delivery log, with each attempt's response code. */
export const GET = route(API_ROUTES.listWebhookDeliveries, async ({ actor, params, query }) => ({
  deliveries: await listWebhookDeliveries(actor, params.id, query),
}));
