import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { listAccountTargets, saveAccountTarget } from "@/lib/server/accounts";

/** GET /api/v1/account-targets: which account each team/tier deploys to (shown in the form). */
export const GET = route(API_ROUTES.listAccountTargets, async () => ({ targets: await listAccountTargets() }));

/** POST /api/v1/account-targets: create or replace the mapping for a team/tier (admins). */
export const POST = route(API_ROUTES.saveAccountTarget, async ({ actor, body }) => saveAccountTarget(actor, body));
