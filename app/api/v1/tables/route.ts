import { queryOf, requireActor } from "@/lib/api/request-helpers";
import { route } from "@/lib/api/route";
import { API_ROUTES } from "@/lib/api/routes";
import { TableListQuerySchema } from "@/lib/api/schemas";
import { AppError } from "@/lib/domain/app-error";
import { listManagedTables } from "@/lib/server/inventory";

/** GET /api/v1/tables: the inventory, filtered and cursor-paginated, scoped by team. */
export const GET = route(API_ROUTES.listTables, async ({ req, actor }) => {
  const parsed = TableListQuerySchema.safeParse(queryOf(req));
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "bad query parameters", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), code: "QUERY_INVALID", message: i.message })),
    });
  }
  return listManagedTables(requireActor(actor), parsed.data);
});
