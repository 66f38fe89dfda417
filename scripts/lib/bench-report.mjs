// Machine details and the Markdown/console rendering of `npm run bench` results.
import { execFileSync } from "node:child_process";
import os from "node:os";

export function machineDetails() {
  const cpus = os.cpus();
  let commit = "unknown";
  let dirty = false;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() !== "";
  } catch {
    // not a git checkout
  }
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit,
    workingTreeDirty: dirty,
    // Other work on the machine skews every number; the load average says how busy it was.
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
    startedAt: new Date().toISOString(),
  };
}

const ms = (n) => (n < 1 ? n.toFixed(3) : n.toFixed(2));

/** One verdict per HTTP target: throughput and p99 both within bounds, and no failed request. */
export function httpVerdict(result, target) {
  const failures = result.non2xx + result.errors + result.timeouts;
  const met =
    failures === 0 &&
    (target.minRps === undefined || result.requestsPerSecond >= target.minRps) &&
    (target.maxP99Ms === undefined || result.latencyMs.p99 <= target.maxP99Ms);
  return { ...target, met, failures };
}

export function targetText(t) {
  return [
    t.minRps !== undefined ? `>= ${t.minRps} req/s` : "",
    t.maxP99Ms !== undefined ? `p99 <= ${t.maxP99Ms} ms` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export function renderMarkdown(report) {
  const m = report.machine;
  const lines = [
    `# Benchmark results`,
    "",
    `${m.startedAt}, commit ${m.commit}${m.workingTreeDirty ? " (uncommitted changes present)" : ""}`,
    "",
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverageAtStart.join(" / ")}, at end ${report.loadAverageAtEnd.join(" / ")}.`,
    "",
    "## Engine (in process, ms)",
    "",
    "| operation | iterations | median | p99 | target (median) |",
    "|---|---:|---:|---:|---|",
  ];
  for (const o of report.engine.operations) {
    const t = report.engine.targets[o.name];
    const verdict = t === undefined ? "" : `${o.medianMs <= t ? "met" : "MISSED"} (<= ${t} ms)`;
    lines.push(`| ${o.name} | ${o.iterations} | ${ms(o.medianMs)} | ${ms(o.p99Ms)} | ${verdict} |`);
  }
  if (report.cliStartup) {
    const c = report.cliStartup;
    lines.push(
      "",
      `## CLI start-up (whole processes, ${c.runs} interleaved runs each, target: median CPU <= ${c.targetRatio} x node -e 0)`,
      "",
      "| case | CPU ms median | CPU p90 | CPU ratio | wall ms median | wall p90 | wall ratio | target |",
      "|---|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const r of c.results) {
      const verdict = r.met === undefined ? "baseline" : r.met ? "met" : "MISSED";
      lines.push(
        `| ${r.name} | ${r.cpuMs.median.toFixed(0)} | ${r.cpuMs.p90.toFixed(0)} | ${r.cpuRatio.toFixed(2)} | ${r.wallMs.median.toFixed(0)} | ${r.wallMs.p90.toFixed(0)} | ${r.wallRatio.toFixed(2)} | ${verdict} |`,
      );
    }
  }
  lines.push(
    "",
    "## How engine cost grows",
    "",
    "Full analysis (validate, estimate, DR preview, render) of the maximal request cut to N GSIs and M Regions; median ms.",
    "",
  );
  const gsis = [...new Set(report.engine.scaling.map((c) => c.gsis))];
  const regions = [...new Set(report.engine.scaling.map((c) => c.regions))];
  lines.push(`| GSIs \\ Regions | ${regions.join(" | ")} |`, `|---|${regions.map(() => "---:").join("|")}|`);
  for (const g of gsis) {
    const cells = regions.map((r) => {
      const c = report.engine.scaling.find((x) => x.gsis === g && x.regions === r);
      return c ? `${ms(c.medianMs)}${c.valid ? "" : " (invalid)"}` : "";
    });
    lines.push(`| ${g} | ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    "## HTTP (autocannon against `next start` on 127.0.0.1, PostgreSQL)",
    "",
    "| endpoint | connections | req/s | p50 ms | p99 ms | max ms | failed | server CPU ms/req | target | verdict |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
  );
  for (const h of report.http) {
    const r = h.result;
    lines.push(
      `| ${r.name} | ${r.connections} | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${h.verdict.failures} | ${r.serverCpuMsPerRequest ?? "n/a"} | ${targetText(h.verdict)} | ${h.verdict.met ? "met" : "MISSED"} |`,
    );
  }
  if (report.serverCpu) {
    const c = report.serverCpu;
    lines.push(
      "",
      `## Server CPU per request (${c.requests} sequential requests each, user + system time of \`next start\` from /proc; resolution ${c.resolutionMs.toFixed(3)} ms)`,
      "",
      "| endpoint | CPU ms/request | wall ms/request | target | verdict |",
      "|---|---:|---:|---|---|",
    );
    for (const r of c.results) {
      const target = r.targetMs === undefined ? "" : `<= ${r.targetMs} ms`;
      const verdict = r.met === undefined ? "baseline" : r.met ? "met" : "MISSED";
      lines.push(
        `| ${r.name} | ${r.cpuMsPerRequest.toFixed(2)} | ${r.wallMsPerRequest.toFixed(2)} | ${target} | ${verdict} |`,
      );
    }
  }
  if (report.queue) {
    const { small, large, targetP99Ms } = report.queue;
    const n = (x) => x.toLocaleString("en");
    lines.push(
      "",
      "## Approval queue (lib/server/queue in process, PostgreSQL, ms)",
      "",
      `Each scenario: one page (up to 50 rows), the count of what waits (capped at 1,000) and the page's approvals; ${large.results[0]?.iterations ?? 0} runs at each size.`,
      "",
      `| scenario | rows shown | p50 at ${n(small.submitted)} submitted | p99 | p50 at ${n(large.submitted)} submitted | p99 | target | verdict |`,
      "|---|---:|---:|---:|---:|---:|---|---|",
    );
    for (const r of large.results) {
      const s = small.results.find((x) => x.name === r.name);
      lines.push(
        `| ${r.name} | ${r.shown} | ${s ? ms(s.medianMs) : ""} | ${s ? ms(s.p99Ms) : ""} | ${ms(r.medianMs)} | ${ms(r.p99Ms)} | p99 <= ${targetP99Ms} ms | ${r.p99Ms <= targetP99Ms ? "met" : "MISSED"} |`,
      );
    }
  }
  for (const note of report.notes) lines.push("", `- ${note}`);
  lines.push("", "## UI live panel", "", report.ui.summary, "");
  return lines.join("\n");
}
