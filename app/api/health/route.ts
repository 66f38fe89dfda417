import { checkDatabase } from "@/lib/server/check-database";
import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

/** Liveness and database connectivity: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.reachable ? "ok" : "degraded", version: APP_VERSION, database },
    { status: database.reachable ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
