import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { verifyChangeRequest } from "@/lib/server/aws";

/** POST /api/v1/change-requests/{key}/verify: live table vs the approved revision, recorded on the timeline. */
export const POST = route(API_ROUTES.verify, async ({ actor, params }) => verifyChangeRequest(actor, params.key));
