import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { deleteAccountTarget } from "@/lib/server/accounts";

/** DELETE /api/v1/account-targets/{id}: remove a mapping (admins). */
export const DELETE = route(API_ROUTES.deleteAccountTarget, async ({ actor, params }) =>
  deleteAccountTarget(actor, params.id),
);
