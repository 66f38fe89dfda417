// `npm run dev`: apply migrations (and the demo seed on SQLite), then `next dev` with hot reload.
import { spawn, spawnSync } from "node:child_process";
import nextEnv from "@next/env";
import { resolveDatabaseConfig } from "../lib/database-config.mjs";
import { deployMigrations } from "./migrate.mjs";

nextEnv.loadEnvConfig(process.cwd(), true);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const config = resolveDatabaseConfig();
await deployMigrations(config.url);
if ((process.env.TABLEWRIGHT_DEMO_SEED ?? (config.kind === "sqlite" ? "1" : "0")) === "1") {
  spawnSync(process.execPath, ["dist/seed.mjs"], {
    stdio: "inherit",
    env: { ...process.env, TABLEWRIGHT_AWS_CHECKS: "off" },
  });
}
const args = ["node_modules/next/dist/bin/next", "dev"];
if (process.env.HOSTNAME) args.push("-H", process.env.HOSTNAME);
const server = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
server.on("exit", (code) => process.exit(code ?? 0));
