import { createHash } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { unzipSync } from "fflate";
import {
  BASE_URL,
  checkoutRequest,
  createToken,
  example,
  expectDocumented,
  type SessionClient,
  sessionClient,
  tokenClient,
} from "./support";

test.describe.configure({ mode: "serial" });

let dana: SessionClient;
let pat: SessionClient;
let ci: APIRequestContext; // Dana's pipeline token: read + write
let reviewer: APIRequestContext; // Pat's token: read + decide
let anonymous: APIRequestContext;

test.beforeAll(async () => {
  dana = await sessionClient("developer");
  pat = await sessionClient("approver");
  ci = await tokenClient((await createToken(dana, ["read", "write"], "ci")).secret);
  reviewer = await tokenClient((await createToken(pat, ["read", "decide"], "review-bot")).secret);
  anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
});

test("stateless engine endpoints answer for a valid request, and document every answer", async () => {
  const request = example("global-3-region-cmk");
  const validate = await ci.post("/api/v1/validate", { data: request });
  expect(validate.status()).toBe(200);
  expect(await validate.json()).toMatchObject({ valid: true });
  await expectDocumented(validate, "POST", "/api/v1/validate");

  const estimate = await ci.post("/api/v1/estimate", { data: request });
  expect(estimate.status()).toBe(200);
  const cost = await estimate.json();
  expect(cost.regions.map((r: { region: string }) => r.region)).toEqual(
    expect.arrayContaining(["us-east-1", "eu-west-1"]),
  );
  expect(cost.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(cost.projection).toHaveLength(12);
  expect(cost.storage.entries[0]).toMatchObject({ kind: "TABLE", overheadBytesPerItem: 148 });
  await expectDocumented(estimate, "POST", "/api/v1/estimate");

  const render = await ci.post("/api/v1/render", { data: request });
  expect(render.status()).toBe(200);
  const { files } = await render.json();
  expect(files["main.tf"]).toContain('resource "aws_dynamodb_table" "this"');
  await expectDocumented(render, "POST", "/api/v1/render");

  const dr = await ci.post("/api/v1/dr-preview", { data: request });
  expect(dr.status()).toBe(200);
  expect((await dr.json()).pattern).toBe("ACTIVE_ACTIVE_MREC");
  await expectDocumented(dr, "POST", "/api/v1/dr-preview");

  const invalid = await ci.post("/api/v1/validate", { data: { ...request, tableName: "x" } });
  expect(invalid.status()).toBe(200);
  const verdict = await invalid.json();
  expect(verdict.valid).toBe(false);
  expect(verdict.issues).toContainEqual(expect.objectContaining({ path: "tableName", code: "TABLE_NAME_LENGTH" }));
});

test("create to download: a pipeline creates, the platform approves, the pipeline downloads the reviewed bytes", async () => {
  const request = checkoutRequest("pipeline");
  const create = await ci.post("/api/v1/change-requests", {
    data: { request, title: "From CI", submit: true },
    headers: { "idempotency-key": `create-${request.tableName}` },
  });
  expect(create.status()).toBe(201);
  await expectDocumented(create, "POST", "/api/v1/change-requests");
  const created = await create.json();
  expect(create.headers().location).toBe(`/api/v1/change-requests/${created.key}`);

  const retry = await ci.post("/api/v1/change-requests", {
    data: { request, title: "From CI", submit: true },
    headers: { "idempotency-key": `create-${request.tableName}` },
  });
  expect(retry.status()).toBe(201);
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect((await retry.json()).key).toBe(created.key);

  const detail = await reviewer.get(`/api/v1/change-requests/${created.key}`);
  expect(detail.status()).toBe(200);
  await expectDocumented(detail, "GET", "/api/v1/change-requests/{key}");
  const { version, current } = await detail.json();

  const approve = await reviewer.post(`/api/v1/change-requests/${created.key}/approve`, {
    data: { revision: 1, comment: "LGTM" },
    headers: { "if-match": `"${version}"` },
  });
  expect(approve.status(), await approve.text()).toBe(200);
  expect((await approve.json()).status).toBe("APPROVED");
  await expectDocumented(approve, "POST", "/api/v1/change-requests/{key}/approve");

  const bundle = await ci.get(`/api/v1/change-requests/${created.key}/revisions/1/bundle`);
  expect(bundle.status()).toBe(200);
  await expectDocumented(bundle, "GET", "/api/v1/change-requests/{key}/revisions/{revision}/bundle");
  const bytes = await bundle.body();
  const sha = createHash("sha256").update(bytes).digest("hex");
  expect(sha).toBe(current.bundleSha256);
  expect(bundle.headers()["x-checksum-sha256"]).toBe(sha);
  expect(bundle.headers().etag).toBe(`"${sha}"`);
  expect(bundle.headers()["content-disposition"]).toContain(`${created.key}-r1-`);
  expect(Object.keys(unzipSync(new Uint8Array(bytes)))).toContain(`${request.tableName}/main.tf`);

  const audit = await ci.get(`/api/v1/change-requests/${created.key}/audit`);
  await expectDocumented(audit, "GET", "/api/v1/change-requests/{key}/audit");
  expect((await audit.json()).events.map((e: { action: string }) => e.action)).toEqual(
    expect.arrayContaining(["CHANGE_REQUEST_CREATED", "SUBMIT", "APPROVE", "COMMENT", "BUNDLE_DOWNLOADED"]),
  );
});

test("request changes, revise, diff, comments, withdraw", async () => {
  const request = checkoutRequest("revise");
  const { key } = await (await ci.post("/api/v1/change-requests", { data: { request, submit: true } })).json();
  const changes = await reviewer.post(`/api/v1/change-requests/${key}/request-changes`, {
    data: { reason: "Turn PITR on" },
  });
  expect(changes.status()).toBe(200);
  await expectDocumented(changes, "POST", "/api/v1/change-requests/{key}/request-changes");

  const revised = await ci.post(`/api/v1/change-requests/${key}/revisions`, {
    data: { request: { ...request, pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } } },
  });
  expect(revised.status(), await revised.text()).toBe(201);
  expect(await revised.json()).toMatchObject({ status: "SUBMITTED", currentRevision: 2 });
  await expectDocumented(revised, "POST", "/api/v1/change-requests/{key}/revisions");

  const diff = await ci.get(`/api/v1/change-requests/${key}/revisions/1/diff/2`);
  expect(diff.status()).toBe(200);
  await expectDocumented(diff, "GET", "/api/v1/change-requests/{key}/revisions/{revision}/diff/{to}");
  const body = await diff.json();
  expect(body.fieldChanges.map((c: { path: string }) => c.path)).toContain("pointInTimeRecovery.enabled");

  const comment = await ci.post(`/api/v1/change-requests/${key}/comments`, { data: { body: "PITR is on now." } });
  expect(comment.status()).toBe(201);
  await expectDocumented(comment, "POST", "/api/v1/change-requests/{key}/comments");

  const withdraw = await ci.post(`/api/v1/change-requests/${key}/withdraw`, { data: {} });
  expect(withdraw.status()).toBe(200);
  await expectDocumented(withdraw, "POST", "/api/v1/change-requests/{key}/withdraw");

  const list = await ci.get(`/api/v1/change-requests?status=WITHDRAWN&q=${request.tableName}`);
  expect(list.status()).toBe(200);
  await expectDocumented(list, "GET", "/api/v1/change-requests");
  expect((await list.json()).items.map((i: { key: string }) => i.key)).toEqual([key]);
});

type Page = { items: { key: string }[]; nextCursor: string | null };

/** Every key, walking the list with the given page size. */
async function walkList(limit: number): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const res = await ci.get(`/api/v1/change-requests?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status()).toBe(200);
    const page = (await res.json()) as Page;
    keys.push(...page.items.map((i) => i.key));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return keys;
}

test("lists page with a stable cursor: small and large pages see the same rows once each, in the same order", async () => {
  const small = await walkList(3);
  expect(new Set(small).size).toBe(small.length);
  expect(small).toEqual(await walkList(100));
});

type ErrorCase = {
  name: string;
  send: () => Promise<Awaited<ReturnType<APIRequestContext["get"]>>>;
  status: number;
  code: string;
  method: string;
  path: string;
  errorPath?: string;
};

test("error cases are problem+json with the documented status and code", async () => {
  const { key } = await (
    await ci.post("/api/v1/change-requests", { data: { request: checkoutRequest("errors"), submit: true } })
  ).json();
  const stale = (await (await ci.get(`/api/v1/change-requests/${key}`)).json()).version;
  const submitted = (
    await (
      await ci.post("/api/v1/change-requests", { data: { request: checkoutRequest("reason"), submit: true } })
    ).json()
  ).key;
  await reviewer.post(`/api/v1/change-requests/${key}/request-changes`, { data: { reason: "first" } });
  const idem = checkoutRequest("idem");
  await ci.post("/api/v1/change-requests", { data: { request: idem }, headers: { "idempotency-key": "reuse-me" } });

  const omar = await sessionClient("otherDeveloper");
  const cases: ErrorCase[] = [
    {
      name: "bad JSON",
      send: () =>
        ci.post("/api/v1/validate", {
          data: Buffer.from("{not json"),
          headers: { "content-type": "application/json" },
        }),
      status: 400,
      code: "BAD_REQUEST",
      method: "POST",
      path: "/api/v1/validate",
    },
    {
      name: "not JSON at all",
      send: () =>
        ci.post("/api/v1/validate", {
          data: Buffer.from("a=1"),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      method: "POST",
      path: "/api/v1/validate",
    },
    {
      name: "body too large",
      send: () => ci.post("/api/v1/estimate", { data: { tableName: "x".repeat(1_100_000) } }),
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      method: "POST",
      path: "/api/v1/estimate",
    },
    {
      name: "wrong types, submitted",
      send: () =>
        ci.post("/api/v1/change-requests", {
          data: { request: { ...checkoutRequest("types"), tableName: 42 }, submit: true },
        }),
      status: 422,
      code: "VALIDATION_FAILED",
      method: "POST",
      path: "/api/v1/change-requests",
      errorPath: "request.tableName",
    },
    {
      name: "submitting a draft that was saved with wrong types",
      send: async () => {
        const draft = await ci.post("/api/v1/change-requests", {
          data: { request: { ...checkoutRequest("types-draft"), tableName: 42 } },
        });
        expect(draft.status(), await draft.text()).toBe(201);
        const { key: draftKey } = await draft.json();
        return ci.post(`/api/v1/change-requests/${draftKey}/submit`, { data: {} });
      },
      status: 422,
      code: "VALIDATION_FAILED",
      method: "POST",
      path: "/api/v1/change-requests/{key}/submit",
      // The paths name the stored request's fields (there is no request in a submit body).
      errorPath: "tableName",
    },
    {
      name: "missing token",
      send: () => anonymous.get("/api/v1/change-requests"),
      status: 401,
      code: "UNAUTHENTICATED",
      method: "GET",
      path: "/api/v1/change-requests",
    },
    {
      name: "unknown token",
      send: () =>
        anonymous.get("/api/v1/change-requests", { headers: { authorization: "Bearer tw_not-a-real-token" } }),
      status: 401,
      code: "UNAUTHENTICATED",
      method: "GET",
      path: "/api/v1/change-requests",
    },
    {
      name: "wrong scope",
      send: () => ci.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } }),
      status: 403,
      code: "FORBIDDEN",
      method: "POST",
      path: "/api/v1/change-requests/{key}/approve",
    },
    {
      name: "other team",
      send: () => omar.ctx.get(`/api/v1/change-requests/${key}`),
      status: 404,
      code: "NOT_FOUND",
      method: "GET",
      path: "/api/v1/change-requests/{key}",
    },
    {
      name: "stale version",
      send: () => ci.post(`/api/v1/change-requests/${key}/withdraw`, { data: { expectedVersion: stale } }),
      status: 409,
      code: "VERSION_CONFLICT",
      method: "POST",
      path: "/api/v1/change-requests/{key}/withdraw",
    },
    {
      name: "transition not allowed",
      send: () => reviewer.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } }),
      status: 409,
      code: "TRANSITION_NOT_ALLOWED",
      method: "POST",
      path: "/api/v1/change-requests/{key}/approve",
    },
    {
      name: "reason required",
      send: () => reviewer.post(`/api/v1/change-requests/${submitted}/reject`, { data: { reason: " " } }),
      status: 422,
      code: "REASON_REQUIRED",
      method: "POST",
      path: "/api/v1/change-requests/{key}/reject",
    },
    {
      name: "duplicate idempotency key with a different body",
      send: () =>
        ci.post("/api/v1/change-requests", {
          data: { request: { ...idem, tableName: `${idem.tableName}-x` } },
          headers: { "idempotency-key": "reuse-me" },
        }),
      status: 422,
      code: "IDEMPOTENCY_KEY_REUSED",
      method: "POST",
      path: "/api/v1/change-requests",
    },
    {
      name: "unknown key",
      send: () => ci.get("/api/v1/change-requests/TW-999999"),
      status: 404,
      code: "NOT_FOUND",
      method: "GET",
      path: "/api/v1/change-requests/{key}",
    },
    {
      name: "bundle of a revision that is not approved",
      send: () => ci.get(`/api/v1/change-requests/${key}/revisions/1/bundle`),
      status: 409,
      code: "CONFLICT",
      method: "GET",
      path: "/api/v1/change-requests/{key}/revisions/{revision}/bundle",
    },
    {
      name: "cookie write without the CSRF header",
      send: async () => {
        const ctx = await playwrightRequest.newContext({
          baseURL: BASE_URL,
          storageState: await dana.ctx.storageState(),
        });
        return ctx.post("/api/v1/tokens", { data: { name: "x", scopes: ["read"], expiresInDays: 1 } });
      },
      status: 403,
      code: "FORBIDDEN",
      method: "POST",
      path: "/api/v1/tokens",
    },
    {
      name: "token cannot decide beyond its owner's role",
      send: () => dana.ctx.post("/api/v1/tokens", { data: { name: "x", scopes: ["decide"], expiresInDays: 1 } }),
      status: 422,
      code: "VALIDATION_FAILED",
      method: "POST",
      path: "/api/v1/tokens",
      errorPath: "scopes[0]",
    },
  ];
  for (const c of cases) {
    const res = await c.send();
    const text = await res.text();
    expect(res.status(), `${c.name}: ${text}`).toBe(c.status);
    expect(res.headers()["content-type"], c.name).toContain("application/problem+json");
    const problem = JSON.parse(text);
    expect(problem.code, c.name).toBe(c.code);
    expect(problem.requestId, c.name).toBeTruthy();
    if (c.errorPath)
      expect(
        problem.errors.map((e: { path: string }) => e.path),
        c.name,
      ).toContain(c.errorPath);
    await expectDocumented(res, c.method, c.path);
  }
});

test("a token over its per-minute budget gets 429 with Retry-After", async () => {
  const limited = await tokenClient((await createToken(dana, ["read"], "burst")).secret);
  const limit = Number(process.env.E2E_RATE_LIMIT ?? 300);
  let last: Awaited<ReturnType<APIRequestContext["get"]>> | undefined;
  for (let i = 0; i <= limit; i++) last = await limited.get("/api/v1/change-requests?limit=1");
  if (!last) throw new Error("no request was sent");
  expect(last.status()).toBe(429);
  expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await last.json()) as { code: string }).code).toBe("RATE_LIMITED");
  await expectDocumented(last, "GET", "/api/v1/change-requests");
});

test("the reference documents are served", async () => {
  const openapi = await anonymous.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
  const schema = await anonymous.get("/api/v1/schemas/table-request");
  expect(schema.headers()["content-type"]).toContain("application/schema+json");
  expect((await schema.json()).$defs.TableRequest.properties.tableName).toBeDefined();
});
