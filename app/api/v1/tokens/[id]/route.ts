import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { revokeApiToken } from "@/lib/server/auth/api-tokens";

/** DELETE /api/v1/tokens/{id}: revoke (your own; admins any). */
export const DELETE = route(API_ROUTES.revokeToken, async ({ actor, params }) => revokeApiToken(actor, params.id));
