import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getApplyBundle } from "@/lib/server/change-requests";

/** GET .../revisions/{n}/applies/{k}/bundle: module k of a multi-apply operation plan. */
export const GET = route(API_ROUTES.getApplyBundle, async ({ actor, params }) => {
  const bundle = await getApplyBundle(actor, params.key, params.revision, params.apply);
  return new Response(bundle.bytes, {
    headers: {
      "content-type": "application/zip",
      "content-length": String(bundle.bytes.byteLength),
      "content-disposition": `attachment; filename="${bundle.filename}"`,
      "cache-control": "private, max-age=0, must-revalidate",
    },
  });
});
