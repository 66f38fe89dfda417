import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { deleteWebhook } from "@/lib/server/notifications";

/** DELETE /api/v1/webhooks/{id}: delete a webhook of your team, with its delivery log. */
export const DELETE = route(API_ROUTES.deleteWebhook, async ({ actor, params }) => deleteWebhook(actor, params.id));
