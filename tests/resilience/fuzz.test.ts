// Seeded fuzzing of everything a client controls, as every role: request bodies generated from the
// table request's JSON Schema (every optional block) and mutated bodies for every write endpoint,
// query strings, path parameters, page routes and /api/auth/*, sent as anonymous, a read-only
// token, a developer, an approver and an admin. Whatever is sent, the answer is never a 5xx, API
// errors are problem+json, redirects never leave the site, and /api/health still answers after every
// batch (a request that stops the process fails the batch that sent it).
// FUZZ_SEED reproduces a run (the seed is printed); FUZZ_RUNS scales the number of cases.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTokens,
  type Database,
  type Portal,
  startDatabase,
  startPortal,
  stopEverything,
} from "../../scripts/lib/portal-harness.mjs";
import { type ApiResponse, pool, problemDefect } from "./support/api";
import { bodyArbitrary } from "./support/fuzz-bodies";
import { resilienceRequest } from "./support/requests";
import { interestingString, tableRequestArbitrary } from "./support/schema-arbitrary";

const RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
// Generous: the machine may be shared; the batches, not the clock, are what is checked.
const TIMEOUT_MS = 300_000;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CLIENTS = 8;
const BATCH = 250;

type Role = "anonymous" | "read-only token" | "developer" | "approver" | "admin";
const TOKEN_ROLES: Role[] = ["anonymous", "read-only token", "developer", "approver", "admin"];
const PAGE_ROLES = ["anonymous", "developer", "approver", "admin"] as const;

let db: Database;
let portal: Portal;
const tokens: Partial<Record<Role, string>> = {};
const cookies: Partial<Record<(typeof PAGE_ROLES)[number], string>> = {};
let key = "";
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is free-form JSON
let openapi: any;
// biome-ignore lint/suspicious/noExplicitAny: the JSON Schema is free-form JSON
let requestSchema: any;

interface Case {
  label: string;
  method: string;
  path: string;
  role: string;
  headers?: Record<string, string>;
  body?: string;
  kind: "api" | "page" | "auth";
}

async function send(c: Case): Promise<ApiResponse & { location: string | null }> {
  const started = performance.now();
  const headers: Record<string, string> = { ...c.headers };
  if (c.kind === "page" || c.kind === "auth") {
    const cookie = cookies[c.role as (typeof PAGE_ROLES)[number]];
    if (cookie) headers.cookie = cookie;
  } else if (tokens[c.role as Role]) {
    headers.authorization = `Bearer ${tokens[c.role as Role]}`;
  }
  const res = await fetch(`${portal.baseUrl}${c.path}`, {
    method: c.method,
    headers,
    body: c.body,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    body,
    text,
    ms: performance.now() - started,
    location: res.headers.get("location"),
  };
}

/** What is wrong with an answer, or undefined. */
function defectOf(c: Case, res: ApiResponse & { location: string | null }): string | undefined {
  if (res.status >= 500) return `status ${res.status}`;
  if (c.kind === "api") return problemDefect(res);
  if (res.location !== null) {
    // A redirect stays on this site: a path, or this very origin.
    const resolved = new URL(res.location, portal.baseUrl);
    if (resolved.origin !== portal.baseUrl || /^\/\/|\\/.test(res.location))
      return `redirect off-site: ${res.location}`;
  }
  if (c.kind === "page" && res.status === 400 && !res.contentType.startsWith("text/html")) {
    return `a refused page answered ${res.contentType}`;
  }
  return undefined;
}

/**
 * Sends the cases in batches; after each batch the portal must still answer /api/health. Returns
 * the defects found (at most 20 kept) and a status histogram.
 */
async function runBatches(name: string, cases: Case[]) {
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    await pool(
      CLIENTS,
      batch.map((c) => async () => {
        let res: Awaited<ReturnType<typeof send>>;
        try {
          res = await send(c);
        } catch {
          // A keep-alive connection the server closed as it was reused ("other side closed") is a
          // client-side race; a request that really breaks the connection breaks it again.
          try {
            res = await send(c);
          } catch (error) {
            if (failures.length < 20)
              failures.push(`${c.method} ${c.path} as ${c.role} [${c.label}] -> ${String(error)}`);
            return;
          }
        }
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const defect = defectOf(c, res);
        if (defect && failures.length < 20) {
          failures.push(
            `${c.method} ${c.path.slice(0, 160)} as ${c.role} [${c.label}] ${(c.body ?? "").slice(0, 120)} -> ${defect}: ${res.text.slice(0, 200)}`,
          );
        }
      }),
    );
    const health = await fetch(`${portal.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status,
      (e: unknown) => String(e),
    );
    if (health !== 200) {
      throw new Error(
        `${name}: /api/health answered ${health} after batch ${start / BATCH + 1} (reproduce with FUZZ_SEED=${SEED}); the batch held ${batch
          .slice(0, 5)
          .map((c) => `${c.method} ${c.path.slice(0, 80)}`)
          .join(", ")}...\n${portal.tail()}`,
      );
    }
  }
  console.log(`fuzz ${name}: seed ${SEED}, ${cases.length} requests, statuses ${JSON.stringify(statuses)}`);
  return failures;
}

/** Signs a demo account in through the real form and returns its session cookie. */
async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${portal.baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      origin: portal.baseUrl,
    },
    body: new URLSearchParams({ email, password, returnTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

beforeAll(async () => {
  db = await startDatabase();
  Object.assign(
    tokens,
    await createTokens(db.url, {
      "read-only token": { email: "dana@example.com", scopes: "read" },
      developer: { email: "dana@example.com", scopes: "read,write" },
      approver: { email: "pat@example.com", scopes: "read,write,decide" },
      admin: { email: "ada@example.com", scopes: "read,write,decide" },
    }),
  );
  portal = await startPortal({ databaseUrl: db.url, label: "fuzz" });
  cookies.developer = await signIn("dana@example.com", "demo-developer");
  cookies.approver = await signIn("pat@example.com", "demo-approver");
  cookies.admin = await signIn("ada@example.com", "demo-admin");
  // A change request for the {key} endpoints, so their bodies are parsed rather than refused as not found.
  const created = await fetch(`${portal.baseUrl}/api/v1/change-requests`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.developer}`, "content-type": "application/json" },
    body: JSON.stringify({ request: resilienceRequest("prod", "fuzz-target"), submit: true }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  key = ((await created.json()) as { key: string }).key;
  openapi = await (await fetch(`${portal.baseUrl}/api/v1/openapi.json`)).json();
  requestSchema = await (await fetch(`${portal.baseUrl}/api/v1/schemas/table-request`)).json();
});

afterAll(() => stopEverything());

const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number) => fc.sample(arb, { numRuns: n, seed: SEED + salt });
const json = { "content-type": "application/json" };

/** A valid body per endpoint, the seed of the mutations. */
function validBodyFor(path: string) {
  const request = resilienceRequest("dev", "fuzz-table");
  if (/\/(validate|estimate|render|dr-preview)$/.test(path)) return request;
  if (path.endsWith("/change-requests")) return { request, title: "fuzz", submit: false };
  if (path.endsWith("/revisions")) return { request, expectedVersion: 1 };
  if (path.endsWith("/approve")) return { revision: 1, expectedVersion: 1 };
  if (/\/(reject|request-changes)$/.test(path)) return { reason: "fuzz reason", expectedVersion: 1 };
  if (path.endsWith("/comments")) return { body: "fuzz comment" };
  if (path.endsWith("/tokens")) return { name: "fuzz", scopes: ["read"], expiresInDays: 1 };
  if (path.endsWith("/imports")) return { region: "us-east-1", tableName: "fuzz-table", request };
  return {};
}

/** Wraps a generated table request the way each endpoint takes it. */
function wrapRequest(path: string, request: unknown) {
  if (path.endsWith("/change-requests")) return { request, title: "fuzz schema", submit: false };
  if (path.endsWith("/revisions")) return { request };
  if (path.endsWith("/imports")) return { region: "us-east-1", tableName: "fuzz-table", request };
  return request;
}

const PATH_SEGMENTS = [
  "%FF",
  "%E0%A4%A",
  "%",
  "%00",
  "abc%00",
  "%0A",
  "%2e%2e",
  "..",
  "%2F..%2F",
  "TW-0",
  "TW-99999999999",
  "TW-1%20",
  "tw-1",
  "0",
  "-1",
  "1e3",
  "999999999",
  "%C3%A9",
  "x".repeat(300),
  "%EF%BF%BF",
  "__proto__",
  "constructor",
];

const queryValue = fc.oneof(
  interestingString(200).map((s) => encodeURIComponent(s)),
  fc.constantFrom(
    "%00",
    "%FF",
    "%",
    "%E0%A4%A",
    "a%00b",
    "zzz",
    "",
    "-1",
    "0",
    "101",
    "1e9",
    "SUBMITTED,APPROVED",
    "oldest",
  ),
  fc
    .tuple(
      fc.constantFrom("-200000-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "1970-01-01T00:00:00Z", "x"),
      fc.string({ maxLength: 10 }),
    )
    .map(([at, id]) => Buffer.from(JSON.stringify([at, id])).toString("base64url")),
);

function queryArbitrary(names: string[]) {
  const name = fc.oneof(
    fc.constantFrom(...names, "cursor", "limit"),
    fc.string({ maxLength: 8 }).map(encodeURIComponent),
  );
  return fc
    .array(fc.tuple(name, queryValue), { minLength: 1, maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
}

describe("fuzzing as every role, with /api/health after every batch", () => {
  it(
    "bodies generated from the request JSON Schema and mutated bodies, against every write endpoint",
    async () => {
      const paths = Object.entries(openapi.paths as Record<string, Record<string, unknown>>)
        .filter(([, methods]) => "post" in methods)
        .map(([template]) => template.replace("{key}", key));
      expect(paths.length).toBeGreaterThanOrEqual(10);
      const tableEndpoints = paths.filter((p) =>
        /\/(validate|estimate|render|dr-preview|change-requests|revisions|imports)$/.test(p),
      );
      const base = resilienceRequest("prod", "fuzz-schema") as Record<string, unknown>;
      const schemaCases = sample(
        fc.tuple(
          fc.constantFrom(...tableEndpoints),
          tableRequestArbitrary(requestSchema, base),
          fc.constantFrom(...TOKEN_ROLES),
        ),
        Math.round(RUNS * 0.35),
        1,
      ).map(
        ([path, request, role]): Case => ({
          label: "schema",
          kind: "api",
          method: "POST",
          path,
          role,
          headers: json,
          body: JSON.stringify(wrapRequest(path, request)),
        }),
      );
      const mutatedCases = sample(
        fc
          .tuple(fc.constantFrom(...paths), fc.constantFrom(...TOKEN_ROLES))
          .chain(([path, role]) => bodyArbitrary(validBodyFor(path)).map((b) => ({ path, role, ...b }))),
        Math.round(RUNS * 0.25),
        2,
      ).map(
        (c): Case => ({
          label: c.kind,
          kind: "api",
          method: "POST",
          path: c.path,
          role: c.role,
          headers: json,
          body: c.text,
        }),
      );
      const failures = await runBatches("bodies", [...schemaCases, ...mutatedCases]);
      expect(failures, `reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "query strings and path parameters of every endpoint",
    async () => {
      const operations = Object.entries(
        openapi.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>,
      )
        .flatMap(([template, methods]) => Object.entries(methods).map(([method, op]) => ({ template, method, op })))
        .filter(({ method }) => ["get", "post", "delete"].includes(method));
      const queryCases = sample(
        fc
          .tuple(
            fc.constantFrom(...operations.filter((o) => o.method === "get")),
            fc.constantFrom(...TOKEN_ROLES),
            fc.constant(null),
          )
          .chain(([o, role]) =>
            queryArbitrary(
              (o.op.parameters ?? [])
                .filter((p) => p.in === "query")
                .map((p) => p.name)
                .concat("q", "status"),
            ).map((query) => ({ o, role, query })),
          ),
        Math.round(RUNS * 0.12),
        3,
      ).map(
        ({ o, role, query }): Case => ({
          label: "query",
          kind: "api",
          method: "GET",
          path: `${o.template
            .replace("{key}", key)
            .replace(/\{(revision|to)\}/g, "1")
            .replace("{id}", "x")}?${query}`,
          role,
        }),
      );
      const templated = operations.filter((o) => o.template.includes("{"));
      const pathCases = sample(
        fc.tuple(
          fc.constantFrom(...templated),
          fc.constantFrom(...TOKEN_ROLES),
          fc.constantFrom(...PATH_SEGMENTS),
          fc.constantFrom(...PATH_SEGMENTS),
        ),
        Math.round(RUNS * 0.1),
        4,
      ).map(([o, role, a, b]): Case => {
        let n = 0;
        const path = o.template.replace(/\{[^}]+\}/g, () => (n++ === 0 ? a : b));
        return {
          label: "path",
          kind: "api",
          method: o.method.toUpperCase(),
          path,
          role,
          ...(o.method === "post" ? { headers: json, body: "{}" } : {}),
        };
      });
      const failures = await runBatches("queries and paths", [...queryCases, ...pathCases]);
      expect(failures, `reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "page routes with fuzzed paths and queries, signed in as each role and anonymous",
    async () => {
      const pages = [
        "/",
        "/queue",
        `/requests/${key}`,
        "/requests/new",
        "/settings/tokens",
        "/sign-in",
        "/forbidden",
        "/api-docs",
      ];
      const pageQuery = queryArbitrary([
        "q",
        "status",
        "tier",
        "team",
        "requester",
        "flag",
        "from",
        "to",
        "revise",
        "selected",
        "sort",
        "age",
        "cost",
        "returnTo",
        "error",
        "need",
      ]);
      const cases = sample(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...pages),
            fc.constantFrom(...PATH_SEGMENTS).map((s) => `/requests/${s}`),
            fc.constantFrom(...PATH_SEGMENTS).map((s) => `/${s}`),
          ),
          fc.option(pageQuery, { freq: 4 }),
          fc.constantFrom(...PAGE_ROLES),
        ),
        Math.round(RUNS * 0.1),
        5,
      ).map(
        ([path, query, role]): Case => ({
          label: "page",
          kind: "page",
          method: "GET",
          path: query ? `${path}?${query}` : path,
          role,
        }),
      );
      const failures = await runBatches("pages", cases);
      expect(failures, `reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    "/api/auth/*: sign-in and sign-out forms, single sign-on start and callback",
    async () => {
      const returnTo = fc.oneof(
        fc.constantFrom(
          "/",
          "/queue",
          "//evil.example",
          "/\\evil.example",
          "/\t/evil.example",
          "https://evil.example",
          "/%2F%2Fevil.example",
          "/.//evil.example",
        ),
        interestingString(300),
      );
      const form = fc
        .record(
          {
            email: fc.oneof(
              fc.constantFrom("dana@example.com", "pat@example.com", "nobody@example.com", ""),
              interestingString(400),
            ),
            password: fc.oneof(fc.constantFrom("demo-developer", "wrong"), interestingString(200)),
            returnTo,
            csrf: interestingString(100),
          },
          { requiredKeys: [] },
        )
        .map((fields) => new URLSearchParams(fields as Record<string, string>).toString());
      const contentType = fc.constantFrom(
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "application/json",
        "text/plain",
        "",
      );
      const body = fc.oneof(
        { weight: 4, arbitrary: form },
        { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
        { weight: 1, arbitrary: fc.integer({ min: 16_000, max: 200_000 }).map((n) => `email=${"a".repeat(n)}`) },
        {
          weight: 1,
          arbitrary: fc.constant(
            '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\ndana@example.com\r\n--x--\r\n',
          ),
        },
      );
      const origin = fc.constantFrom(undefined, "https://evil.example", "null");
      const cases = sample(
        fc.oneof(
          fc
            .tuple(
              fc.constantFrom("/api/auth/sign-in", "/api/auth/sign-out"),
              body,
              contentType,
              origin,
              fc.constantFrom(...PAGE_ROLES),
              fc.boolean(),
            )
            .map(
              ([path, text, type, from, role, wantsJson]): Case => ({
                label: "auth form",
                kind: "auth",
                method: "POST",
                path,
                role,
                body: text,
                headers: {
                  ...(type ? { "content-type": type } : {}),
                  origin: from ?? portal.baseUrl,
                  ...(wantsJson ? { accept: "application/json" } : {}),
                },
              }),
            ),
          fc
            .tuple(
              fc.constantFrom("/api/auth/oidc/start", "/api/auth/oidc/callback"),
              queryArbitrary(["returnTo", "code", "state", "error", "iss"]),
              fc.constantFrom(...PAGE_ROLES),
            )
            .map(
              ([path, query, role]): Case => ({
                label: "sso",
                kind: "auth",
                method: "GET",
                path: `${path}?${query}`,
                role,
              }),
            ),
          fc.tuple(fc.constantFrom(...PATH_SEGMENTS), fc.constantFrom("GET", "POST", "DELETE")).map(
            ([segment, method]): Case => ({
              label: "auth path",
              kind: "auth",
              method,
              path: `/api/auth/${segment}`,
              role: "anonymous",
            }),
          ),
        ),
        Math.round(RUNS * 0.08),
        6,
      );
      const failures = await runBatches("auth", cases);
      expect(failures, `reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
