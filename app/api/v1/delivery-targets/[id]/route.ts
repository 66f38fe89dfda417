import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { deleteDeliveryTarget } from "@/lib/server/delivery";

/** DELETE /api/v1/delivery-targets/{id}: remove a target (admins). */
export const DELETE = route(API_ROUTES.deleteDeliveryTarget, async ({ actor, params }) =>
  deleteDeliveryTarget(actor, params.id),
);
