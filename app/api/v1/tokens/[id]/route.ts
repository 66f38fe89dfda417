import { requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { revokeApiToken } from "@/lib/server/auth/api-tokens";

/** DELETE /api/v1/tokens/{id}: revoke (your own; admins any). */
export const DELETE = route(API_ROUTES.revokeToken, async ({ actor, params }) => {
  if (!params.id || params.id.length > 100) throw new AppError("NOT_FOUND", "token not found");
  return revokeApiToken(requireActor(actor), params.id);
});
