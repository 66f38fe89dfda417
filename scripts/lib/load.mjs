// Load generation for the HTTP benchmarks: autocannon against loopback only, with a warm-up
// that is not counted and a bounded measured run.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

/** Only loopback is ever a target (the workplace's rule for load tests). */
export function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host))
    throw new Error(`refusing to load ${host}: loopback only`);
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Runs a warm-up then a measured autocannon run; returns throughput, latency percentiles and
 * failures. `requests` (autocannon's per-request hooks) lets each request carry its own body.
 * @param {{ name: string, url: string, method?: string, headers?: Record<string,string>, body?: string,
 *   requests?: object[], connections?: number, durationSeconds?: number, warmupSeconds?: number,
 *   expectStatus?: number }} spec
 */
export async function measureEndpoint(spec) {
  assertLoopback(spec.url);
  const base = {
    url: spec.url,
    method: spec.method ?? "GET",
    headers: spec.headers,
    body: spec.body,
    requests: spec.requests,
    connections: spec.connections ?? 20,
    pipelining: 1,
    timeout: 10,
  };
  if ((spec.warmupSeconds ?? 3) > 0) await run({ ...base, duration: spec.warmupSeconds ?? 3 });
  // The server's CPU per request does not depend on what else the machine runs, unlike req/s.
  const cpuBefore = spec.serverPid ? cpuMs(spec.serverPid) : undefined;
  const result = await run({ ...base, duration: spec.durationSeconds ?? 10 });
  const cpuAfter = spec.serverPid ? cpuMs(spec.serverPid) : undefined;
  const expected = spec.expectStatus ?? 200;
  const statusKey = `${Math.floor(expected / 100)}xx`;
  return {
    name: spec.name,
    connections: base.connections,
    durationSeconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    // autocannon counts 2xx together; anything else, errors and timeouts are failures.
    ok: result[statusKey] ?? 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
        ? Number(((cpuAfter - cpuBefore) / result.requests.total).toFixed(2))
        : undefined,
  };
}
