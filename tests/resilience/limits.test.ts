// Limits: oversized bodies (413, announced or streamed), deeply nested JSON, and slow clients that
// dribble bytes, all handled without harming other users: normal requests sent at the same time
// keep succeeding with latency close to the baseline.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTokens,
  type Portal,
  startDatabase,
  startPortal,
  stopEverything,
} from "../../scripts/lib/portal-harness.mjs";
import { call, percentile, pool, problemDefect } from "./support/api";
import { resilienceRequest } from "./support/requests";

const LIMIT = 1_048_576;
let portal: Portal;
let token = "";
const body = JSON.stringify(resilienceRequest("dev", "limits-table"));

beforeAll(async () => {
  const db = await startDatabase();
  token = (await createTokens(db.url, { dana: { email: "dana@example.com", scopes: "read,write" } })).dana as string;
  portal = await startPortal({ databaseUrl: db.url, label: "limits" });
});

afterAll(() => stopEverything());

/** POSTs a body streamed in chunks with no Content-Length (chunked), so only counting can stop it. */
function postChunked(path: string, totalBytes: number): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${portal.baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c) => {
        text += c;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"]), text }),
      );
    });
    // The server may answer and close before we finish sending: that is the point.
    req.on("error", (error) =>
      String(error).includes("EPIPE") || String(error).includes("ECONNRESET") ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, " ");
    let sent = 0;
    const write = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    req.write("[");
    write();
  });
}

/** Latencies of `count` normal estimate requests, `width` at a time; every one must succeed. */
async function normalTraffic(count: number, width = 4) {
  const results = await pool(
    width,
    Array.from(
      { length: count },
      () => () => call(portal.baseUrl, token, "POST", "/api/v1/estimate", undefined, { rawBody: body }),
    ),
  );
  expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.text.slice(0, 100)}`)).toEqual([]);
  return results.map((r) => r.ms);
}

describe("limits: big, deep and slow requests", () => {
  it("answers an announced oversized body with 413 problem+json before reading it", async () => {
    const res = await call(portal.baseUrl, token, "POST", "/api/v1/validate", undefined, {
      rawBody: `"${"x".repeat(LIMIT + 10)}"`,
    });
    expect(res.status).toBe(413);
    expect(problemDefect(res)).toBeUndefined();
  });

  it("stops reading a streamed (chunked) body at the limit with 413", async () => {
    const res = await postChunked("/api/v1/change-requests", 8 * LIMIT);
    expect(res.status).toBe(413);
    expect(res.contentType).toContain("application/problem+json");
  });

  it("answers deeply nested JSON with a 4xx problem (or, from /validate, an invalid verdict), not a crash", async () => {
    const deepArray = "[".repeat(500_000) + "]".repeat(500_000);
    const deepRequest = `{"request":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`;
    for (const text of [deepArray, deepRequest]) {
      for (const path of ["/api/v1/validate", "/api/v1/change-requests", "/api/v1/change-requests?limit=1"]) {
        const res = await call(portal.baseUrl, token, "POST", path, undefined, { rawBody: text });
        if (path === "/api/v1/validate" && res.status === 200) {
          // Validation's contract: 200 with valid: false and the reason.
          expect(res.body.valid).toBe(false);
          continue;
        }
        expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(problemDefect(res)).toBeUndefined();
      }
    }
    expect((await fetch(`${portal.baseUrl}/api/health`)).status).toBe(200);
  });

  it("keeps serving others while slow clients dribble bytes and big bodies pour in", async () => {
    await normalTraffic(50); // warm-up
    const baseline = await normalTraffic(200);

    // 30 clients that send headers then one body byte every 200 ms, 10 that never finish their headers.
    const host = new URL(portal.baseUrl);
    const sockets: net.Socket[] = [];
    const timers: NodeJS.Timeout[] = [];
    for (let i = 0; i < 40; i++) {
      const socket = net.connect(Number(host.port), host.hostname);
      socket.on("error", () => undefined);
      sockets.push(socket);
      if (i < 30) {
        socket.write(
          `POST /api/v1/estimate HTTP/1.1\r\nHost: ${host.host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
        );
        timers.push(setInterval(() => socket.write(" "), 200));
      } else {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: ${host.host}\r\n`);
        timers.push(setInterval(() => socket.write("X-Slow: 1\r\n"), 500));
      }
    }
    // And 10 oversized uploads at once, streamed as fast as the socket takes them.
    const floods = Promise.all(Array.from({ length: 10 }, () => postChunked("/api/v1/validate", 4 * LIMIT)));
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      const during = await normalTraffic(200);
      const [b99, d99] = [percentile(baseline, 0.99), percentile(during, 0.99)];
      console.log(
        `limits: normal estimate p50/p99 ${percentile(baseline, 0.5).toFixed(0)}/${b99.toFixed(0)} ms alone, ${percentile(during, 0.5).toFixed(0)}/${d99.toFixed(0)} ms beside 30 dribbling bodies, 10 slow header senders and 10 oversized uploads`,
      );
      // "Good latency": within 3x the baseline's p99, or 200 ms of it on a busy machine.
      expect(d99).toBeLessThanOrEqual(Math.max(3 * b99, b99 + 200));
      for (const res of await floods) expect(res.status).toBe(413);
      // The slow clients are still connected: they cost a socket each, not a worker.
      expect(sockets.filter((s) => !s.destroyed).length).toBeGreaterThan(0);
    } finally {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
    }
    expect((await fetch(`${portal.baseUrl}/api/health`)).status).toBe(200);
  });
});
