// Test data for the listing benchmark, written with one SQL statement: 10,000 change requests
// spread over the demo teams, newest first by createdAt as the list orders them. The list query
// reads ChangeRequest, Team and User only, so no Revision rows are needed.
import { withPg } from "./portal-harness.mjs";

const FIRST_NUMBER = 1_000_000;

/** Inserts `count` change requests owned by `requesterEmail`; returns how many rows the table then has. */
export async function bulkInsertChangeRequests(url, { count = 10_000, requesterEmail = "dana@example.com" } = {}) {
  return withPg(url, async (client) => {
    const requester = await client.query('SELECT id FROM "User" WHERE email = $1', [requesterEmail]);
    if (!requester.rows[0]) throw new Error(`no user ${requesterEmail}`);
    const teams = (await client.query('SELECT id FROM "Team" ORDER BY slug')).rows.map((r) => r.id);
    await client.query(
      `INSERT INTO "ChangeRequest"
         (id, number, key, title, "tableName", tier, status, "teamId", "requesterId", "currentRevision", version,
          regions, "monthlyCostUsd", flags, "searchText", "isDemo", "createdAt", "updatedAt")
       SELECT 'bulk' || n, $1 + n, 'TW-' || ($1 + n), 'bulk table ' || n, 'bulk-table-' || n,
              (ARRAY['dev','staging','prod'])[1 + n % 3],
              (ARRAY['DRAFT','SUBMITTED','APPROVED','REJECTED','CHANGES_REQUESTED'])[1 + n % 5],
              ($2::text[])[1 + n % cardinality($2::text[])], $3, 1, 1,
              'us-east-1', 12.5, '', 'tw-' || ($1 + n) || ' bulk table ' || n, false,
              now() - make_interval(secs => n), now() - make_interval(secs => n)
       FROM generate_series(1, $4) AS n`,
      [FIRST_NUMBER, teams, requester.rows[0].id, count],
    );
    // Keep the key counter ahead of the inserted numbers so later creates never collide.
    await client.query(`UPDATE "Counter" SET value = GREATEST(value, $1) WHERE name = 'change-request-number'`, [
      FIRST_NUMBER + count,
    ]);
    await client.query('ANALYZE "ChangeRequest"');
    const total = await client.query('SELECT count(*)::int AS n FROM "ChangeRequest"');
    return total.rows[0].n;
  });
}

/**
 * Inserts `count` managed tables (the inventory) spread over the demo teams, tiers, Regions, live
 * statuses and costs, with one SQL statement; returns how many rows the table then has. The list
 * reads ManagedTable and Team only.
 */
export async function bulkInsertManagedTables(url, { count = 10_000 } = {}) {
  return withPg(url, async (client) => {
    const teams = (await client.query('SELECT id FROM "Team" ORDER BY slug')).rows.map((r) => r.id);
    const definition = JSON.stringify({ tableName: "bulk", note: "bench row: the list never reads it" });
    await client.query(
      `INSERT INTO "ManagedTable"
         (id, "teamId", name, "primaryRegion", regions, tier, "liveStatus", "monthlyCostUsd", "drPattern",
          "definitionJson", "definedByRequestKey", "definedByRevision", "searchText", "createdAt", "updatedAt")
       SELECT 'bulktable' || n, ($1::text[])[1 + n % cardinality($1::text[])], 'bulk-table-' || n,
              (ARRAY['us-east-1','eu-west-1','ap-south-1'])[1 + n % 3],
              ',' || (ARRAY['us-east-1','eu-west-1','ap-south-1'])[1 + n % 3] || ',',
              (ARRAY['dev','staging','prod'])[1 + n % 3],
              (ARRAY['AWAITING_APPLY','VERIFIED','DRIFTED','UNKNOWN'])[1 + n % 4],
              round(((n * 7919) % 100000) / 10.0, 2), 'SINGLE_REGION_PITR', $2, 'TW-' || n, 1,
              'bulk-table-' || n, now() - make_interval(secs => n), now() - make_interval(secs => n)
       FROM generate_series(1, $3) AS n`,
      [teams, definition, count],
    );
    await client.query('ANALYZE "ManagedTable"');
    const total = await client.query('SELECT count(*)::int AS n FROM "ManagedTable"');
    return total.rows[0].n;
  });
}
