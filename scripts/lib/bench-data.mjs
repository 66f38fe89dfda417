// Test data for the listing benchmarks, each written with one SQL statement. The list and queue
// queries read ChangeRequest, Team, User and Decision only, so no Revision rows are needed.
import { withPg } from "./portal-harness.mjs";

const FIRST_NUMBER = 1_000_000;
const TIER_RANK_SQL = `CASE tier WHEN 'prod' THEN 0 WHEN 'staging' THEN 1 ELSE 2 END`;
/** Both bulk inserts fill the same columns, in this order, from their own SELECT. */
const INSERT_CHANGE_REQUESTS = `INSERT INTO "ChangeRequest"
  (id, number, key, title, "tableName", tier, status, "teamId", "requesterId", "currentRevision", version,
   regions, "monthlyCostUsd", flags, "searchText", "isDemo", "createdAt", "updatedAt", "submittedAt",
   "revisionAuthorId", "tierRank")`;

/**
 * Inserts `count` change requests owned by `requesterEmail`, spread over the demo teams and every
 * status, newest first by createdAt as the list orders them; returns how many rows the table then has.
 */
export async function bulkInsertChangeRequests(url, { count = 10_000, requesterEmail = "dana@example.com" } = {}) {
  return withPg(url, async (client) => {
    const requester = await client.query('SELECT id FROM "User" WHERE email = $1', [requesterEmail]);
    if (!requester.rows[0]) throw new Error(`no user ${requesterEmail}`);
    const teams = (await client.query('SELECT id FROM "Team" ORDER BY slug')).rows.map((r) => r.id);
    await client.query(
      `${INSERT_CHANGE_REQUESTS}
       SELECT id, number, key, title, "tableName", tier, status, "teamId", "requesterId", 1, 1,
              'us-east-1', 12.5, '', "searchText", false, at, at, CASE status WHEN 'DRAFT' THEN NULL ELSE at END,
              "requesterId", ${TIER_RANK_SQL}
       FROM (
         SELECT 'bulk' || n AS id, $1 + n AS number, 'TW-' || ($1 + n) AS key, 'bulk table ' || n AS title,
                'bulk-table-' || n AS "tableName", (ARRAY['dev','staging','prod'])[1 + n % 3] AS tier,
                (ARRAY['DRAFT','SUBMITTED','APPROVED','REJECTED','CHANGES_REQUESTED'])[1 + n % 5] AS status,
                ($2::text[])[1 + n % cardinality($2::text[])] AS "teamId", $3 AS "requesterId",
                'tw-' || ($1 + n) || ' bulk table ' || n AS "searchText", now() - make_interval(secs => n) AS at
         FROM generate_series(1, $4) AS n
       ) AS rows`,
      [FIRST_NUMBER, teams, requester.rows[0].id, count],
    );
    return finish(client, FIRST_NUMBER + count);
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

/**
 * Inserts `count` submitted change requests for the approval queue: two requesters, every tier,
 * costs from $0 to $3,000, waiting up to 30 days, common flags (multi-Region, warnings) and a rare
 * one (replacement), and an approval by `approverEmail` on every 50th. Numbers start at `firstNumber`.
 */
export async function bulkInsertSubmitted(
  url,
  { count, firstNumber, approverEmail = "pat@example.com", requesterEmails = ["dana@example.com", "omar@example.com"] },
) {
  return withPg(url, async (client) => {
    const requesters = (
      await client.query('SELECT id FROM "User" WHERE email = ANY($1) ORDER BY email', [requesterEmails])
    ).rows.map((r) => r.id);
    const approver = (await client.query('SELECT id FROM "User" WHERE email = $1', [approverEmail])).rows[0]?.id;
    if (requesters.length !== requesterEmails.length || !approver) throw new Error("the demo users are missing");
    const teams = (await client.query('SELECT id FROM "Team" ORDER BY slug')).rows.map((r) => r.id);
    await client.query(
      `${INSERT_CHANGE_REQUESTS}
       SELECT id, number, key, title, "tableName", tier, 'SUBMITTED', "teamId", "requesterId", 1, 1,
              'us-east-1', cost, flags, "searchText", false, at, at, at, "requesterId", ${TIER_RANK_SQL}
       FROM (
         SELECT 'queue' || n AS id, $1 + n AS number, 'TW-' || ($1 + n) AS key, 'queued table ' || n AS title,
                'queued-table-' || n AS "tableName", (ARRAY['dev','staging','prod'])[1 + n % 3] AS tier,
                ($2::text[])[1 + n % cardinality($2::text[])] AS "teamId",
                ($3::text[])[1 + n % cardinality($3::text[])] AS "requesterId",
                ((n * 37) % 3000)::float + 0.5 AS cost,
                CASE WHEN n % 100 = 0 THEN ',replacement,' WHEN n % 10 = 0 THEN ',multi-region,'
                     WHEN n % 7 = 0 THEN ',warnings,' ELSE '' END AS flags,
                'tw-' || ($1 + n) || ' queued table ' || n AS "searchText",
                now() - make_interval(secs => (n * 259) % (30 * 86400)) AS at
         FROM generate_series(1, $4) AS n
       ) AS rows`,
      [firstNumber, teams, requesters, count],
    );
    await client.query(
      `INSERT INTO "QueueFlag" ("changeRequestId", flag)
       SELECT 'queue' || n, CASE WHEN n % 100 = 0 THEN 'replacement' WHEN n % 10 = 0 THEN 'multi-region' ELSE 'warnings' END
       FROM generate_series(1, $1) AS n WHERE n % 10 = 0 OR n % 7 = 0`,
      [count],
    );
    await client.query(
      `INSERT INTO "Decision" (id, "changeRequestId", "revisionNumber", kind, reason, "deciderId", "createdAt")
       SELECT 'queue-approval' || n, 'queue' || n, 1, 'APPROVE', '', $2, now()
       FROM generate_series(50, $1, 50) AS n`,
      [count, approver],
    );
    await finish(client, firstNumber + count);
    return (await client.query(`SELECT count(*)::int AS n FROM "ChangeRequest" WHERE status = 'SUBMITTED'`)).rows[0].n;
  });
}

async function finish(client, lastNumber) {
  // Keep the key counter ahead of the inserted numbers so later creates never collide.
  await client.query(`UPDATE "Counter" SET value = GREATEST(value, $1) WHERE name = 'change-request-number'`, [
    lastNumber,
  ]);
  await client.query('ANALYZE "ChangeRequest"');
  await client.query('ANALYZE "Decision"');
  await client.query('ANALYZE "QueueFlag"');
  const total = await client.query('SELECT count(*)::int AS n FROM "ChangeRequest"');
  return total.rows[0].n;
}
