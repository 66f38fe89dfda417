// `npm run test:e2e`: build if needed, give the e2e run a fresh migrated database with the demo
// seed, then run Playwright in real Chromium. Extra arguments go to `playwright test`.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { buildIfNeeded } from "./lib/build-if-needed.mjs";
import { deployMigrations } from "./migrate.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
if (databaseUrl.startsWith("file:")) {
  mkdirSync("data", { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${databaseUrl.slice(5)}${suffix}`, { force: true });
}

buildIfNeeded();
await deployMigrations(databaseUrl);
const env = { ...process.env, DATABASE_URL: databaseUrl, E2E_DATABASE_URL: databaseUrl };
const seed = spawnSync(process.execPath, ["dist/seed.mjs"], {
  stdio: "inherit",
  env: { ...env, TABLEWRIGHT_AWS_CHECKS: "off" },
});
if (seed.status !== 0) process.exit(seed.status ?? 1);

// Named spec files run on their own, without the projects they depend on.
const args = process.argv.slice(2);
if (args.some((a) => !a.startsWith("-")) && !args.includes("--deps")) args.push("--no-deps");
const result = spawnSync(
  process.execPath,
  ["node_modules/@playwright/test/cli.js", "test", ...args.filter((a) => a !== "--deps")],
  {
    stdio: "inherit",
    env,
  },
);
process.exit(result.status ?? 1);
