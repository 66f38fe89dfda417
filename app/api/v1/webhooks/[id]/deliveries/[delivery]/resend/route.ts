import { requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { resendDelivery } from "@/lib/server/notifications";

/** POST /api/v1/webhooks/{id}/deliveries/{delivery}/resend: send it again now (same delivery id). */
export const POST = route(API_ROUTES.resendDelivery, async ({ actor, params }) => {
  if (!params.id || params.id.length > 100 || !params.delivery || params.delivery.length > 100) {
    throw new AppError("NOT_FOUND", "delivery not found");
  }
  return Response.json(await resendDelivery(requireActor(actor), params.id, params.delivery), { status: 202 });
});
