import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getRevisionBundle } from "@/lib/server/change-requests";

/** GET .../revisions/{n}/bundle: the stored zip of the approved revision, never re-rendered. */
export const GET = route(API_ROUTES.getBundle, async ({ req, actor, params }) => {
  const bundle = await getRevisionBundle(actor, params.key, params.revision, undefined, {
    ifNoneMatch: req.headers.get("if-none-match"),
  });
  const etag = `"${bundle.sha256}"`;
  const headers = {
    etag,
    "x-checksum-sha256": bundle.sha256,
    "cache-control": "private, max-age=0, must-revalidate",
  };
  if (bundle.notModified) return new Response(null, { status: 304, headers });
  return new Response(bundle.bytes, {
    headers: {
      ...headers,
      "content-type": "application/zip",
      "content-length": String(bundle.bytes.byteLength),
      "content-disposition": `attachment; filename="${bundle.filename}"`,
    },
  });
});
