// Whole-process start-up of the CLI's local commands against bare Node, side by side in one run:
// `node -e 0`, then `node bin/tablewright.mjs <command> ...` for validate, estimate, dr, render and
// bundle, interleaved round by round so a change in machine load hits every case alike.
// CPU is each process's own user + system time from start to exit (bench/lib/report-cpu.cjs,
// preloaded into every process, `node -e 0` included), which other work on the machine barely
// moves; wall time is measured here around each spawn and grows with load.
// Target (issue 19): every command's median CPU <= 1.5 x `node -e 0`'s.
// Run alone: `node bench/cli-startup.bench.mjs` (builds the CLI first); CLI_STARTUP_RUNS (default 20).
// The last line of standard output is the result as JSON, for scripts/bench.mjs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.CLI_STARTUP_RUNS ?? 20);
const TARGET_RATIO = 1.5;
const REQUEST = "examples/requests/valid/prod-with-gsis.json";
const PRELOAD = path.join(ROOT, "bench/lib/report-cpu.cjs");

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

function runOnce(args, work) {
  const cpuFile = path.join(work, "cpu");
  rmSync(cpuFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--require", PRELOAD, ...args], {
    cwd: ROOT,
    env: { ...process.env, TW_BENCH_CPU_FILE: cpuFile },
    encoding: "utf8",
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${result.status ?? result.signal}:\n${result.stderr}`);
  }
  return { wallMs, cpuMs: Number(readFileSync(cpuFile, "utf8")) / 1000 };
}

export function measureCliStartup({ runs = RUNS } = {}) {
  const build = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`CLI build failed:\n${build.stderr}`);
  const work = mkdtempSync(path.join(tmpdir(), "tablewright-startup-"));
  const cli = (...args) => ["bin/tablewright.mjs", ...args];
  const cases = [
    { name: "node -e 0", args: ["-e", "0"] },
    { name: "validate", args: cli("validate", REQUEST) },
    { name: "estimate", args: cli("estimate", REQUEST) },
    { name: "dr", args: cli("dr", REQUEST) },
    // render rewrites its own folder each run (the manifest lets it); bundle overwrites its zip.
    { name: "render", args: cli("render", REQUEST, "--out", path.join(work, "module")) },
    { name: "bundle", args: cli("bundle", REQUEST, "--out", path.join(work, "module.zip")) },
  ];
  try {
    for (const c of cases) runOnce(c.args, work); // warm the file cache
    const samples = cases.map(() => ({ wall: [], cpu: [] }));
    for (let round = 0; round < runs; round++) {
      cases.forEach((c, i) => {
        const { wallMs, cpuMs } = runOnce(c.args, work);
        samples[i].wall.push(wallMs);
        samples[i].cpu.push(cpuMs);
      });
    }
    const rows = cases.map((c, i) => ({
      name: c.name,
      wallMs: summarise(samples[i].wall),
      cpuMs: summarise(samples[i].cpu),
    }));
    const [baseline] = rows;
    const results = rows.map((row) => ({
      ...row,
      cpuRatio: row.cpuMs.median / baseline.cpuMs.median,
      wallRatio: row.wallMs.median / baseline.wallMs.median,
    }));
    for (const r of results.slice(1)) r.met = r.cpuRatio <= TARGET_RATIO;
    return { runs, request: REQUEST, targetRatio: TARGET_RATIO, results };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const f = (n) => n.toFixed(0).padStart(5);
export function formatCliStartup(report) {
  const lines = [
    `CLI start-up, whole processes, ${report.runs} interleaved runs each (${report.request}); target: median CPU <= ${report.targetRatio} x node -e 0`,
    "case         CPU ms median   p90   ratio | wall ms median   p90   ratio | target",
  ];
  for (const r of report.results) {
    const verdict = r.met === undefined ? "(baseline)" : r.met ? "met" : "MISSED";
    lines.push(
      `${r.name.padEnd(12)} ${f(r.cpuMs.median)}        ${f(r.cpuMs.p90)}  ${r.cpuRatio.toFixed(2).padStart(5)} |  ${f(r.wallMs.median)}        ${f(r.wallMs.p90)}  ${r.wallRatio.toFixed(2).padStart(5)} | ${verdict}`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const report = measureCliStartup();
  console.log(formatCliStartup(report));
  console.log(JSON.stringify(report));
  if (report.results.some((r) => r.met === false)) process.exitCode = 1;
}
