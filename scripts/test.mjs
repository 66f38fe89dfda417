// `npm test`: the whole suite, in the order a failure is cheapest to find: lint, typecheck,
// unit (with JSON Schema freshness), real Terraform (init/validate/plan of generated modules,
// offline), integration (SQLite + PostgreSQL), e2e in Chromium, then the resilience suite
// (concurrency on PostgreSQL, fuzzing, faults, limits) on the same build.
import { spawnSync } from "node:child_process";
import { detectTerraform } from "./lib/terraform-toolchain.mjs";
import { isPostgresInstalled } from "./lib/throwaway-postgres.mjs";

const steps = [
  ["lint", ["node_modules/@biomejs/biome/bin/biome", "check", "."]],
  ["typecheck", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["unit", ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"]],
  ["terraform", ["node_modules/vitest/vitest.mjs", "run", "--project", "terraform"]],
  ["integration", ["node_modules/vitest/vitest.mjs", "run", "--project", "integration"]],
  ["e2e", ["scripts/e2e.mjs"]],
  ["resilience", ["scripts/resilience.mjs"], { NEXT_DIST_DIR: ".next" }],
];

const only = process.env.TEST_STEPS?.split(",");
const results = [];
const skipped = [];
for (const [name, args, env = {}] of steps) {
  if (only && !only.includes(name)) continue;
  if (name === "terraform") {
    // Real Terraform and the offline aws provider mirror cannot be installed from npm or Debian:
    // where they are absent the step is skipped and says so here and in the summary, never passed.
    const tf = detectTerraform();
    if (!tf.ok && process.env.TABLEWRIGHT_REQUIRE_TERRAFORM === "1") {
      console.log(
        `\n=== terraform ===\nFAILED: real Terraform is required (TABLEWRIGHT_REQUIRE_TERRAFORM=1): ${tf.missing}`,
      );
      results.push({ name, ok: false, seconds: "0.0" });
      break;
    }
    if (!tf.ok) {
      console.log(`\n=== terraform ===\nSKIPPED: real Terraform is missing: ${tf.missing}`);
      skipped.push(`terraform (missing: ${tf.missing})`);
      continue;
    }
    console.log(`\n=== terraform ===\n${tf.summary}`);
  }
  if (name === "resilience" && !isPostgresInstalled()) {
    // Said loudly, never silently: CI installs PostgreSQL (.ci/run), so there it always runs.
    console.log("\n=== resilience ===\nSKIPPED: needs PostgreSQL's server (sudo apt-get install -y postgresql)");
    skipped.push("resilience (needs PostgreSQL's server)");
    continue;
  }
  if (name !== "terraform") console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: run.status === 0, seconds });
  if (run.status !== 0) break;
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "pass" : "FAIL"}  ${r.name} (${r.seconds} s)`);
for (const s of skipped) console.log(`SKIP  ${s}`);
const failed = results.filter((r) => !r.ok).length;
const notRun = steps.length - results.length;
console.log(`${results.length - failed} passed, ${failed} failed${notRun ? `, ${notRun} not run` : ""}`);
process.exit(failed ? 1 : 0);
