import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { prismaPathsFor } from "../database-config.mjs";
import { databaseConfig, getDb } from "./db";

/**
 * Whether every migration shipped with this build has been applied (recorded as finished in
 * `_prisma_migrations`). A new release whose migrations have not run yet is not ready.
 */
export async function checkMigrations(): Promise<{ applied: boolean; pending: string[] }> {
  const { kind } = databaseConfig();
  const dir = path.join(process.cwd(), prismaPathsFor(kind).migrations);
  const shipped = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  const done = new Set(rows.map((r) => r.migration_name));
  const pending = shipped.filter((name) => !done.has(name)).sort();
  return { applied: pending.length === 0, pending };
}
