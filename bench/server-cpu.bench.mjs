// Server CPU per request: the CPU time (user + system, from /proc/<pid>/stat) the `next start`
// process and its children spend on N sequential requests to one endpoint, divided by N. One
// request at a time, so the number depends on our code and Next's, not on how busy the machine is
// or how many connections a load generator opens (throughput and latency do; see load.mjs).
// Targets (issue 19): validate <= 1.0 ms, estimate <= 1.5 ms, list <= 2 ms, create <= 5 ms.
// Standalone: `node bench/server-cpu.bench.mjs` (PostgreSQL, 10,000 change requests, next start on
// loopback; builds if needed). SERVER_CPU_REQUESTS (default 400) per endpoint;
// SERVER_CPU_PROFILE=1 starts the server with `node --cpu-prof` and writes the profile to
// tmp/cpu-prof/ when it stops (open it in Chrome DevTools, or summarise it with
// `node scripts/summarise-cpu-profile.mjs tmp/cpu-prof/<file>`).
// `npm run bench` calls measureServerCpu with its own portal and prints it with the targets.
import { readdirSync, readFileSync } from "node:fs";
import { bulkInsertChangeRequests } from "../scripts/lib/bench-data.mjs";
import { assertLoopback } from "../scripts/lib/load.mjs";
import {
  buildPortal,
  checkoutRequest,
  createTokens,
  runIfMain,
  startDatabase,
  startPortal,
} from "../scripts/lib/portal-harness.mjs";

const REQUESTS = Number(process.env.SERVER_CPU_REQUESTS ?? 400);
const WARMUP = 50;
const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** The pid and every descendant (Next may run its server in a child process). */
function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8").trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between the listing and the read
    }
  }
  return pids;
}

/** CPU time (user + system, ms) the process tree has used so far. */
export function treeCpuMs(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * CLOCK_TICK_MS;
}

/** The four endpoints issue 19 sets targets for, with the bodies `npm run bench` sends. */
export function serverCpuCases(baseUrl, token) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const request = JSON.stringify(checkoutRequest());
  let created = 0;
  return [
    // Next's floor: routing, the proxy and a one-line handler (the catch-all 404), none of our work.
    {
      name: "GET /api/unknown (floor: Next only)",
      url: `${baseUrl}/api/bench-unknown-endpoint`,
      method: "GET",
      headers,
      expectStatus: 404,
    },
    ...[
      ["validate", 1.0],
      ["estimate", 1.5],
    ].map(([endpoint, targetMs]) => ({
      name: `POST /api/v1/${endpoint}`,
      url: `${baseUrl}/api/v1/${endpoint}`,
      method: "POST",
      headers,
      body: () => request,
      targetMs,
    })),
    {
      name: "GET /api/v1/change-requests?limit=50",
      url: `${baseUrl}/api/v1/change-requests?limit=50`,
      method: "GET",
      headers,
      targetMs: 2,
    },
    {
      name: "POST /api/v1/change-requests (draft)",
      url: `${baseUrl}/api/v1/change-requests`,
      method: "POST",
      headers,
      // Each create its own table name, as real drafts would be.
      body: () =>
        JSON.stringify({ request: checkoutRequest("basic-dev", `cpu-bench-${++created}`), title: "cpu bench" }),
      expectStatus: 201,
      targetMs: 5,
    },
  ];
}

async function send(c) {
  const res = await fetch(c.url, { method: c.method, headers: c.headers, body: c.body?.() });
  await res.arrayBuffer();
  if (res.status !== (c.expectStatus ?? 200)) throw new Error(`${c.name}: ${res.status}`);
}

/**
 * Sends WARMUP requests (not counted: JIT, caches), then `requests` one after another, reading the
 * server's CPU time before and after. Our own process's work (fetch) is not in the server's number.
 */
export async function measureServerCpu({ pid, baseUrl, token, requests = REQUESTS }) {
  assertLoopback(baseUrl);
  const results = [];
  for (const c of serverCpuCases(baseUrl, token)) {
    for (let i = 0; i < WARMUP; i++) await send(c);
    const before = treeCpuMs(pid);
    const started = performance.now();
    for (let i = 0; i < requests; i++) await send(c);
    const wallMs = performance.now() - started;
    const cpuMs = treeCpuMs(pid) - before;
    const perRequest = cpuMs / requests;
    results.push({
      name: c.name,
      requests,
      cpuMsPerRequest: Number(perRequest.toFixed(2)),
      wallMsPerRequest: Number((wallMs / requests).toFixed(2)),
      targetMs: c.targetMs,
      met: c.targetMs === undefined ? undefined : perRequest <= c.targetMs,
    });
  }
  return { requests, resolutionMs: CLOCK_TICK_MS / requests, results };
}

async function main() {
  buildPortal();
  const db = await startDatabase();
  const tokens = await createTokens(db.url, { dana: { email: "dana@example.com", scopes: "read,write" } });
  const rows = await bulkInsertChangeRequests(db.url, { count: 10_000 });
  const profile = process.env.SERVER_CPU_PROFILE === "1";
  const portal = await startPortal({
    databaseUrl: db.url,
    label: "server cpu bench portal",
    nodeArgs: profile ? ["--cpu-prof", "--cpu-prof-dir=tmp/cpu-prof"] : [],
  });
  const outcome = await measureServerCpu({ pid: portal.pid, baseUrl: portal.baseUrl, token: tokens.dana });
  console.log(`server CPU per request (${outcome.requests} sequential requests each, ${rows} change requests):`);
  for (const r of outcome.results) {
    console.log(
      `  ${r.name.padEnd(40)} ${r.cpuMsPerRequest.toFixed(2)} ms CPU ${r.targetMs === undefined ? "(baseline)" : `(target <= ${r.targetMs}): ${r.met ? "met" : "MISSED"}`}; ${r.wallMsPerRequest.toFixed(2)} ms wall`,
    );
  }
  await portal.stop(20_000); // a graceful stop lets --cpu-prof write its profile
  if (profile) console.log("profile written to tmp/cpu-prof/");
  process.exitCode = outcome.results.every((r) => r.met !== false) ? 0 : 1;
}

await runIfMain(import.meta.url, main);
