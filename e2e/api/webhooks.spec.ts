import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  checkoutRequest,
  createToken,
  expectDocumented,
  type SessionClient,
  sessionClient,
  tokenClient,
} from "./support";

test.describe.configure({ mode: "serial" });

let dana: SessionClient;
let omar: SessionClient;
let ci: APIRequestContext; // Dana's token: read + write

test.beforeAll(async () => {
  dana = await sessionClient("developer");
  omar = await sessionClient("otherDeveloper");
  ci = await tokenClient((await createToken(dana, ["read", "write"], "hooks")).secret);
});

const valid = { url: "https://hooks.example.com/tablewright", team: "checkout", events: ["change_request.approved"] };

// Each bad body is a 422 naming the field and the rule; nothing a client sends is a 5xx.
const BAD_BODIES: [string, unknown, number, string, string][] = [
  ["ftp URL", { ...valid, url: "ftp://hooks.example.com/x" }, 422, "url", "WEBHOOK_URL_SCHEME"],
  ["relative URL", { ...valid, url: "/hooks" }, 422, "url", "WEBHOOK_URL_INVALID"],
  [
    "credentials in the URL",
    { ...valid, url: "https://u:p@hooks.example.com/" },
    422,
    "url",
    "WEBHOOK_URL_CREDENTIALS",
  ],
  ["cloud metadata address", { ...valid, url: "http://169.254.169.254/latest/" }, 422, "url", "WEBHOOK_URL_REFUSED"],
  ["metadata address in IPv6 form", { ...valid, url: "http://[fd00:ec2::254]/" }, 422, "url", "WEBHOOK_URL_REFUSED"],
  ["unknown event", { ...valid, events: ["change_request.exploded"] }, 422, "events[0]", "SCHEMA_INVALID_VALUE"],
  ["no event", { ...valid, events: [] }, 422, "events", "SCHEMA_TOO_SMALL"],
  ["unknown kind", { ...valid, kind: "teams" }, 422, "kind", "SCHEMA_INVALID_VALUE"],
  ["unknown team", { ...valid, team: "nope" }, 422, "team", "TEAM_UNKNOWN"],
  ["someone else's team", { ...valid, team: "orders" }, 403, "team", "TEAM_NOT_MEMBER"],
  ["an unknown field", { ...valid, secret: "mine" }, 422, "secret", "SCHEMA_UNKNOWN_FIELD"],
  ["a URL that is not a string", { ...valid, url: 42 }, 422, "url", "SCHEMA_INVALID_TYPE"],
];

for (const [name, body, status, path, code] of BAD_BODIES) {
  test(`POST /api/v1/webhooks refuses ${name}`, async () => {
    const res = await ci.post("/api/v1/webhooks", { data: body });
    expect(res.status(), await res.text()).toBe(status);
    const problem = await res.json();
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    await expectDocumented(res, "POST", "/api/v1/webhooks");
  });
}

test("a webhook is created with its secret once, listed without it, scoped to its team, and deleted", async () => {
  const created = await ci.post("/api/v1/webhooks", {
    data: { ...valid, url: "https://hooks.example.com/tw?token=s3cret", description: "crud" },
  });
  expect(created.status()).toBe(201);
  await expectDocumented(created, "POST", "/api/v1/webhooks");
  const hook = await created.json();
  expect(hook).toMatchObject({ team: "checkout", kind: "webhook", url: "https://hooks.example.com/tw?…" });
  expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(created.headers().location).toBe(`/api/v1/webhooks/${hook.id}`);

  const list = await ci.get("/api/v1/webhooks?team=checkout");
  await expectDocumented(list, "GET", "/api/v1/webhooks");
  const listed = (await list.json()).webhooks.find((w: { id: string }) => w.id === hook.id);
  expect(listed).toMatchObject({ url: "https://hooks.example.com/tw?…", lastDelivery: null });
  expect(JSON.stringify(await list.json())).not.toContain("s3cret");
  expect(JSON.stringify(await list.json())).not.toContain(hook.secret);

  // Omar (another team) sees nothing of it, and cannot touch it.
  const theirs = await (await omar.ctx.get("/api/v1/webhooks")).json();
  expect(theirs.webhooks.some((w: { id: string }) => w.id === hook.id)).toBe(false);
  expect((await omar.ctx.get(`/api/v1/webhooks/${hook.id}/deliveries`)).status()).toBe(404);
  expect((await omar.ctx.delete(`/api/v1/webhooks/${hook.id}`)).status()).toBe(404);

  const log = await ci.get(`/api/v1/webhooks/${hook.id}/deliveries?limit=0`);
  expect(log.status()).toBe(422);
  const empty = await ci.get(`/api/v1/webhooks/${hook.id}/deliveries`);
  expect(await empty.json()).toEqual({ deliveries: [] });
  await expectDocumented(empty, "GET", "/api/v1/webhooks/{id}/deliveries");
  expect((await ci.post(`/api/v1/webhooks/${hook.id}/deliveries/msg_nope/resend`)).status()).toBe(404);

  const deleted = await ci.delete(`/api/v1/webhooks/${hook.id}`);
  expect(await deleted.json()).toEqual({ id: hook.id, deleted: true });
  expect((await ci.delete(`/api/v1/webhooks/${hook.id}`)).status()).toBe(404);
});

test("events of a request reach a subscribed webhook's delivery log (with the failure of an unreachable receiver)", async () => {
  // Nothing listens on port 9: the attempt fails, and the log says so with the error.
  const hook = await (
    await ci.post("/api/v1/webhooks", {
      data: { url: "http://127.0.0.1:9/closed", team: "checkout", events: ["change_request.submitted"] },
    })
  ).json();
  const created = await ci.post("/api/v1/change-requests", {
    data: { request: checkoutRequest("hooked"), submit: true },
  });
  expect(created.status()).toBe(201);
  let delivery: { status: string; attempts: number; lastError: string | null; eventType: string } | undefined;
  await expect
    .poll(
      async () => {
        delivery = (await (await ci.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json()).deliveries[0];
        return delivery?.attempts ?? 0;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  expect(delivery).toMatchObject({ status: "PENDING", eventType: "change_request.submitted" });
  expect(delivery?.lastError).toMatch(/^not delivered: .*ECONNREFUSED/);
  await ci.delete(`/api/v1/webhooks/${hook.id}`);
});

test("personal preferences: read, saved, and refused with the field named when malformed", async () => {
  const read = await dana.ctx.get("/api/v1/notification-preferences");
  await expectDocumented(read, "GET", "/api/v1/notification-preferences");
  expect(await read.json()).toMatchObject({ canDecide: false, preferences: { team: [], needsDecision: true } });
  const saved = await dana.ctx.post("/api/v1/notification-preferences", {
    data: { own: ["change_request.approved"], team: ["table.drift_detected"], needsDecision: false },
  });
  expect(saved.status()).toBe(200);
  await expectDocumented(saved, "POST", "/api/v1/notification-preferences");
  expect((await saved.json()).preferences).toEqual({
    own: ["change_request.approved"],
    team: ["table.drift_detected"],
    needsDecision: false,
  });
  const bad = await dana.ctx.post("/api/v1/notification-preferences", {
    data: { own: ["nope"], team: [], needsDecision: true },
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors[0]).toMatchObject({ path: "own[0]" });
});
