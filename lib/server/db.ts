import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type DatabaseConfig, resolveDatabaseConfig } from "../database-config.mjs";
import type { PrismaClient } from "../generated/sqlite/client";

/**
 * One Prisma client per process, for SQLite (embedded default) or PostgreSQL, chosen by
 * DATABASE_URL. Both generated clients come from schemas with identical models, so their model
 * APIs match and the rest of the server is typed against the SQLite client.
 */
export type Db = PrismaClient;

interface DbHolder {
  promise?: Promise<Db>;
  config?: DatabaseConfig;
}
const holder = globalThis as typeof globalThis & { __tablewrightDb?: DbHolder };

export function databaseConfig(): DatabaseConfig {
  holder.__tablewrightDb ??= {};
  holder.__tablewrightDb.config ??= resolveDatabaseConfig();
  return holder.__tablewrightDb.config;
}

export async function createDb(config: DatabaseConfig): Promise<Db> {
  if (config.kind === "postgresql") {
    const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([
      import("../generated/pg/client"),
      import("@prisma/adapter-pg"),
    ]);
    const adapter = new PrismaPg({
      connectionString: config.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 3_000,
    });
    return new PgClient({ adapter }) as unknown as Db;
  }
  const [{ PrismaClient: SqliteClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import("../generated/sqlite/client"),
    import("@prisma/adapter-better-sqlite3"),
  ]);
  mkdirSync(path.dirname(config.sqliteFile ?? "."), { recursive: true });
  // busy_timeout lets concurrent writers wait instead of failing with SQLITE_BUSY; WAL lets readers
  // (the UI, the health check) proceed while a transition commits.
  const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: config.url, timeout: 5_000 }) });
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  return client;
}

/** The process-wide client, created lazily (never at import time: `next build` must not touch a database). */
export function getDb(): Promise<Db> {
  holder.__tablewrightDb ??= {};
  holder.__tablewrightDb.promise ??= createDb(databaseConfig());
  return holder.__tablewrightDb.promise;
}
