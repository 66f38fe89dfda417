import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { validateTableRequest } from "@/lib/domain/validation";
import { loadTierPolicy } from "@/lib/server/policy";

/** POST /api/v1/validate: the validator's verdict (200 even when the request is invalid). */
export const POST = route(API_ROUTES.validate, async ({ body }) => {
  const { valid, issues } = validateTableRequest(body, loadTierPolicy());
  return { valid, issues };
});
