import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { validateTableRequest } from "@/lib/domain/validation";
import { findAccountTarget } from "@/lib/server/accounts";
import { checkTableNameCollisions, getLiveCheckStatus } from "@/lib/server/aws";
import { loadTierPolicy } from "@/lib/server/policy";

/**
 * POST /api/v1/validate: the validator's verdict (200 even when the request is invalid), plus the
 * live name check in every target Region when live checks are configured.
 */
export const POST = route(API_ROUTES.validate, async ({ body }) => {
  const result = validateTableRequest(body, loadTierPolicy());
  if (!result.request) return { valid: result.valid, issues: result.issues };
  // Without live checks there is nothing to look up: no account-target query for every validation.
  const status = await getLiveCheckStatus();
  if (!status.enabled) return { valid: result.valid, issues: result.issues };
  const { owner, tier } = result.request;
  const live = await checkTableNameCollisions(result.request, {
    status,
    accountTarget: await findAccountTarget({ team: owner.team, tier }),
  });
  const issues = [...result.issues, ...live.issues];
  return { valid: !issues.some((i) => i.severity === "error"), issues };
});
