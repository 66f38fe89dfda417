// PostgreSQL stopped in the middle of a load: requests must fail fast with a 503 problem that says
// the database is unavailable (no hang, no 500); after PostgreSQL is back the same `next start`
// recovers on its own, and nothing acknowledged before the stop is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTokens,
  type Database,
  type Portal,
  pgCtlAsync,
  startDatabase,
  startPortal,
  stopEverything,
  withPg,
} from "../../scripts/lib/portal-harness.mjs";
import { type ApiResponse, call, percentile, problemDefect } from "./support/api";
import { resilienceRequest } from "./support/requests";

const CLIENTS = 4;
/** "Fail fast": a request during the outage must be answered within this. */
const FAST_MS = 5_000;
const TITLE = "resilience faults";

let db: Database;
let portal: Portal;
let token = "";

beforeAll(async () => {
  db = await startDatabase();
  token = (await createTokens(db.url, { dana: { email: "dana@example.com", scopes: "read,write" } })).dana as string;
  portal = await startPortal({ databaseUrl: db.url, label: "faults" });
});

afterAll(() => stopEverything());

interface Sample {
  startedAt: number;
  kind: string;
  res?: ApiResponse;
  error?: string;
  ms: number;
}

describe("faults: PostgreSQL stops during a load", () => {
  it("fails fast with 503 during the outage, recovers by itself, loses nothing acknowledged", async () => {
    const samples: Sample[] = [];
    let running = true;
    let n = 0;
    const one = async (kind: string, fn: () => Promise<ApiResponse>) => {
      const startedAt = performance.now();
      try {
        const res = await fn();
        samples.push({ startedAt, kind, res, ms: res.ms });
      } catch (error) {
        samples.push({ startedAt, kind, error: String(error), ms: performance.now() - startedAt });
      }
    };
    const client = async () => {
      while (running) {
        const i = n++;
        if (i % 3 === 2) {
          await one("list", () =>
            call(portal.baseUrl, token, "GET", "/api/v1/change-requests?limit=20", undefined, { timeoutMs: 20_000 }),
          );
        } else {
          await one("create", () =>
            call(
              portal.baseUrl,
              token,
              "POST",
              "/api/v1/change-requests",
              { request: resilienceRequest("dev", `fault-${i}`), title: TITLE },
              { timeoutMs: 20_000 },
            ),
          );
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, client));
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await sleep(3_000);
    await pgCtlAsync(db, "stop");
    const downAt = performance.now();
    await sleep(6_000);
    const health = await fetch(`${portal.baseUrl}/api/health`);
    expect(health.status, "health during the outage").toBe(503);
    const upStartedAt = performance.now();
    await pgCtlAsync(db, "start");
    const upAt = performance.now();

    // Recovery: the same server answers a create again within 20 s, without a restart.
    let recoveredAt: number | undefined;
    while (performance.now() - upAt < 20_000) {
      const probe = samples.filter((s) => s.startedAt > upAt && s.kind === "create" && s.res?.status === 201);
      if (probe.length >= 5) {
        recoveredAt = probe[0]?.startedAt;
        break;
      }
      await sleep(250);
    }
    await sleep(2_000);
    running = false;
    await load;

    const during = samples.filter((s) => s.startedAt > downAt && s.startedAt + s.ms < upStartedAt);
    const statuses = (list: Sample[]) => {
      const out: Record<string, number> = {};
      for (const s of list)
        out[s.res ? s.res.status : "network error"] = (out[s.res ? s.res.status : "network error"] ?? 0) + 1;
      return out;
    };
    console.log(
      `faults: ${samples.length} requests; during the outage ${JSON.stringify(statuses(during))}, p99 ${percentile(
        during.map((s) => s.ms),
        0.99,
      ).toFixed(
        0,
      )} ms; recovered ${recoveredAt ? `${((recoveredAt - upAt) / 1000).toFixed(1)} s` : "NOT"} after PostgreSQL was back; overall ${JSON.stringify(statuses(samples))}`,
    );

    // Never a network error, a hang or a 500, before, during or after.
    expect(samples.filter((s) => !s.res).map((s) => s.error)).toEqual([]);
    expect(samples.filter((s) => (s.res?.status ?? 0) >= 500 && s.res?.status !== 503).map((s) => s.res?.text)).toEqual(
      [],
    );
    expect(samples.map((s) => (s.res ? problemDefect(s.res) : undefined)).filter(Boolean)).toEqual([]);
    // During the outage: answered fast, as 503 DATABASE_UNAVAILABLE with a clear message and Retry-After.
    expect(during.length).toBeGreaterThan(10);
    for (const s of during) {
      expect(s.res?.status, `${s.kind} during the outage: ${s.res?.text}`).toBe(503);
      expect(s.res?.body?.code).toBe("DATABASE_UNAVAILABLE");
      expect(s.ms).toBeLessThanOrEqual(FAST_MS);
    }
    expect(recoveredAt, "the portal served creates again after PostgreSQL came back").toBeDefined();

    // Nothing acknowledged is lost: every 201 is in the database.
    const acknowledged = samples
      .filter((s) => s.kind === "create" && s.res?.status === 201)
      .map((s) => s.res?.body.key);
    const stored = new Set(
      await withPg(db.url, async (c) =>
        (await c.query<{ key: string }>('SELECT key FROM "ChangeRequest" WHERE title = $1', [TITLE])).rows.map(
          (r) => r.key,
        ),
      ),
    );
    expect(acknowledged.filter((k) => !stored.has(k))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(10);
  });
});
