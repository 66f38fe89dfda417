// `npm start`: build if needed, apply migrations, seed labelled demo data on the embedded database's
// first start, then `next start`. Honours PORT and HOSTNAME (as the standalone Next server does).
import { spawn, spawnSync } from "node:child_process";
import nextEnv from "@next/env";
import { resolveDatabaseConfig } from "../lib/database-config.mjs";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { deployMigrations } from "./migrate.mjs";

nextEnv.loadEnvConfig(process.cwd());
process.env.NEXT_TELEMETRY_DISABLED = "1";

buildIfNeeded();
// The same schema the server checks in instrumentation.ts: fail before migrating, naming the variable.
const { assertValidEnv } = await import("../dist/env.mjs");
assertValidEnv();
const config = resolveDatabaseConfig();

const applied = await deployMigrations(config.url);
console.log(`migrate (${config.kind}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);

// Demo data belongs to the embedded mode; a PostgreSQL deployment opts in explicitly.
const wantsDemo = process.env.TABLEWRIGHT_DEMO_SEED ?? (config.kind === "sqlite" ? "1" : "0");
if (wantsDemo === "1") {
  const seed = spawnSync(process.execPath, ["dist/seed.mjs"], {
    stdio: "inherit",
    env: { ...process.env, TABLEWRIGHT_AWS_CHECKS: "off" },
  });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}

// The embedded database is the demo mode: its local accounts are explicitly allowed even though
// `next start` runs with NODE_ENV=production. PostgreSQL deployments use SSO or opt in themselves.
if (
  config.kind === "sqlite" &&
  !process.env.OIDC_ISSUER &&
  process.env.TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS === undefined
) {
  process.env.TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS = "1";
  console.log("auth: embedded mode, local demo accounts enabled (configure OIDC_ISSUER for single sign-on)");
}

const args = ["node_modules/next/dist/bin/next", "start"];
if (process.env.HOSTNAME) args.push("-H", process.env.HOSTNAME);
const server = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
