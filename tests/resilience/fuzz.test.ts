// At least 10,000 generated bodies (fast-check) against every write endpoint the OpenAPI document
// lists: whatever a client sends, the answer is never a 5xx and every error is problem+json.
// FUZZ_SEED reproduces a run (the seed is printed); FUZZ_RUNS changes the count.
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
import { call, pool, problemDefect } from "./support/api";
import { bodyArbitrary } from "./support/fuzz-bodies";
import { resilienceRequest } from "./support/requests";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CLIENTS = 8;

let db: Database;
let portal: Portal;
let token = "";
let key = "";

beforeAll(async () => {
  db = await startDatabase();
  token = (await createTokens(db.url, { ada: { email: "ada@example.com", scopes: "read,write,decide" } }))
    .ada as string;
  portal = await startPortal({ databaseUrl: db.url, label: "fuzz" });
  // A change request for the {key} endpoints, so their bodies are parsed rather than refused as not found.
  const created = await call(portal.baseUrl, token, "POST", "/api/v1/change-requests", {
    request: resilienceRequest("prod", "fuzz-target"),
    submit: true,
  });
  expect(created.status, created.text).toBe(201);
  key = created.body.key;
});

afterAll(() => stopEverything());

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

describe("fuzzing: generated bodies against every write endpoint", () => {
  it(`answers ${RUNS} generated bodies without a 5xx, every error as problem+json`, async () => {
    const doc = await (await fetch(`${portal.baseUrl}/api/v1/openapi.json`)).json();
    const endpoints = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, methods]) => "post" in methods)
      .map(([template]) => template.replace("{key}", key));
    expect(endpoints.length).toBeGreaterThanOrEqual(10);

    const cases = fc.sample(
      fc
        .constantFrom(...endpoints)
        .chain((path) => bodyArbitrary(validBodyFor(path)).map((body) => ({ path, ...body }))),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(
      `fuzz: seed ${SEED}, ${cases.length} bodies over ${endpoints.length} endpoints: ${endpoints.join(", ")}`,
    );

    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    await pool(
      CLIENTS,
      cases.map((c) => async () => {
        const res = await call(portal.baseUrl, token, "POST", c.path, undefined, { rawBody: c.text });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const defect = res.status >= 500 ? `status ${res.status}` : problemDefect(res);
        if (defect && failures.length < 20) {
          failures.push(
            `${c.path} [${c.kind}, ${c.text.length} bytes] ${c.text.slice(0, 120)} -> ${defect}: ${res.text.slice(0, 200)}`,
          );
        }
      }),
    );
    console.log(`fuzz: statuses ${JSON.stringify(statuses)}`);
    expect(failures, `reproduce with FUZZ_SEED=${SEED}`).toEqual([]);
    // The portal is still healthy after all that.
    expect((await fetch(`${portal.baseUrl}/api/health`)).status).toBe(200);
  });
});
