import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { importExistingTable } from "@/lib/server/aws";

/** POST /api/v1/imports: a change request that adopts an existing table without changing it. */
export const POST = route(API_ROUTES.importTable, async ({ actor, body }) => {
  const result = await importExistingTable(actor, body);
  return Response.json(result, { status: 201, headers: { location: `/api/v1/change-requests/${result.key}` } });
});
