import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { getManagedTable, tableIdParam } from "@/lib/server/inventory";

/** GET /api/v1/tables/{id}: a managed table's definition, live status, cost and change timeline. */
export const GET = route(API_ROUTES.getTable, async ({ actor, params }) => {
  const table = await getManagedTable(actor, tableIdParam(params.id));
  return Response.json(table, { headers: { "cache-control": "no-store" } });
});
