// Prisma migrations without the native schema engine (which cannot be downloaded here): Prisma's own
// WebAssembly schema engine driven through a driver adapter. Writes and records migrations exactly as
// `prisma migrate dev --create-only` / `prisma migrate deploy` do, so the standard CLI keeps working.
//
//   node scripts/migrate.mjs deploy          apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
//   node scripts/migrate.mjs status          show the migration history of DATABASE_URL
//   node scripts/migrate.mjs create <name>   write a new migration for BOTH schemas, diffed against
//                                            fresh databases (a temp SQLite file and a throwaway PostgreSQL)

import { mkdirSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { prismaPathsFor, resolveDatabaseConfig } from "../lib/database-config.mjs";

const filters = { externalTables: [], externalEnums: [] };
let wasmReady = false;

async function postgresAdapterFactory(url) {
  const pg = (await import("pg")).default;
  // adapter-pg cannot decode the catalog's "char" columns (OID 18) the engine reads: report them as text.
  if (!pg.Result.prototype.__twPatched) {
    const addFields = pg.Result.prototype.addFields;
    pg.Result.prototype.addFields = function (fields) {
      for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return addFields.call(this, fields);
    };
    pg.Result.prototype.__twPatched = true;
  }
  const { parse } = await import("pg-connection-string");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  // Discrete fields, not connectionString: with a connectionString adapter-pg's shadow database
  // would silently point at the main database.
  const config = parse(url);
  const main = new PrismaPg(config);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      const admin = await main.connect();
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

async function sqliteAdapterFactory(url, sqliteFile) {
  mkdirSync(path.dirname(sqliteFile), { recursive: true });
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const factory = new PrismaBetterSqlite3({ url });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb() {
      // The engine replays whole migration files through executeRaw, which better-sqlite3 refuses
      // for multi-statement SQL: fall back to executeScript for parameterless scripts.
      const adapter = await factory.connectToShadowDb();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (e) {
          if (query.args.length === 0 && /more than one statement/.test(String(e?.message))) {
            await adapter.executeScript(query.sql);
            return 0;
          }
          throw e;
        }
      };
      return adapter;
    },
  };
}

// The package's main entry imports a .wasm file that plain Node cannot load: instantiate it by hand.
async function loadEngine(schemaFile, adapterFactory) {
  if (!wasmReady) {
    const bgPath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await fs.readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    wasmReady = true;
  }
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  globalThis.__twErrorRegistry = bound.errorRegistry;
  const log = (msg) => process.env.DEBUG_SCHEMA_ENGINE && console.error("[schema-engine]", msg);
  return bg.SchemaEngine.new({ datamodels: [[schemaFile.path, schemaFile.content]] }, log, bound);
}

async function listMigrations(migrationsDir) {
  const lockContent = await fs.readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const e of entries.filter((d) => d.isDirectory())) {
    const content = await fs
      .readFile(path.join(migrationsDir, e.name, "migration.sql"), "utf8")
      .then((value) => ({ tag: "ok", value }))
      .catch((err) => ({ tag: "error", value: String(err) }));
    migrationDirectories.push({ path: e.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function withEngine(config, fn) {
  const paths = prismaPathsFor(config.kind);
  const schemaPath = path.resolve(paths.schema);
  const schemaFile = { path: schemaPath, content: await fs.readFile(schemaPath, "utf8") };
  const factory =
    config.kind === "postgresql"
      ? await postgresAdapterFactory(config.url)
      : await sqliteAdapterFactory(config.url, config.sqliteFile);
  // Track every connection the engine opens: freeing the engine does not close them, and an open
  // SQLite handle would keep the file locked for the seed and the app that start next.
  const opened = [];
  const connect = factory.connect;
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const engine = await loadEngine(schemaFile, factory);
  try {
    return await fn(engine, path.resolve(paths.migrations), schemaFile);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => undefined)));
  }
}

/** Applies pending migrations; returns the names applied. */
export async function deployMigrations(databaseUrl) {
  const config = resolveDatabaseConfig(databaseUrl);
  return withEngine(config, async (engine, migrationsDir) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await listMigrations(migrationsDir),
      filters,
    });
    return appliedMigrationNames;
  });
}

async function createMigration(config, name) {
  return withEngine(config, async (engine, migrationsDir, schemaFile) => {
    const migrationsList = await listMigrations(migrationsDir);
    // Same order as `migrate dev --create-only`: apply history (creates _prisma_migrations),
    // replay it on a shadow database, then diff against the schema.
    await engine.applyMigrations({ migrationsList, filters });
    const diag = await engine.devDiagnostic({ migrationsList, filters });
    if (diag.action.tag === "reset") throw new Error(`migration history drifted: ${diag.action.reason}`);
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [schemaFile] },
      filters,
    });
    if (out.migrationScript === null) return undefined;
    const dir = path.join(migrationsDir, out.generatedMigrationName);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    await fs.writeFile(
      path.join(migrationsDir, "migration_lock.toml"),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
    );
    return path.relative(process.cwd(), dir);
  });
}

async function createBoth(name) {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "tw-migrate-"));
  const sqlite = await createMigration(resolveDatabaseConfig(`file:${path.join(tmp, "create.db")}`), name);
  console.log(sqlite ? `created ${sqlite}/migration.sql` : "sqlite: no schema changes");
  const { startThrowawayPostgres } = await import("./lib/throwaway-postgres.mjs");
  const pg = await startThrowawayPostgres({ database: "migrate" });
  try {
    const created = await createMigration(resolveDatabaseConfig(pg.url), name);
    console.log(created ? `created ${created}/migration.sql` : "postgresql: no schema changes");
  } finally {
    pg.destroy();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const [cmd, name] = process.argv.slice(2);
  if (cmd === "deploy") {
    const config = resolveDatabaseConfig();
    const applied = await deployMigrations(config.url);
    console.log(
      `migrate (${config.kind}): ${applied.length ? `applied ${applied.join(", ")}` : "no pending migrations"}`,
    );
  } else if (cmd === "status") {
    const config = resolveDatabaseConfig();
    const out = await withEngine(config, async (engine, migrationsDir) =>
      engine.diagnoseMigrationHistory({
        migrationsList: await listMigrations(migrationsDir),
        optInToShadowDatabase: false,
        filters,
      }),
    );
    console.log(JSON.stringify(out, null, 2));
  } else if (cmd === "create") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: migrate.mjs create <snake_case_name>");
    await createBoth(name);
  } else {
    throw new Error("usage: migrate.mjs deploy | status | create <name>");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (e) => {
      const id = /External error id#(\d+)/.exec(String(e?.message))?.[1];
      const cause = id !== undefined ? globalThis.__twErrorRegistry?.consumeError(Number(id)) : undefined;
      console.error(
        `migrate: ${e.code ?? ""} ${String(e.message).split("\n")[0]}${cause ? `\ncause: ${inspect(cause)}` : ""}`,
      );
      process.exit(1);
    },
  );
}
