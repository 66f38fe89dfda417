import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { listDeliveryTargets, saveDeliveryTarget } from "@/lib/server/delivery";

/** GET /api/v1/delivery-targets: where each team/tier's approved modules are published. */
export const GET = route(API_ROUTES.listDeliveryTargets, async () => ({ targets: await listDeliveryTargets() }));

/** POST /api/v1/delivery-targets: create or replace the target for a team/tier (admins). */
export const POST = route(API_ROUTES.saveDeliveryTarget, async ({ actor, body }) => saveDeliveryTarget(actor, body));
