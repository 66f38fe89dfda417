import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { diffChangeRequestRevisions } from "@/lib/server/change-requests";

/** GET .../revisions/{a}/diff/{b}: changed fields, file diffs and change-safety flags. */
export const GET = route(API_ROUTES.diffRevisions, async ({ actor, params }) =>
  diffChangeRequestRevisions(actor, params.key, params.revision, params.to),
);
