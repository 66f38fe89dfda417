// `npm run test:resilience`: builds the app if needed (into its own folder), then runs the
// resilience suite (tests/resilience, Vitest) against real `next start` instances and throwaway
// PostgreSQL clusters on loopback, and prints a pass/fail summary. Exits non-zero on any failure.
// Extra arguments go to Vitest (e.g. a file filter: `npm run test:resilience -- fuzz`).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { buildPortal, PERF_DIST_DIR } from "./lib/portal-harness.mjs";

const REPORT = "tmp/resilience-report.json";
const started = Date.now();
process.env.NEXT_TELEMETRY_DISABLED = "1";

buildPortal();
rmSync(REPORT, { force: true });
const run = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--config",
    "tests/resilience/vitest.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${REPORT}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: PERF_DIST_DIR } },
);

let passed = 0;
let failed = 0;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, "utf8"));
  console.log("\n=== resilience summary ===");
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      const ok = test.status === "passed";
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? "pass" : "FAIL"}  ${test.fullName ?? test.title}`);
    }
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (run.status !== 0 && failed === 0) failed = 1; // the run itself failed (setup, crash)
console.log(`resilience suite took ${seconds} s`);
console.log(`resilience: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
