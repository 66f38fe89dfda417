#!/usr/bin/env node
// The package's own bin. dist/cli.mjs is built by `npm run cli:build` (also on `npm ci`, via prepare).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
if (!existsSync(built)) {
  process.stderr.write("tablewright: the CLI is not built yet; run `npm run cli:build` (npm ci does it for you).\n");
  process.exit(2);
}
const { runCli, processIo } = await import(built);
process.exitCode = await runCli(process.argv.slice(2), processIo());
