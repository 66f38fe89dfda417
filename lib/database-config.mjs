// Which database the portal uses, from DATABASE_URL. Shared by the app, the scripts and the CLI
// (plain JS so `npm start` can use it before anything is compiled).
import path from "node:path";

export const DEFAULT_SQLITE_URL = "file:./data/tablewright.db";

/**
 * @param {string | undefined} url DATABASE_URL as given
 * @returns {{ kind: "sqlite" | "postgresql", url: string, sqliteFile?: string }}
 */
export function resolveDatabaseConfig(url = process.env.DATABASE_URL) {
  const value = url && url.trim() !== "" ? url.trim() : DEFAULT_SQLITE_URL;
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgresql", url: value };
  if (!value.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${value.split(":")[0]}:..."`,
    );
  }
  // Relative SQLite paths resolve against the working directory, as Prisma does.
  const sqliteFile = path.resolve(value.slice("file:".length));
  return { kind: "sqlite", url: `file:${sqliteFile}`, sqliteFile };
}

/** Paths of the Prisma schema and migrations for a database kind. */
export function prismaPathsFor(kind) {
  return kind === "postgresql"
    ? { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" }
    : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}
