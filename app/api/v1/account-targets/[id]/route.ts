import { requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { AppError } from "@/lib/domain/app-error";
import { deleteAccountTarget } from "@/lib/server/accounts";

/** DELETE /api/v1/account-targets/{id}: remove a mapping (admins). */
export const DELETE = route(API_ROUTES.deleteAccountTarget, async ({ actor, params }) => {
  if (!params.id || params.id.length > 100) throw new AppError("NOT_FOUND", "account target not found");
  return deleteAccountTarget(requireActor(actor), params.id);
});
