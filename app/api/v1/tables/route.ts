import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { listManagedTables } from "@/lib/server/inventory";

/** GET /api/v1/tables: the inventory, filtered and cursor-paginated, scoped by team. */
export const GET = route(API_ROUTES.listTables, async ({ actor, query }) => listManagedTables(actor, query));
