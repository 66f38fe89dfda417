import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/domain/app-error";
import type { NotificationEnvelope } from "../../lib/domain/notifications";
import type { Actor } from "../../lib/server/actor";
import { createChangeRequest, transitionChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { setJobRunner } from "../../lib/server/jobs/runtime";
import type { JobRunner } from "../../lib/server/jobs/types";
import {
  createWebhook,
  deliverNotification,
  dispatchNotificationEvent,
  listWebhookDeliveries,
  outboundPolicyFromEnv,
  resendDelivery,
  saveNotificationPreferences,
  sweepNotifications,
} from "../../lib/server/notifications";
import { makeActor } from "../support/actors";
import { startSmtpReceiver, startWebhookReceiver, type WebhookReceiver } from "../support/notification-receivers";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// Real parts: a local HTTP receiver that verifies signatures with the standardwebhooks library (an
// implementation independent of ours) and a real SMTP server (smtp-server) on loopback.

process.env.TABLEWRIGHT_AWS_CHECKS = "off";

const example = (name: string, team: string, tableName: string) => {
  const request = JSON.parse(readFileSync(`examples/requests/valid/${name}.json`, "utf8"));
  request.owner.team = team;
  request.tableName = tableName;
  if (request.tags?.Team) request.tags.Team = team;
  return request;
};

/** Records what would be enqueued instead of running it: the tests drive each step themselves. */
function recordingRunner(): JobRunner & { sent: { name: string; data: object; id?: string }[] } {
  const sent: { name: string; data: object; id?: string }[] = [];
  return {
    kind: "in-process",
    working: true,
    sent,
    async send(name, data, options = {}) {
      sent.push({ name, data, ...(options.id ? { id: options.id } : {}) });
    },
    async stop() {},
  };
}

/** Loopback receivers are fine here: the policy used in these tests allows them. */
const loopbackPolicy = () => outboundPolicyFromEnv({ TABLEWRIGHT_OUTBOUND_ALLOWLIST: "127.0.0.1/32" }, false);

describe.each(databaseKinds())("notifications on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dana: Actor;
  let lee: Actor;
  let pat: Actor;
  let quinn: Actor;
  let receiver: WebhookReceiver;
  let runner: ReturnType<typeof recordingRunner>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    const team = `notify-${kind}`;
    dana = await makeActor(db, "DEVELOPER", [team]);
    lee = await makeActor(db, "DEVELOPER", [team]);
    pat = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    quinn = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    receiver = await startWebhookReceiver();
    runner = recordingRunner();
    setJobRunner(runner);
  });
  afterAll(async () => {
    setJobRunner(undefined);
    await receiver?.close();
    await t?.drop();
  });

  const team = () => `notify-${kind}`;
  const eventsOf = async (key: string) => {
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { key } });
    return db.notificationEvent.findMany({ where: { changeRequestId: cr.id }, orderBy: { createdAt: "asc" } });
  };
  const eventOf = async (key: string, type: string) => {
    const found = (await eventsOf(key)).find((e) => e.type === type);
    if (!found) throw new Error(`no ${type} event for ${key}`);
    return found;
  };

  it("writes the event in the transition's transaction, and nothing when the transition fails", async () => {
    const created = await createChangeRequest(
      dana,
      { request: example("basic-dev", team(), "nt-outbox"), submit: true },
      db,
    );
    const mine = await eventsOf(created.key);
    expect(mine).toHaveLength(1);
    const envelope = JSON.parse(mine[0]?.payloadJson ?? "{}") as NotificationEnvelope;
    expect(envelope).toMatchObject({
      type: "change_request.submitted",
      data: {
        changeRequest: { key: created.key, status: "SUBMITTED", team: team(), path: `/requests/${created.key}` },
      },
    });
    // The dispatch job was asked for right after the commit.
    expect(
      runner.sent.some(
        (s) => s.name === "notifications.dispatch" && (s.data as { eventId: string }).eventId === mine[0]?.id,
      ),
    ).toBe(true);

    const before = await db.notificationEvent.count();
    const refused = await transitionChangeRequest(
      pat,
      created.key,
      "APPROVE",
      { revisionNumber: 1, expectedVersion: 99 },
      db,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(await db.notificationEvent.count()).toBe(before);
  });

  it("announces a first approval of a two-approval tier as waiting on a second approver, then approved", async () => {
    const created = await createChangeRequest(
      dana,
      { request: example("prod-with-gsis", team(), "nt-two-approvals"), submit: true },
      db,
    );
    await transitionChangeRequest(pat, created.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(quinn, created.key, "APPROVE", { revisionNumber: 1 }, db);
    const types = (await eventsOf(created.key)).map((e) => [
      e.type,
      (JSON.parse(e.payloadJson) as NotificationEnvelope).data.approvals ?? null,
    ]);
    expect(types).toEqual([
      ["change_request.submitted", null],
      ["change_request.awaiting_second_approval", { given: 1, required: 2 }],
      ["change_request.approved", { given: 2, required: 2 }],
    ]);
  });

  it("delivers a signed webhook: retries on failure with back-off, logs each response code, drops nothing", async () => {
    const hook = await createWebhook(
      dana,
      { url: `${receiver.url}/hook`, team: team(), events: ["change_request.rejected"] },
      db,
    );
    expect(hook.secret).toMatch(/^whsec_/);
    receiver.secret = hook.secret as string;
    receiver.failNext = 2;
    const created = await createChangeRequest(
      dana,
      { request: example("basic-dev", team(), "nt-signed"), submit: true },
      db,
    );
    await transitionChangeRequest(pat, created.key, "REJECT", { reason: "use <b>a GSI</b> & fewer RCUs" }, db);
    const event = await eventOf(created.key, "change_request.rejected");
    const deliveryIds = await dispatchNotificationEvent(event.id, { db });
    expect(deliveryIds).toHaveLength(1);
    // Dispatching again (a retried job) creates nothing new.
    expect(await dispatchNotificationEvent(event.id, { db })).toEqual([]);
    const id = deliveryIds[0] as string;
    let clock = Date.now();
    const options = { db, policy: loopbackPolicy(), now: () => new Date(clock), random: () => 0.5 };

    const first = await deliverNotification(id, options);
    expect(first).toMatchObject({ outcome: "retry", attempts: 1 });
    expect((first as { nextAttemptAt: Date }).nextAttemptAt.getTime() - clock).toBe(10_000);
    // Not due yet: a second run of the same job does nothing.
    expect(await deliverNotification(id, options)).toMatchObject({ outcome: "skipped" });
    clock += 10_000;
    expect(await deliverNotification(id, options)).toMatchObject({ outcome: "retry", attempts: 2 });
    clock += 60_000;
    expect(await deliverNotification(id, options)).toMatchObject({
      outcome: "delivered",
      attempts: 3,
      statusCode: 200,
    });

    expect(receiver.received.map((r) => [r.status, r.signatureValid, r.headers["webhook-id"]])).toEqual([
      [500, true, id],
      [500, true, id],
      [200, true, id],
    ]);
    const body = receiver.received[2]?.body as NotificationEnvelope;
    expect(body).toMatchObject({
      id: event.id,
      type: "change_request.rejected",
      data: { reason: "use <b>a GSI</b> & fewer RCUs", actor: { email: pat.email }, requester: { email: dana.email } },
    });
    const [log] = await listWebhookDeliveries(dana, hook.id, {}, db);
    expect(log).toMatchObject({ id, status: "DELIVERED", attempts: 3, lastStatusCode: 200 });
    expect(log?.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 200]);

    // Re-send: the same delivery id again, with a fresh set of attempts.
    const resent = await resendDelivery(dana, hook.id, id, db);
    expect(resent).toMatchObject({ id, status: "PENDING", attemptLimit: 3 + 8 });
    expect(await deliverNotification(id, options)).toMatchObject({ outcome: "delivered", attempts: 4 });
    expect(receiver.received.at(-1)?.headers["webhook-id"]).toBe(id);
    // Another team cannot see or re-send it.
    await expect(resendDelivery(pat, hook.id, id, db)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("announces a request for changes to the team's subscribed webhook, with the approver's reason", async () => {
    const hook = await createWebhook(
      lee,
      { url: `${receiver.url}/changes`, team: team(), events: ["change_request.changes_requested"] },
      db,
    );
    // Another team's hook for the same event hears nothing of this team's requests.
    const stranger = await makeActor(db, "DEVELOPER", [`${team()}-other`]);
    await createWebhook(
      stranger,
      { url: `${receiver.url}/other`, team: `${team()}-other`, events: ["change_request.changes_requested"] },
      db,
    );
    receiver.secret = hook.secret as string;
    const created = await createChangeRequest(
      dana,
      { request: example("basic-dev", team(), "nt-changes"), submit: true },
      db,
    );
    const sentBack = await transitionChangeRequest(
      pat,
      created.key,
      "REQUEST_CHANGES",
      { reason: "  add a TTL attribute  " },
      db,
    );
    expect(sentBack.status).toBe("CHANGES_REQUESTED");
    const event = await eventOf(created.key, "change_request.changes_requested");
    expect(event.actorId).toBe(pat.id);
    const stored = JSON.parse(event.payloadJson) as NotificationEnvelope;
    expect(stored).toMatchObject({
      id: event.id,
      type: "change_request.changes_requested",
      data: {
        changeRequest: {
          key: created.key,
          status: "CHANGES_REQUESTED",
          team: team(),
          path: `/requests/${created.key}`,
        },
        reason: "add a TTL attribute",
        actor: { email: pat.email },
        requester: { email: dana.email },
      },
    });
    // Dispatched after the commit, like every event.
    expect(
      runner.sent.some(
        (s) => s.name === "notifications.dispatch" && (s.data as { eventId: string }).eventId === event.id,
      ),
    ).toBe(true);

    const deliveryIds = await dispatchNotificationEvent(event.id, { db });
    expect(deliveryIds).toHaveLength(1);
    const id = deliveryIds[0] as string;
    expect(await deliverNotification(id, { db, policy: loopbackPolicy() })).toMatchObject({
      outcome: "delivered",
      statusCode: 200,
    });
    const received = receiver.received.at(-1);
    expect(received).toMatchObject({ path: "/changes", signatureValid: true });
    expect(received?.headers["webhook-id"]).toBe(id);
    expect(received?.body).toEqual(stored);
    const [log] = await listWebhookDeliveries(lee, hook.id, {}, db);
    expect(log).toMatchObject({ id, status: "DELIVERED", lastStatusCode: 200 });
  });

  it("posts Block Kit to a Slack-compatible webhook", async () => {
    const slack = await createWebhook(
      lee,
      {
        url: `${receiver.url}/slack/T000/B000/secret`,
        team: team(),
        events: ["change_request.withdrawn"],
        kind: "slack",
      },
      db,
    );
    expect(slack).toMatchObject({
      kind: "slack",
      secret: null,
      url: `${receiver.url.replace("http://", "http://")}/…`,
    });
    const created = await createChangeRequest(
      dana,
      { request: example("basic-dev", team(), "nt-slack"), submit: true },
      db,
    );
    await transitionChangeRequest(dana, created.key, "WITHDRAW", {}, db);
    const event = await eventOf(created.key, "change_request.withdrawn");
    const [id] = await dispatchNotificationEvent(event.id, { db });
    expect(await deliverNotification(id as string, { db, policy: loopbackPolicy() })).toMatchObject({
      outcome: "delivered",
    });
    const message = receiver.received.at(-1)?.body as { text: string; blocks: { type: string }[] };
    expect(message.text).toBe(`${created.key} nt-slack (dev): Withdrawn`);
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "section", "context"]);
  });

  it("e-mails approvers 'needs your decision' and the requester the decision, through a real SMTP server", async () => {
    const smtp = await startSmtpReceiver();
    process.env.TABLEWRIGHT_SMTP_URL = smtp.url;
    try {
      await saveNotificationPreferences(quinn, { own: [], team: [], needsDecision: false }, db);
      const mail = { url: smtp.url, from: "Tablewright <tw@example.test>" };
      const deliverAll = async (eventId: string) => {
        for (const id of await dispatchNotificationEvent(eventId, { db })) {
          expect(await deliverNotification(id, { db, mail })).toMatchObject({ outcome: "delivered" });
        }
      };
      const created = await createChangeRequest(
        dana,
        { request: example("basic-dev", team(), "nt-mail"), submit: true },
        db,
      );
      await deliverAll((await eventOf(created.key, "change_request.submitted")).id);
      await transitionChangeRequest(pat, created.key, "APPROVE", { revisionNumber: 1 }, db);
      await deliverAll((await eventOf(created.key, "change_request.approved")).id);
      const summary = smtp.messages.map((m) => [m.to, m.subject]);
      // Pat (approver) is asked to decide; Quinn opted out; Dana (the actor of the submission) gets
      // nothing for it, but gets the approval; Lee (teammate) keeps the quiet defaults.
      expect(summary).toContainEqual([
        pat.email,
        `Needs your decision: ${created.key} nt-mail (dev): Submitted for review`,
      ]);
      expect(summary).toContainEqual([dana.email, `${created.key} nt-mail (dev): Approved`]);
      expect(summary.some(([to]) => to === quinn.email || to === lee.email)).toBe(false);
      const approved = smtp.messages.find((m) => m.to === dana.email);
      expect(approved?.headers["x-tablewright-event"]).toBe("change_request.approved");
      expect(approved?.headers["message-id"]).toMatch(/^<msg_[0-9a-f]{32}@example\.test>$/);
      expect(approved?.text).toContain(`Open it: /requests/${created.key}`);
    } finally {
      delete process.env.TABLEWRIGHT_SMTP_URL;
      await smtp.close();
    }
  });

  it("refuses metadata and link-local destinations at creation and at delivery, whatever the DNS says", async () => {
    await expect(
      createWebhook(
        dana,
        { url: "http://169.254.169.254/latest/meta-data/", team: team(), events: ["table.verified"] },
        db,
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "url", code: "WEBHOOK_URL_REFUSED" }] });
    await expect(
      createWebhook(dana, { url: "file:///etc/passwd", team: team(), events: ["table.verified"] }, db),
    ).rejects.toMatchObject({ issues: [{ path: "url", code: "WEBHOOK_URL_SCHEME" }] });

    const hook = await createWebhook(
      dana,
      { url: "http://metadata.example.test/hook", team: team(), events: ["change_request.withdrawn"] },
      db,
    );
    const created = await createChangeRequest(
      dana,
      { request: example("basic-dev", team(), "nt-ssrf"), submit: true },
      db,
    );
    await transitionChangeRequest(dana, created.key, "WITHDRAW", {}, db);
    const event = await eventOf(created.key, "change_request.withdrawn");
    const ids = await dispatchNotificationEvent(event.id, { db });
    const mine = await db.notificationDelivery.findFirstOrThrow({ where: { id: { in: ids }, channelId: hook.id } });
    // The name resolves to the metadata address (a rebinding attacker's answer): no request is made.
    const outcome = await deliverNotification(mine.id, {
      db,
      policy: outboundPolicyFromEnv({}, true),
      resolve: async () => [{ address: "169.254.169.254", family: 4 }],
    });
    expect(outcome).toMatchObject({ outcome: "retry" });
    expect((outcome as { error: string }).error).toMatch(
      /^refused: 169\.254\.169\.254 is a link-local, metadata or reserved address/,
    );
  });

  it("the sweep enqueues undispatched events and due deliveries with idempotent job ids", async () => {
    runner.sent.length = 0;
    const created = await createChangeRequest(
      dana,
      { request: example("basic-dev", team(), "nt-sweep"), submit: true },
      db,
    );
    const event = await eventOf(created.key, "change_request.submitted");
    runner.sent.length = 0;
    await sweepNotifications({ db, now: new Date(Date.now() + 60_000) });
    const dispatches = runner.sent.filter((s) => s.name === "notifications.dispatch");
    expect(dispatches.map((s) => (s.data as { eventId: string }).eventId)).toContain(event.id);
    const again = runner.sent.length;
    await sweepNotifications({ db, now: new Date(Date.now() + 60_000) });
    // The same work gets the same job ids, so the queue keeps one of each.
    expect(runner.sent.slice(again).map((s) => s.id)).toEqual(runner.sent.slice(0, again).map((s) => s.id));
  });
});
