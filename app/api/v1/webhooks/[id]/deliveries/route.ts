import { queryOf, requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { DeliveryListQuerySchema } from "@/lib/api/schemas/notifications";
import { AppError } from "@/lib/domain/app-error";
import { listWebhookDeliveries } from "@/lib/server/notifications";

/** GET /api/v1/webhooks/{id}/deliveries: the delivery log, with each attempt's response code. */
export const GET = route(API_ROUTES.listWebhookDeliveries, async ({ req, actor, params }) => {
  if (!params.id || params.id.length > 100) throw new AppError("NOT_FOUND", "webhook not found");
  const parsed = DeliveryListQuerySchema.safeParse(queryOf(req));
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "bad query parameters", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), code: "QUERY_INVALID", message: i.message })),
    });
  }
  return { deliveries: await listWebhookDeliveries(requireActor(actor), params.id, parsed.data) };
});
