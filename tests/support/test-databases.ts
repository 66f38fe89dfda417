import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { resolveDatabaseConfig } from "../../lib/database-config.mjs";
import { createDb, type Db } from "../../lib/server/db";
// @ts-expect-error plain JS script module
import { deployMigrations } from "../../scripts/migrate.mjs";

export interface TestDatabase {
  kind: "sqlite" | "postgresql";
  url: string;
  db: Db;
  /** Opens a second, independent client on the same database (separate connections). */
  connect: () => Promise<Db>;
  drop: () => Promise<void>;
}

/** The database kinds this run covers: SQLite always, PostgreSQL when the global setup provided one. */
export function databaseKinds(): Array<"sqlite" | "postgresql"> {
  return inject("postgresUrl") ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A fresh, migrated database of the given kind, private to one test file. */
export async function createTestDatabase(kind: "sqlite" | "postgresql"): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tw-sqlite-"));
    url = `file:${path.join(dir, "test.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = inject("postgresUrl");
    if (!adminUrl) throw new Error("no PostgreSQL for this run");
    const name = `tw_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = adminUrl.replace(/\/[^/]+$/, `/${name}`);
    cleanup = async () => {
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    };
  }
  await deployMigrations(url);
  const clients: Db[] = [];
  const connect = async () => {
    const client = await createDb(resolveDatabaseConfig(url));
    clients.push(client);
    return client;
  };
  const db = await connect();
  return {
    kind,
    url,
    db,
    connect,
    drop: async () => {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await cleanup();
    },
  };
}
