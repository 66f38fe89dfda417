import { checkDatabase } from "@/lib/server/check-database";
import { checkMigrations } from "@/lib/server/check-migrations";
import { lifecycle } from "@/lib/server/lifecycle";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 only when the database answers and every shipped migration is applied, and the
 * process is not shutting down. Load balancers route on this; liveness is /api/health.
 */
export async function GET() {
  const database = await checkDatabase();
  let migrations: { applied: boolean; pending: string[]; error?: string } = { applied: false, pending: [] };
  if (database.reachable) {
    migrations = await checkMigrations().catch((error: Error) => ({
      applied: false,
      pending: [],
      error: error.message.split("\n")[0],
    }));
  }
  const shuttingDown = lifecycle().shuttingDown;
  const ready = database.reachable && migrations.applied && !shuttingDown;
  return Response.json(
    { ready, database, migrations, shuttingDown },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
