// Summarises a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file): self time grouped by who
// owns the code (Next, React, Prisma, zod, pg, other packages, Node's internals, ours), then the
// top functions by self time. For docs/benchmarks.md: which share of the server's or the CLI's
// CPU is ours to lower and which is the framework's.
// Usage: node scripts/summarise-cpu-profile.mjs <file.cpuprofile> [--top 25]
import { readFileSync } from "node:fs";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/summarise-cpu-profile.mjs <file.cpuprofile> [--top N]");
  process.exit(2);
}
const top = Number(rest[rest.indexOf("--top") + 1]) || 25;
const profile = JSON.parse(readFileSync(file, "utf8"));

/** Who owns a script, from its URL (a bundled chunk names its package only through its path). */
function ownerOf(url, name) {
  if (!url)
    return name === "(garbage collector)"
      ? "V8 garbage collector"
      : name === "(program)"
        ? "V8/native (program)"
        : name === "(idle)"
          ? "idle"
          : "V8/native";
  if (url.startsWith("node:")) return "Node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (/\.next|next-perf/.test(url) && /server\/chunks|server\/app/.test(url))
    return "app bundle (ours + bundled packages)";
  return "ours";
}

// Self time per node: samples that hit it times the mean sampling interval.
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const intervalMs = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
const byOwner = new Map();
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const n = hits.get(node.id) ?? 0;
  if (!n) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const owner = ownerOf(url, functionName);
  if (owner === "idle") continue;
  const ms = n * intervalMs;
  total += ms;
  byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
  const key = `${functionName || "(anonymous)"}  ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(?=\.next|tmp|lib|dist)/, "")}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
}
const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${total.toFixed(0)} ms of CPU sampled (idle excluded)\n\nby owner:`);
for (const [owner, ms] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`  ${pct(ms)}  ${ms.toFixed(0).padStart(6)} ms  ${owner}`);
}
console.log(`\ntop ${top} functions by self time:`);
for (const [fn, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${pct(ms)}  ${fn}`);
}
