// Background jobs on PostgreSQL with several instances (pg-boss): a scheduled job runs exactly once
// per tick however many instances run it, and a worker killed with SIGKILL in the middle of
// delivering webhooks loses nothing: after a restart every event arrives at a receiver that drops
// duplicates by delivery id, and each is kept exactly once.
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  createTokens,
  type Database,
  type Portal,
  startDatabase,
  startPortal,
  stopEverything,
  withPg,
} from "../../scripts/lib/portal-harness.mjs";
import { startWebhookReceiver, type WebhookReceiver } from "../support/notification-receivers";
import { call } from "./support/api";
import { resilienceRequest } from "./support/requests";

/** The receiver is on loopback: on PostgreSQL (not the demo mode) the allowlist must name it. */
const JOB_ENV = { TABLEWRIGHT_OUTBOUND_ALLOWLIST: "127.0.0.1/32", TABLEWRIGHT_WORKER: "on" };

// Two databases, each with two instances, so the two tests run side by side: the sweep test mostly
// waits for pg-boss's minute ticks and the kill test for expired jobs, and the kill must not stop
// the instances whose ticks are being counted.
let sweepDb: Database;
let killDb: Database;
let token = "";
let receiver: WebhookReceiver;
const killPortals: Portal[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1_000);
  }
}

beforeAll(async () => {
  // One after the other: migrations go through Prisma's WASM schema engine, one module per process.
  sweepDb = await startDatabase();
  killDb = await startDatabase();
  token = (await createTokens(killDb.url, { dana: { email: "dana@example.com", scopes: "read,write" } }))
    .dana as string;
  receiver = await startWebhookReceiver();
  await startPortal({ databaseUrl: sweepDb.url, label: "jobs-sweep-a", env: JOB_ENV });
  await startPortal({ databaseUrl: sweepDb.url, label: "jobs-sweep-b", env: JOB_ENV });
  killPortals.push(await startPortal({ databaseUrl: killDb.url, label: "jobs-kill-a", env: JOB_ENV }));
  killPortals.push(await startPortal({ databaseUrl: killDb.url, label: "jobs-kill-b", env: JOB_ENV }));
  // Starting two clusters, seeding them and four servers takes minutes on a busy machine.
}, 400_000);

afterAll(async () => {
  await receiver?.close();
  stopEverything();
});

describe.concurrent("jobs on PostgreSQL with two instances", () => {
  it("runs the scheduled sweep exactly once per tick, with no tick missed", async ({ expect }) => {
    const started = new Date();
    // Ticks that begin after both instances run: pg-boss schedules per minute, so ~2-3 minutes give 2.
    const rows = await until(
      "two complete ticks of notifications.sweep",
      () =>
        withPg(sweepDb.url, async (client) => {
          const result = await client.query<{ scheduledFor: Date; instance: string; outcome: string | null }>(
            `SELECT "scheduledFor", instance, outcome FROM "JobRun"
             WHERE name = 'notifications.sweep' AND "scheduledFor" > $1 ORDER BY "scheduledFor", id`,
            [started],
          );
          const ticks = new Set(result.rows.filter((r) => r.outcome).map((r) => r.scheduledFor.toISOString()));
          return ticks.size >= 2 ? result.rows : undefined;
        }),
      240_000,
    );
    const perTick = new Map<string, string[]>();
    for (const row of rows)
      perTick.set(row.scheduledFor.toISOString(), [
        ...(perTick.get(row.scheduledFor.toISOString()) ?? []),
        row.instance,
      ]);
    const counts = [...perTick.entries()].map(([tick, instances]) => ({ tick, runs: instances.length, instances }));
    console.log(`sweep runs per tick with 2 instances: ${JSON.stringify(counts)}`);
    for (const { tick, runs } of counts) expect(runs, `tick ${tick}`).toBe(1);
    const ticks = [...perTick.keys()].map((t) => Date.parse(t)).sort((a, b) => a - b);
    for (let i = 1; i < ticks.length; i++)
      expect((ticks[i] as number) - (ticks[i - 1] as number), "consecutive minutes").toBe(60_000);
    expect(rows.every((r) => r.outcome === "ok")).toBe(true);
  }, 300_000);

  it("loses nothing when the workers are killed mid-delivery: every event arrives once at a deduplicating receiver", async ({
    expect,
  }) => {
    const hook = await call(killPortals[0]?.baseUrl as string, token, "POST", "/api/v1/webhooks", {
      url: `${receiver.url}/kill-test`,
      team: "checkout",
      events: ["change_request.submitted"],
    });
    expect(hook.status, hook.text).toBe(201);
    receiver.secret = hook.body.secret;
    // Every answer is held for 15 s: the deliveries are in flight when the instances die.
    receiver.delayMs = 15_000;
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await call(killPortals[i % 2]?.baseUrl as string, token, "POST", "/api/v1/change-requests", {
        request: resilienceRequest("dev", `jobs-kill-${i}`),
        submit: true,
      });
      expect(created.status, created.text).toBe(201);
      keys.push(created.body.key);
    }
    await until("a delivery in flight", async () => (receiver.received.length > 0 ? true : undefined), 60_000);
    const inFlight = new Set(receiver.received.map((r) => String(r.headers["webhook-id"])));
    for (const portal of killPortals.splice(0)) if (portal.pid) process.kill(portal.pid, "SIGKILL");
    await sleep(500);
    receiver.delayMs = 0;

    // One instance comes back. Jobs its dead predecessors held expire and are retried; the others run.
    killPortals.push(await startPortal({ databaseUrl: killDb.url, label: "jobs-kill-a-restarted", env: JOB_ENV }));
    const deliveries = await until(
      "every delivery DELIVERED",
      () =>
        withPg(killDb.url, async (client) => {
          const result = await client.query<{ id: string; status: string; key: string }>(
            `SELECT d.id, d.status, cr.key FROM "NotificationDelivery" d
               JOIN "NotificationEvent" e ON e.id = d."eventId"
               JOIN "ChangeRequest" cr ON cr.id = e."changeRequestId"
             WHERE d."channelId" = $1`,
            [hook.body.id],
          );
          return result.rows.length === keys.length && result.rows.every((r) => r.status === "DELIVERED")
            ? result.rows
            : undefined;
        }),
      180_000,
    );
    expect(deliveries.map((d) => d.key).sort()).toEqual([...keys].sort());
    const ids = deliveries.map((d) => d.id).sort();
    // Every delivery reached the receiver and was kept exactly once, with a valid signature.
    expect([...receiver.accepted].filter((id) => ids.includes(id)).sort()).toEqual(ids);
    const ours = receiver.received.filter((r) => ids.includes(String(r.headers["webhook-id"])));
    expect(ours.every((r) => r.signatureValid === true)).toBe(true);
    expect(
      ours
        .filter((r) => !r.duplicate)
        .map((r) => String(r.headers["webhook-id"]))
        .sort(),
    ).toEqual(ids);
    // The deliveries cut off by the kill were sent again (at least once), and dropped as duplicates.
    const resent = ours.filter((r) => r.duplicate).map((r) => String(r.headers["webhook-id"]));
    console.log(
      `in flight at the kill: ${inFlight.size}, received ${ours.length} (${resent.length} duplicates dropped) for ${ids.length} deliveries`,
    );
    expect(resent.length).toBeGreaterThan(0);
    for (const id of resent) expect(inFlight.has(id)).toBe(true);
  }, 300_000);
});
