import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { MATRIX, type MatrixRow, PAGE_MATRIX, SUBJECTS, type Subject } from "./authorization-matrix";
import {
  BASE_URL,
  checkoutRequest,
  createToken,
  expectDocumented,
  type SessionClient,
  sessionClient,
  tokenClient,
} from "./support";

test.describe.configure({ mode: "serial" });

let dana: SessionClient;
let clients: Record<Subject, APIRequestContext>;
let pat: SessionClient;
let ada: SessionClient;

test.beforeAll(async () => {
  dana = await sessionClient("developer");
  pat = await sessionClient("approver");
  const omar = await sessionClient("otherDeveloper");
  ada = await sessionClient("admin");
  clients = {
    anonymous: await playwrightRequest.newContext({ baseURL: BASE_URL }),
    devOwnTeam: dana.ctx,
    devOtherTeam: omar.ctx,
    approver: pat.ctx,
    admin: ada.ctx,
    tokenRead: await tokenClient((await createToken(dana, ["read"])).secret),
    tokenWrite: await tokenClient((await createToken(dana, ["write"])).secret),
    tokenDecide: await tokenClient((await createToken(pat, ["decide"])).secret),
  };
});

// The webhook rows leave channels behind: remove them, so later journeys' events do not fan out to them.
test.afterAll(async () => {
  const { webhooks } = await (await dana.ctx.get("/api/v1/webhooks?team=checkout")).json();
  for (const hook of webhooks as { id: string; url: string }[]) {
    if (hook.url.endsWith("/matrix")) await dana.ctx.delete(`/api/v1/webhooks/${hook.id}`);
  }
});

/** A fresh resource of Dana's team in the state the row needs, so rows never interfere. */
async function prepare(row: MatrixRow): Promise<Record<string, string>> {
  if (row.fixture === "none") return {};
  if (row.fixture === "team") return { slug: "checkout" };
  if (row.fixture === "token") return { id: (await createToken(dana, ["read"], "to-revoke")).id };
  if (row.fixture === "webhook" || row.fixture === "delivery") return webhookFixture(row.fixture === "delivery");
  if (row.fixture === "account-target") {
    const res = await ada.ctx.post("/api/v1/account-targets", { data: ACCOUNT_TARGET });
    expect(res.status(), await res.text()).toBe(200);
    return { id: (await res.json()).id };
  }
  const res = await dana.ctx.post("/api/v1/change-requests", {
    data: { request: checkoutRequest("matrix"), submit: row.fixture !== "draft" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { key } = await res.json();
  if (row.fixture === "approved" || row.fixture === "table") {
    const approved = await pat.ctx.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } });
    expect(approved.status(), await approved.text()).toBe(200);
  }
  if (row.fixture === "table") {
    // Approving the create request added its table to the inventory.
    const detail = await (await dana.ctx.get(`/api/v1/change-requests/${key}`)).json();
    return { id: detail.table.id };
  }
  return { key, revision: "1", to: "1" };
}

/**
 * A webhook of Dana's team; with a delivery, a submitted request whose event it received (the
 * portal dispatches right after the commit, so the delivery appears within moments).
 */
async function webhookFixture(withDelivery: boolean): Promise<Record<string, string>> {
  const created = await dana.ctx.post("/api/v1/webhooks", {
    data: { url: "http://127.0.0.1:9/matrix", team: "checkout", events: ["change_request.submitted"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  if (!withDelivery) return { id };
  const cr = await dana.ctx.post("/api/v1/change-requests", {
    data: { request: checkoutRequest("hook"), submit: true },
  });
  expect(cr.status(), await cr.text()).toBe(201);
  let delivery: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await dana.ctx.get(`/api/v1/webhooks/${id}/deliveries`);
        delivery = (await res.json()).deliveries?.[0]?.id;
        return delivery;
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return { id, delivery: delivery as string };
}

/** A team no other spec renders for, so its mapping changes no other module. */
const ACCOUNT_TARGET = {
  team: "identity",
  tier: "staging",
  accountId: "210987654321",
  roleArn: "arn:aws:iam::210987654321:role/tablewright",
};

/** A valid body for each route, so a refusal can only come from authorisation. */
function bodyFor(row: MatrixRow): unknown {
  const path = row.path;
  if (/\/(validate|estimate|render|dr-preview)$/.test(path)) return checkoutRequest("engine");
  if (path === "/api/v1/change-requests") return { request: checkoutRequest("create") };
  if (path.endsWith("/approve")) return { revision: 1 };
  if (path.endsWith("/reject") || path.endsWith("/request-changes")) return { reason: "matrix check" };
  if (path.endsWith("/comments")) return { body: "matrix check" };
  if (path === "/api/v1/imports")
    return { region: "us-east-1", tableName: "legacy-orders", team: "checkout", tier: "dev" };
  if (path === "/api/v1/account-targets") return ACCOUNT_TARGET;
  // No budget: the row checks who may set one without changing what other tests see.
  if (path.endsWith("/budget")) return { monthlyBudgetUsd: null };
  if (path === "/api/v1/tokens") return { name: "matrix", scopes: ["read"], expiresInDays: 1 };
  if (path === "/api/v1/webhooks" && row.method === "POST") {
    return { url: "http://127.0.0.1:9/matrix", team: "checkout", events: ["change_request.approved"] };
  }
  if (path === "/api/v1/notification-preferences" && row.method === "POST") {
    return { own: ["change_request.approved"], team: [], needsDecision: true };
  }
  return row.method === "POST" ? {} : undefined;
}

for (const row of MATRIX) {
  test(`${row.method} ${row.path}`, async () => {
    for (const subject of SUBJECTS) {
      const ids = await prepare(row);
      const url = row.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);
      let data = bodyFor(row);
      if (row.path.endsWith("/revisions")) {
        // A revision of the same request: the current revision's request, unchanged.
        const current = await (await dana.ctx.get(`/api/v1/change-requests/${ids.key}`)).json();
        data = { request: { ...current.current.request } };
      }
      const res = await clients[subject].fetch(url, { method: row.method, ...(data !== undefined ? { data } : {}) });
      expect(res.status(), `${subject}: ${row.method} ${url} -> ${await res.text()}`).toBe(row.expect[subject]);
      await expectDocumented(res, row.method, row.path);
    }
  });
}

test("pages send each subject where the permissions table says", async ({ browser }) => {
  // One page load per page and subject (18), each a server render: more than the default 30 s on a busy machine.
  test.setTimeout(240_000);
  const contexts = {
    anonymous: await browser.newContext({ baseURL: BASE_URL }),
    developer: await browser.newContext({ baseURL: BASE_URL, storageState: await dana.ctx.storageState() }),
    approver: await browser.newContext({ baseURL: BASE_URL, storageState: await pat.ctx.storageState() }),
  };
  for (const page of PAGE_MATRIX) {
    for (const [who, context] of Object.entries(contexts) as [
      keyof typeof contexts,
      (typeof contexts)["anonymous"],
    ][]) {
      const tab = await context.newPage();
      const res = await tab.goto(page.path);
      expect(res?.status(), `${who} ${page.path}`).toBeLessThan(400);
      // Pages with a loading state stream first and redirect from the client, so wait for it.
      await expect.poll(() => new URL(tab.url()).pathname, { message: `${who} ${page.path}` }).toBe(page.expect[who]);
      await tab.close();
    }
  }
});
