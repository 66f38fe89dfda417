import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { resendDelivery } from "@/lib/server/notifications";

/** POST /api/v1/webhooks/{id}/deliveries/{delivery}/resend: send it again now (same delivery id). */
export const POST = route(API_ROUTES.resendDelivery, async ({ actor, params }) =>
  Response.json(await resendDelivery(actor, params.id, params.delivery), { status: 202 }),
);
