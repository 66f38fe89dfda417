import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getNotificationPreferences, saveNotificationPreferences } from "@/lib/server/notifications";

/** GET /api/v1/notification-preferences: what you receive by e-mail. */
export const GET = route(API_ROUTES.getNotificationPreferences, async ({ actor }) => getNotificationPreferences(actor));

/** POST /api/v1/notification-preferences: save what you receive by e-mail (your own choices only). */
export const POST = route(API_ROUTES.saveNotificationPreferences, async ({ actor, body }) =>
  saveNotificationPreferences(actor, body),
);
