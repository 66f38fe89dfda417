// Two `next start` instances on one PostgreSQL database; several clients issue 1,000 mixed create,
// revise, submit, approve and reject operations across both, with approvers racing on the same
// requests on purpose. Then the database must show: nothing acknowledged lost, nothing decided
// twice, exactly one audit event per successful transition, and consistent audit chains.
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

const OPERATIONS = 1_000;
const CLIENTS = 6;
const MAX_CREATES = 150;
const TITLE = "resilience concurrency";
const APPROVERS = ["pat", "quinn", "ada"] as const;

type Action = "create" | "revise" | "submit" | "approve" | "reject";
interface Outcome {
  action: Action;
  key?: string;
  submitted?: boolean;
  res: ApiResponse;
}
interface Known {
  key: string;
  tier: "dev" | "prod";
  revision: number;
}

let db: Database;
let portals: Portal[] = [];
let tokens: Record<string, string> = {};
const outcomes: Outcome[] = [];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

beforeAll(async () => {
  db = await startDatabase();
  tokens = await createTokens(db.url, {
    dana: { email: "dana@example.com", scopes: "read,write" },
    pat: { email: "pat@example.com", scopes: "read,write,decide" },
    quinn: { email: "quinn@example.com", scopes: "read,write,decide" },
    ada: { email: "ada@example.com", scopes: "read,write,decide" },
  });
  portals = await Promise.all([
    startPortal({ databaseUrl: db.url, label: "instance-a" }),
    startPortal({ databaseUrl: db.url, label: "instance-b" }),
  ]);
});

afterAll(() => stopEverything());

/** Issues the whole mixed workload; returns when OPERATIONS requests have been answered. */
async function runWorkload() {
  const known: Known[] = [];
  let issued = 0;
  let created = 0;
  const send = async (who: string, action: Action, path: string, body: unknown, key?: string, submitted?: boolean) => {
    const res = await call(pick(portals).baseUrl, tokens[who] as string, "POST", path, body);
    outcomes.push({ action, key: key ?? res.body?.key, submitted, res });
    const entry = known.find((k) => k.key === (key ?? res.body?.key));
    if (entry && res.status < 300 && typeof res.body?.currentRevision === "number")
      entry.revision = res.body.currentRevision;
    return res;
  };

  const client = async () => {
    while (issued < OPERATIONS) {
      if (created < MAX_CREATES && (known.length < 10 || Math.random() < 0.2)) {
        issued++;
        created++;
        const tier = Math.random() < 0.5 ? "dev" : "prod";
        const submit = Math.random() < 0.5;
        const request = resilienceRequest(tier, `res-${created}-${Math.random().toString(36).slice(2, 8)}`);
        const res = await send(
          "dana",
          "create",
          "/api/v1/change-requests",
          { request, title: TITLE, submit },
          undefined,
          submit,
        );
        if (res.status === 201) known.push({ key: res.body.key, tier, revision: 1 });
        continue;
      }
      const target = pick(known);
      const roll = Math.random();
      const base = `/api/v1/change-requests/${target.key}`;
      if (roll < 0.15) {
        issued++;
        await send("dana", "submit", `${base}/submit`, {}, target.key);
      } else if (roll < 0.35) {
        issued++;
        const request = resilienceRequest(target.tier, `res-rev-${Math.random().toString(36).slice(2, 10)}`);
        await send("dana", "revise", `${base}/revisions`, { request }, target.key);
      } else if (roll < 0.85) {
        // The race: two or three approvers decide on the same revision at the same moment, on both instances.
        const racers = APPROVERS.filter(() => Math.random() < 0.8).slice(0, Math.max(0, OPERATIONS - issued));
        issued += racers.length;
        await Promise.all(
          racers.map((who) => send(who, "approve", `${base}/approve`, { revision: target.revision }, target.key)),
        );
      } else {
        issued++;
        await send(pick(APPROVERS), "reject", `${base}/reject`, { reason: "resilience: racing rejection" }, target.key);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
}

describe("concurrency: two instances, one PostgreSQL, 1,000 mixed operations", () => {
  it("answers every operation without a 5xx, and every error is problem+json", async () => {
    await runWorkload();
    const summary: Record<string, number> = {};
    for (const o of outcomes)
      summary[`${o.action} ${o.res.status}`] = (summary[`${o.action} ${o.res.status}`] ?? 0) + 1;
    console.log(`concurrency: ${outcomes.length} operations`, JSON.stringify(summary));
    expect(outcomes.length).toBeGreaterThanOrEqual(OPERATIONS);
    const serverErrors = outcomes.filter((o) => o.res.status >= 500);
    expect(serverErrors.map((o) => `${o.action} ${o.key}: ${o.res.status} ${o.res.text.slice(0, 200)}`)).toEqual([]);
    const badErrors = outcomes.map((o) => problemDefect(o.res)).filter(Boolean);
    expect(badErrors).toEqual([]);
    // The workload must actually exercise every path, or the checks below prove little.
    for (const action of ["create", "revise", "submit", "approve", "reject"] as const) {
      expect(
        outcomes.some((o) => o.action === action && o.res.status < 300),
        `${action} succeeded at least once`,
      ).toBe(true);
    }
  });

  it("lost no acknowledged create, and created nothing that was not acknowledged", async () => {
    const acknowledged = outcomes.filter((o) => o.action === "create" && o.res.status === 201).map((o) => o.key);
    const stored = await withPg(db.url, async (c) =>
      (await c.query<{ key: string }>('SELECT key FROM "ChangeRequest" WHERE title = $1', [TITLE])).rows.map(
        (r) => r.key,
      ),
    );
    expect(new Set(stored)).toEqual(new Set(acknowledged));
  });

  it("decided no revision twice: at most one final decision per revision, distinct approvers, never more approvals than required", async () => {
    const rows = await withPg(
      db.url,
      async (c) =>
        (
          await c.query<{
            key: string;
            tier: string;
            revisionNumber: number;
            approvals: number;
            approvers: number;
            negative: number;
          }>(
            `SELECT cr.key, cr.tier, d."revisionNumber",
                  count(*) FILTER (WHERE d.kind = 'APPROVE')::int AS approvals,
                  count(DISTINCT d."deciderId") FILTER (WHERE d.kind = 'APPROVE')::int AS approvers,
                  count(*) FILTER (WHERE d.kind IN ('REJECT', 'REQUEST_CHANGES'))::int AS negative
           FROM "Decision" d JOIN "ChangeRequest" cr ON cr.id = d."changeRequestId"
           WHERE cr.title = $1 GROUP BY cr.key, cr.tier, d."revisionNumber"`,
            [TITLE],
          )
        ).rows,
    );
    expect(rows.length).toBeGreaterThan(0);
    const problems = rows.flatMap((r) => {
      const required = r.tier === "prod" ? 2 : 1;
      const out: string[] = [];
      if (r.negative > 1) out.push(`${r.key} r${r.revisionNumber}: ${r.negative} final decisions`);
      if (r.approvals !== r.approvers) out.push(`${r.key} r${r.revisionNumber}: an approver approved twice`);
      if (r.approvals > required)
        out.push(`${r.key} r${r.revisionNumber}: ${r.approvals} approvals, ${required} required`);
      if (r.approvals >= required && r.negative > 0) out.push(`${r.key} r${r.revisionNumber}: approved and rejected`);
      return out;
    });
    expect(problems).toEqual([]);
    const approved = await withPg(
      db.url,
      async (c) =>
        (
          await c.query<{ key: string; tier: string; approvals: number }>(
            `SELECT cr.key, cr.tier, count(d.id)::int AS approvals FROM "ChangeRequest" cr
           LEFT JOIN "Decision" d ON d."changeRequestId" = cr.id AND d."revisionNumber" = cr."approvedRevision"
             AND d.kind = 'APPROVE' AND d."supersededAt" IS NULL
           WHERE cr.title = $1 AND cr.status = 'APPROVED' GROUP BY cr.key, cr.tier`,
            [TITLE],
          )
        ).rows,
    );
    for (const a of approved) expect(a.approvals, `${a.key} approvals`).toBe(a.tier === "prod" ? 2 : 1);
  });

  it("wrote exactly one audit event per successful transition", async () => {
    const ok = (action: Action, status: number) =>
      outcomes.filter((o) => o.action === action && o.res.status === status);
    const expected: Record<string, number> = {
      CHANGE_REQUEST_CREATED: ok("create", 201).length,
      SUBMIT: ok("create", 201).filter((o) => o.submitted).length + ok("submit", 200).length,
      REVISE: ok("revise", 201).length,
      APPROVE: ok("approve", 200).length,
      REJECT: ok("reject", 200).length,
    };
    const counted = await withPg(db.url, async (c) =>
      Object.fromEntries(
        (
          await c.query<{ action: string; n: number }>(
            `SELECT a.action, count(*)::int AS n FROM "AuditEvent" a JOIN "ChangeRequest" cr ON cr.id = a."changeRequestId"
             WHERE cr.title = $1 AND a.action = ANY($2) GROUP BY a.action`,
            [TITLE, Object.keys(expected)],
          )
        ).rows.map((r) => [r.action, r.n]),
      ),
    );
    for (const action of Object.keys(expected)) counted[action] ??= 0;
    expect(counted).toEqual(expected);
  });

  it("keeps every change request's audit chain consistent with its current status", async () => {
    const events = await withPg(
      db.url,
      async (c) =>
        (
          await c.query<{ key: string; status: string; action: string; fromStatus: string | null; toStatus: string }>(
            `SELECT cr.key, cr.status, a.action, a."fromStatus", a."toStatus" FROM "AuditEvent" a
           JOIN "ChangeRequest" cr ON cr.id = a."changeRequestId"
           WHERE cr.title = $1 AND a."toStatus" IS NOT NULL ORDER BY cr.key, a.id`,
            [TITLE],
          )
        ).rows,
    );
    const problems: string[] = [];
    const byKey = new Map<string, typeof events>();
    for (const e of events) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
    for (const [key, chain] of byKey) {
      const first = chain[0];
      if (first?.action !== "CHANGE_REQUEST_CREATED" || first.fromStatus !== null)
        problems.push(`${key}: chain does not start with the creation`);
      for (let i = 1; i < chain.length; i++) {
        const prev = chain[i - 1];
        const cur = chain[i];
        if (cur && prev && cur.fromStatus !== prev.toStatus) {
          problems.push(
            `${key}: ${cur.action} from ${cur.fromStatus}, but the previous event left it ${prev.toStatus}`,
          );
        }
      }
      const last = chain.at(-1);
      if (last && last.toStatus !== last.status)
        problems.push(`${key}: chain ends at ${last.toStatus}, row says ${last.status}`);
    }
    expect(problems).toEqual([]);
  });
});
