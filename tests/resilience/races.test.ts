// Races aimed at two instances on one PostgreSQL on purpose: an approval against a withdrawal of
// the same request, one Idempotency-Key sent to both instances at once, and a create whose process
// is killed (SIGKILL) in the middle of its transaction and then retried. Each must end with exactly
// one outcome in the database, and the record (decisions, audit chain) must agree with it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTokens,
  type Database,
  type Portal,
  startDatabase,
  startPortal,
  stopEverything,
  withPg,
} from "../../scripts/lib/portal-harness.mjs";
import { type ApiResponse, call, problemDefect } from "./support/api";
import { resilienceRequest } from "./support/requests";

const RACES = 24;

let db: Database;
let a: Portal;
let b: Portal;
let tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await startDatabase();
  tokens = await createTokens(db.url, {
    dana: { email: "dana@example.com", scopes: "read,write" },
    pat: { email: "pat@example.com", scopes: "read,write,decide" },
    quinn: { email: "quinn@example.com", scopes: "read,write,decide" },
  });
  [a, b] = await Promise.all([
    startPortal({ databaseUrl: db.url, label: "races-a" }),
    startPortal({ databaseUrl: db.url, label: "races-b" }),
  ]);
});

afterAll(() => stopEverything());

const noServerErrors = (responses: ApiResponse[]) =>
  responses.filter((r) => r.status >= 500 || problemDefect(r)).map((r) => `${r.status} ${r.text.slice(0, 200)}`);

describe("races across two instances", () => {
  it("approve versus withdraw, each aimed at the other instance: one wins, and the record agrees", async () => {
    const outcomes: { key: string; tier: string; approve: ApiResponse[]; withdraw: ApiResponse }[] = [];
    for (let i = 0; i < RACES; i++) {
      const tier = i % 2 === 0 ? "dev" : "prod";
      const created = await call(a.baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", {
        request: resilienceRequest(tier, `race-${i}`),
        title: "resilience race",
        submit: true,
      });
      expect(created.status, created.text).toBe(201);
      const key = created.body.key as string;
      const base = `/api/v1/change-requests/${key}`;
      // Swap which instance gets which side on every round.
      const [approveOn, withdrawOn] = i % 4 < 2 ? [a, b] : [b, a];
      const approvers = tier === "prod" ? ["pat", "quinn"] : ["pat"];
      const [withdraw, ...approve] = await Promise.all([
        call(withdrawOn.baseUrl, tokens.dana as string, "POST", `${base}/withdraw`, {}),
        ...approvers.map((who, j) =>
          call((j === 0 ? approveOn : withdrawOn).baseUrl, tokens[who] as string, "POST", `${base}/approve`, {
            revision: 1,
          }),
        ),
      ]);
      outcomes.push({ key, tier, approve, withdraw: withdraw as ApiResponse });
    }
    expect(noServerErrors(outcomes.flatMap((o) => [o.withdraw, ...o.approve]))).toEqual([]);

    const rows = await withPg(
      db.url,
      async (c) =>
        (
          await c.query<{ key: string; status: string; approvals: number; withdrawals: number }>(
            `SELECT cr.key, cr.status,
                  (SELECT count(*)::int FROM "Decision" d WHERE d."changeRequestId" = cr.id AND d.kind = 'APPROVE') AS approvals,
                  (SELECT count(*)::int FROM "AuditEvent" e WHERE e."changeRequestId" = cr.id AND e.action = 'WITHDRAW') AS withdrawals
           FROM "ChangeRequest" cr WHERE cr.title = 'resilience race'`,
          )
        ).rows,
    );
    const problems: string[] = [];
    let withdrawnWins = 0;
    let approvedWins = 0;
    for (const o of outcomes) {
      const row = rows.find((r) => r.key === o.key);
      const required = o.tier === "prod" ? 2 : 1;
      const approvedOk = o.approve.filter((r) => r.status === 200).length;
      if (!row) {
        problems.push(`${o.key}: missing`);
        continue;
      }
      if (row.approvals !== approvedOk)
        problems.push(`${o.key}: ${row.approvals} approvals stored, ${approvedOk} acknowledged`);
      if (o.withdraw.status === 200) {
        withdrawnWins++;
        if (row.status !== "WITHDRAWN") problems.push(`${o.key}: withdrawal acknowledged, status ${row.status}`);
        if (row.withdrawals !== 1) problems.push(`${o.key}: ${row.withdrawals} withdrawal events`);
        if (approvedOk >= required) problems.push(`${o.key}: both the withdrawal and the final approval won`);
      } else {
        if (row.withdrawals !== 0) problems.push(`${o.key}: withdrawal refused but recorded`);
        if (approvedOk >= required) approvedWins++;
        const expected = approvedOk >= required ? "APPROVED" : "SUBMITTED";
        if (row.status !== expected) problems.push(`${o.key}: status ${row.status}, expected ${expected}`);
      }
    }
    console.log(`races: ${withdrawnWins} withdrawals won, ${approvedWins} approvals won, of ${outcomes.length}`);
    expect(problems).toEqual([]);
    // Both sides must win sometimes, or the race was not a race.
    expect(withdrawnWins + approvedWins).toBeGreaterThan(0);
  });

  it("one Idempotency-Key sent to both instances at once creates exactly one change request", async () => {
    const body = {
      request: resilienceRequest("dev", "idem-race"),
      title: "resilience idempotency race",
      submit: false,
    };
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call((i % 2 ? a : b).baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", body, {
          headers: { "idempotency-key": "race-key-1" },
        }),
      ),
    );
    expect(noServerErrors(responses)).toEqual([]);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.key)).size).toBe(1);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const stored = await withPg(db.url, async (c) =>
      (await c.query('SELECT key FROM "ChangeRequest" WHERE title = $1', [body.title])).rows.map((r) => r.key),
    );
    expect(stored).toEqual([created[0]?.body.key]);
    const again = await call(b.baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", body, {
      headers: { "idempotency-key": "race-key-1" },
    });
    expect(again.status).toBe(201);
    expect(again.body.key).toBe(created[0]?.body.key);
  });

  it("a create killed with SIGKILL inside its transaction is retried to completion exactly once", async () => {
    const title = "resilience kill -9";
    const body = { request: resilienceRequest("dev", "kill-nine"), title, submit: false };
    const headers = { "idempotency-key": "kill-nine-key" };
    // Hold the Revision table so instance A's create stops inside its transaction (after inserting
    // the change request row, before the revision), then kill A there.
    const lock = new pg.Client({ connectionString: db.url });
    await lock.connect();
    await lock.query("BEGIN");
    await lock.query('LOCK TABLE "Revision" IN ACCESS EXCLUSIVE MODE');
    const doomed = call(a.baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", body, { headers }).catch(
      (error: unknown) => String(error),
    );
    const deadline = Date.now() + 20_000;
    for (;;) {
      const waiting = await lock.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'Revision' AND NOT l.granted`,
      );
      if (waiting.rows[0].n > 0) break;
      if (Date.now() > deadline) throw new Error(`instance A never reached the Revision insert:\n${a.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.kill(a.pid as number, "SIGKILL");
    expect(typeof (await doomed)).toBe("string"); // the connection died with the process
    await lock.query("COMMIT");
    await lock.end();

    // The key is still claimed by the dead attempt: a retry at once is told to wait, not served twice.
    const early = await call(b.baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", body, { headers });
    expect(early.status, early.text).toBe(409);
    expect(early.body.retryAfterSeconds).toBeGreaterThan(0);
    // After the lease, the retry completes, exactly once.
    let retried = early;
    const until = Date.now() + 20_000;
    while (retried.status === 409 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      retried = await call(b.baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", body, { headers });
    }
    expect(retried.status, retried.text).toBe(201);
    const stored = await withPg(db.url, async (c) =>
      (await c.query('SELECT key FROM "ChangeRequest" WHERE title = $1', [title])).rows.map((r) => r.key),
    );
    expect(stored).toEqual([retried.body.key]);
    const replay = await call(b.baseUrl, tokens.dana as string, "POST", "/api/v1/change-requests", body, { headers });
    expect(replay.status).toBe(201);
    expect(replay.body.key).toBe(retried.body.key);
  });
});
