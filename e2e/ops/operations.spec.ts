import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { freePort, type OwnPortal, startOwnPortal } from "../support/own-portal";

/**
 * How the portal behaves for an operator: configuration errors at start-up, JSON logs with request
 * ids, metrics, readiness, graceful shutdown. Each test starts its own `next start` on loopback
 * from the build the e2e run made.
 */
const E2E_DB = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
const BASE_ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  TABLEWRIGHT_AWS_CHECKS: "off",
  TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
  TABLEWRIGHT_LOG_LEVEL: "info",
};

function startPortal(env: Record<string, string>): Promise<OwnPortal> {
  return startOwnPortal({ ...process.env, ...BASE_ENV, DATABASE_URL: E2E_DB, ...env });
}

test.describe("start-up refuses a bad configuration and names the variable", () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      "a malformed database URL",
      { DATABASE_URL: "mysql://db/tablewright" },
      "DATABASE_URL: must start with file: (SQLite) or postgresql://",
    ],
    ["a non-numeric setting", { DATABASE_POOL_SIZE: "lots" }, "DATABASE_POOL_SIZE: must be a whole number"],
    [
      "a missing file",
      { TABLEWRIGHT_POLICY_FILE: "/nope/policy.json" },
      "TABLEWRIGHT_POLICY_FILE: file does not exist",
    ],
    [
      "an incomplete SSO setup",
      { OIDC_ISSUER: "https://login.example.com" },
      "OIDC_CLIENT_ID: is required when OIDC_ISSUER is set",
    ],
    [
      "a weak secret",
      { TABLEWRIGHT_METRICS_TOKEN: "abc" },
      "TABLEWRIGHT_METRICS_TOKEN: must be at least 16 characters",
    ],
  ];
  for (const [name, env, message] of cases) {
    test(`npm start with ${name}`, () => {
      const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
        env: { ...process.env, ...BASE_ENV, DATABASE_URL: E2E_DB, ...env },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(run.status, run.stdout + run.stderr).toBe(78);
      expect(run.stderr).toContain("Tablewright cannot start: the configuration is invalid.");
      expect(run.stderr).toContain(message);
    });
  }

  test("the server itself (next start, as the container runs it) refuses too", async () => {
    const port = await freePort();
    const run = spawnSync(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
      {
        env: { ...process.env, ...BASE_ENV, DATABASE_URL: "mysql://db/x" },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.stderr + run.stdout).toContain("DATABASE_URL: must start with file: (SQLite) or postgresql://");
    expect(run.status).not.toBe(0);
  });
});

test("logs are JSON lines with the request id, which error bodies carry too", async () => {
  const portal = await startPortal({});
  try {
    await fetch(`${portal.url}/api/v1/change-requests`, { headers: { "x-request-id": "ops-test-42" } });
    const problem = await (
      await fetch(`${portal.url}/api/v1/validate`, { method: "POST", headers: { "x-request-id": "ops-test-43" } })
    ).json();
    expect(problem.requestId).toBe("ops-test-43");
    await expect.poll(() => portal.output()).toContain("ops-test-43");
    const lines = portal
      .output()
      .split("\n")
      .filter((l) => l.includes("ops-test-4"));
    for (const line of lines) {
      const entry = JSON.parse(line);
      expect(entry).toMatchObject({ level: "info", msg: "request", service: "tablewright" });
      expect(entry.requestId).toMatch(/^ops-test-4[23]$/);
      expect(entry.route).toMatch(/^\/api\/v1\//);
      expect(typeof entry.durationMs).toBe("number");
    }
    expect(lines.map((l) => JSON.parse(l).status).sort()).toEqual([401, 401]);
    expect(portal.output()).not.toContain("demo-developer");
  } finally {
    portal.process.kill("SIGKILL");
  }
});

test("metrics expose the documented series to a scraper with the token, and nothing without it", async () => {
  const token = "ops-metrics-token-0123456789";
  const portal = await startPortal({ TABLEWRIGHT_METRICS_TOKEN: token });
  try {
    await fetch(`${portal.url}/api/v1/openapi.json`);
    await fetch(`${portal.url}/api/v1/change-requests`);
    expect((await fetch(`${portal.url}/api/metrics`)).status).toBe(401);
    const res = await fetch(`${portal.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const documented = readFileSync("docs/operations.md", "utf8");
    for (const series of [
      "tablewright_http_requests_total",
      "tablewright_http_request_duration_seconds",
      "tablewright_change_requests",
      "tablewright_decision_latency_seconds",
      "tablewright_process_resident_memory_bytes",
    ]) {
      expect(text, series).toContain(series);
      expect(documented, `docs/operations.md documents ${series}`).toContain(series);
    }
    expect(text).toMatch(
      /tablewright_http_requests_total\{route="\/api\/v1\/change-requests",method="GET",status="401"\} \d+/,
    );
    expect(text).toMatch(/tablewright_change_requests\{status="APPROVED"\} \d+/);
  } finally {
    portal.process.kill("SIGKILL");
  }
});

test("readiness and health say 503 when the database is unreachable, quickly", async () => {
  const closed = await freePort();
  const portal = await startPortal({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/tablewright` }).catch(
    () => undefined,
  );
  // /api/health answers 503, so startPortal's probe (any answer) succeeds.
  expect(portal).toBeDefined();
  if (!portal) return;
  try {
    const started = Date.now();
    const ready = await fetch(`${portal.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).database.reachable).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await fetch(`${portal.url}/api/health`)).status).toBe(503);
    const api = await fetch(`${portal.url}/api/v1/change-requests`, { headers: { authorization: "Bearer tw_x" } });
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
  } finally {
    portal.process.kill("SIGKILL");
  }
});

test("SIGTERM during a slow request lets it finish, then the process exits", async () => {
  const portal = await startPortal({ TABLEWRIGHT_SHUTDOWN_GRACE_MS: "20000" });
  expect((await fetch(`${portal.url}/api/ready`)).status).toBe(200);
  const body = Buffer.from(readFileSync("examples/requests/valid/basic-dev.json"));
  const { port } = new URL(portal.url);
  // Signed in, so the handler reads the whole body before answering (anonymous calls are refused first).
  const signIn = await fetch(`${portal.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: portal.url },
    body: new URLSearchParams({ email: "dana@example.com", password: "demo-developer", returnTo: "/" }),
    redirect: "manual",
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const home = await (await fetch(`${portal.url}/`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(home)?.[1] ?? "";
  expect(csrf).not.toBe("");
  // A client that sends half its body, waits, then the rest: the request is in flight throughout.
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: Number(port),
        method: "POST",
        path: "/api/v1/validate",
        headers: { "content-type": "application/json", "content-length": body.length, cookie, "x-csrf-token": csrf },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.write(body.subarray(0, 100));
    setTimeout(() => {
      portal.process.kill("SIGTERM");
      setTimeout(() => req.end(body.subarray(100)), 1_000);
    }, 300);
  });
  const result = await answer;
  expect(result.status, result.text).toBe(200);
  expect(JSON.parse(result.text).valid).toBe(true);
  const code = await portal.exited;
  expect(code).toBe(143);
  expect(portal.output()).toContain("shutdown: draining in-flight requests");
});
