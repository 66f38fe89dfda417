// Inventory listing at 10,000 managed tables: GET /api/v1/tables, first page against a deep cursor
// page (page 150 of 50, 7,450 rows in), newest first and by cost. Keyset pagination over indexed
// (createdAt, id) and (monthlyCostUsd, id) should keep p99 flat however deep the cursor is.
// Standalone: `node bench/inventory-list.bench.mjs` (PostgreSQL, next start on loopback; builds if
// needed). `npm run bench` runs it against its own portal and adds it to the report.
import { bulkInsertManagedTables } from "../scripts/lib/bench-data.mjs";
import { measureEndpoint } from "../scripts/lib/load.mjs";
import { buildPortal, createTokens, runIfMain, startDatabase, startPortal } from "../scripts/lib/portal-harness.mjs";

export const INVENTORY_ROWS = 10_000;
const PAGE = 50;
const DEEP_PAGE = 150;
/** Flat: the deep page's p99 within 1.5x the first page's, plus 2 ms of noise on a shared machine. */
export const flatEnough = (first, deep) => deep <= first * 1.5 + 2;

/** Follows nextCursor DEEP_PAGE - 1 times: the cursor a client holds on page DEEP_PAGE. */
async function deepCursor(baseUrl, headers, sort) {
  let cursor;
  for (let page = 1; page < DEEP_PAGE; page++) {
    const query = new URLSearchParams({ limit: String(PAGE), sort, ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${baseUrl}/api/v1/tables?${query}`, { headers });
    if (!res.ok) throw new Error(`page ${page}: ${res.status} ${await res.text()}`);
    cursor = (await res.json()).nextCursor;
    if (!cursor) throw new Error(`only ${page} pages of ${PAGE}: fewer rows than expected`);
  }
  return cursor;
}

/**
 * Inserts the tables, then measures first and deep pages in both sorts; returns the HTTP results
 * (for the report) and one line per sort comparing the p99s.
 */
export async function measureInventoryListing({ db, portal, token, durationSeconds = 10 }) {
  const rows = await bulkInsertManagedTables(db.url, { count: INVENTORY_ROWS });
  const headers = { authorization: `Bearer ${token}` };
  const results = [];
  const lines = [`Inventory listing with ${rows} managed tables (admin token: every team):`];
  for (const sort of ["newest", "cost"]) {
    const cursor = await deepCursor(portal.baseUrl, headers, sort);
    const run = (name, url) =>
      measureEndpoint({
        name,
        url,
        headers,
        connections: 10,
        durationSeconds,
        warmupSeconds: 2,
        serverPid: portal.pid,
      });
    const first = await run(
      `GET /api/v1/tables?sort=${sort} (page 1)`,
      `${portal.baseUrl}/api/v1/tables?limit=${PAGE}&sort=${sort}`,
    );
    const deep = await run(
      `GET /api/v1/tables?sort=${sort} (page ${DEEP_PAGE}, cursor)`,
      `${portal.baseUrl}/api/v1/tables?limit=${PAGE}&sort=${sort}&cursor=${encodeURIComponent(cursor)}`,
    );
    results.push(first, deep);
    const flat = flatEnough(first.latencyMs.p99, deep.latencyMs.p99);
    lines.push(
      `  ${sort.padEnd(6)} p50 ${first.latencyMs.p50} -> ${deep.latencyMs.p50} ms, p99 ${first.latencyMs.p99} -> ${deep.latencyMs.p99} ms (page 1 -> page ${DEEP_PAGE}): ${flat ? "flat" : "NOT flat"}`,
    );
  }
  return { rows, results, lines, flat: lines.every((l) => !l.endsWith("NOT flat")) };
}

async function main() {
  buildPortal();
  const db = await startDatabase();
  const tokens = await createTokens(db.url, { ada: { email: "ada@example.com", scopes: "read" } });
  const portal = await startPortal({ databaseUrl: db.url, label: "inventory bench portal" });
  const outcome = await measureInventoryListing({
    db,
    portal,
    token: tokens.ada,
    durationSeconds: Number(process.env.BENCH_DURATION_SECONDS ?? 10),
  });
  for (const r of outcome.results) {
    console.log(
      `${r.name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, failures ${r.non2xx + r.errors + r.timeouts}`,
    );
  }
  console.log(outcome.lines.join("\n"));
  await portal.stop();
  process.exitCode = outcome.flat ? 0 : 1;
}

await runIfMain(import.meta.url, main);
