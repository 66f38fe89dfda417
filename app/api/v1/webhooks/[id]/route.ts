import { requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { deleteWebhook } from "@/lib/server/notifications";

/** DELETE /api/v1/webhooks/{id}: delete a webhook of your team, with its delivery log. */
export const DELETE = route(API_ROUTES.deleteWebhook, async ({ actor, params }) => {
  if (!params.id || params.id.length > 100) throw new AppError("NOT_FOUND", "webhook not found");
  return deleteWebhook(requireActor(actor), params.id);
});
