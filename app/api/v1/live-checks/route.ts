import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getLiveCheckStatus } from "@/lib/server/aws";

/** GET /api/v1/live-checks: whether DescribeTable checks run, and why not when they do not. */
export const GET = route(API_ROUTES.liveChecks, async () => getLiveCheckStatus());
