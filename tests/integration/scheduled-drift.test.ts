import { readFileSync } from "node:fs";
import { CreateTableCommand, DynamoDBClient, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { resolveAwsAccessConfig } from "../../lib/aws/config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "../../lib/aws/dynamodb-api";
import type { NotificationEnvelope } from "../../lib/domain/notifications";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import type { Tx } from "../../lib/server/audit";
import { createChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import {
  type DriftCheckRecord,
  type DriftJobDeps,
  type ManagedTableForDrift,
  type ManagedTableSource,
  planScheduledDriftChecks,
  runScheduledDriftCheck,
} from "../../lib/server/drift";
import { createInventoryDriftSource } from "../../lib/server/inventory";
import { driftJobDefinitions } from "../../lib/server/jobs/definitions";
import { startPgBossRunner } from "../../lib/server/jobs/pg-boss-runner";
import { setJobRunner } from "../../lib/server/jobs/runtime";
import type { JobRunner } from "../../lib/server/jobs/types";
import { makeActor } from "../support/actors";
import { fixture, startDynalite, type TestEndpoint } from "../support/dynamodb-servers";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// Scheduled drift checks through the job machinery, with a stand-in for the managed-table
// inventory (the ManagedTableSource hook), real tables on dynalite changed outside Terraform, the
// outbox on SQLite and PostgreSQL, and on PostgreSQL two pg-boss runners sharing one queue.

process.env.TABLEWRIGHT_AWS_CHECKS = "off";
const ON = { enabled: true, mode: "endpoint", message: "test endpoint" } as const;
const FAST = { schedule: { prod: 60, staging: 360, dev: 1440 }, regionReadsPerMinute: 6_000 };

const definition = (tableName: string, overrides: Record<string, unknown> = {}): TableRequest =>
  TableRequestSchema.parse({
    owner: { team: "orders", service: "order-api", requester: "li@example.com", costCenter: "CC-1" },
    tier: "prod",
    tableName,
    partitionKey: { name: "PK", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    deletionProtection: false,
    tags: {},
    regions: { primary: "us-east-1" },
    ...overrides,
  });

/** What the inventory will be: here a map, recording each check it is handed. */
function memorySource(tables: ManagedTableForDrift[]) {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const records: { id: string; record: DriftCheckRecord; inTransaction: boolean }[] = [];
  const source: ManagedTableSource = {
    async listManagedTables() {
      return [...byId.values()];
    },
    async getManagedTable(id) {
      return byId.get(id) ?? null;
    },
    async recordDriftCheck(tx: Tx, id, record) {
      // The same transaction as the outbox event: the event it wrote is visible through it.
      const inTransaction = record.eventId
        ? (await tx.notificationEvent.count({ where: { id: record.eventId } })) === 1
        : true;
      records.push({ id, record, inTransaction });
      const table = byId.get(id);
      if (!table) return;
      table.lastCheckedAt = new Date(record.result.checkedAt);
      if (record.outcome) table.lastOutcome = record.outcome;
    },
  };
  return { source, records, byId };
}

function recordingRunner(): JobRunner & { sent: { name: string; data: object; id?: string; startAfter?: Date }[] } {
  const sent: { name: string; data: object; id?: string; startAfter?: Date }[] = [];
  return {
    kind: "in-process",
    working: true,
    sent,
    async send(name, data, options = {}) {
      sent.push({
        name,
        data,
        ...(options.id ? { id: options.id } : {}),
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      });
    },
    async stop() {},
  };
}

let dynamo: TestEndpoint;
let sdk: ReturnType<typeof createSdkDynamoDbApi>;
let api: DynamoDbApi;
let admin: DynamoDBClient;

async function createLiveTable(tableName: string) {
  await admin.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: "PK", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }],
    }),
  );
}

beforeAll(async () => {
  dynamo = await startDynalite();
  sdk = createSdkDynamoDbApi({ config: { ...resolveAwsAccessConfig({}), endpoint: dynamo.endpoint } });
  // dynalite has no DescribeContinuousBackups: PITR comes from a recorded response.
  const backups = fixture("describe-continuous-backups-enabled.json").ContinuousBackupsDescription as Awaited<
    ReturnType<DynamoDbApi["describeContinuousBackups"]>
  >;
  api = { ...sdk, describeContinuousBackups: async () => backups };
  admin = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
});
afterAll(async () => {
  sdk?.destroy();
  admin?.destroy();
  await dynamo?.close();
});

describe.each(databaseKinds())("scheduled drift checks on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let runner: ReturnType<typeof recordingRunner>;
  let changeRequestId = "";
  const prefix = `sched-${kind}`;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    const dana = await makeActor(db, "DEVELOPER", [prefix]);
    const request = JSON.parse(readFileSync("examples/requests/valid/basic-dev.json", "utf8"));
    request.owner.team = prefix;
    request.tableName = `${prefix}-orders`;
    if (request.tags?.Team) request.tags.Team = prefix;
    const { key } = await createChangeRequest(dana, { request, submit: false }, db);
    changeRequestId = (await db.changeRequest.findUniqueOrThrow({ where: { key } })).id;
    runner = recordingRunner();
    setJobRunner(runner);
  });
  afterAll(async () => {
    setJobRunner(undefined);
    await t?.drop();
  });

  const managed = (id: string, tableName: string, lastCheckedAt: Date | null = null): ManagedTableForDrift => ({
    id,
    tier: "prod",
    definition: definition(tableName),
    changeRequestId,
    lastCheckedAt,
    lastOutcome: null,
  });

  it("does nothing, and says so, while no inventory is registered", async () => {
    expect(await planScheduledDriftChecks({ settings: FAST })).toBe(
      "no managed-table source registered: nothing to check",
    );
  });

  it("plans only the due tables, one paced check job each, with ids stable within the interval", async () => {
    const { source } = memorySource([
      managed("due-1", `${prefix}-a`),
      managed("due-2", `${prefix}-b`, new Date(Date.now() - 3 * 3_600_000)),
      managed("fresh", `${prefix}-c`, new Date(Date.now() - 10 * 60_000)),
    ]);
    runner.sent.length = 0;
    const summary = await planScheduledDriftChecks({ source, settings: FAST });
    expect(summary).toBe("3 managed tables, 2 due, 2 enqueued");
    expect(runner.sent.map((s) => [s.name, (s.data as { tableId: string }).tableId])).toEqual([
      ["drift.check", "due-1"],
      ["drift.check", "due-2"],
    ]);
    const firstIds = runner.sent.map((s) => s.id);
    await planScheduledDriftChecks({ source, settings: FAST });
    expect(runner.sent.slice(2).map((s) => s.id)).toEqual(firstIds);
  });

  it("flags a table changed outside Terraform once, with classes, and announces it back in line", async () => {
    const tableName = `${prefix}-billing`;
    await createLiveTable(tableName);
    const { source, records, byId } = memorySource([managed("billing", tableName)]);
    const deps: DriftJobDeps = { source, settings: FAST, checkOptions: { api, status: ON }, db };
    const eventsOf = () =>
      db.notificationEvent
        .findMany({ where: { changeRequestId }, orderBy: { createdAt: "asc" } })
        .then((rows) =>
          rows.filter(
            (e) => (JSON.parse(e.payloadJson) as NotificationEnvelope).data.details?.managedTableId === "billing",
          ),
        );

    // First check: as approved. Nothing to announce.
    expect(await runScheduledDriftCheck("billing", deps)).toEqual({
      tableId: "billing",
      status: "in_sync",
      notified: null,
    });
    // Checked moments ago: a second job for the same table (another slot) does not check again.
    expect((await runScheduledDriftCheck("billing", deps)).status).toBe("skipped");

    // Someone switches the billing mode in the console.
    await admin.send(
      new UpdateTableCommand({
        TableName: tableName,
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      }),
    );
    const later = (hours: number) => () => new Date(Date.now() + hours * 3_600_000);
    expect(await runScheduledDriftCheck("billing", { ...deps, now: later(1.1) })).toEqual({
      tableId: "billing",
      status: "drifted",
      notified: "table.drift_detected",
    });
    const [event] = await eventsOf();
    const envelope = JSON.parse(event?.payloadJson ?? "{}") as NotificationEnvelope;
    expect(envelope.type).toBe("table.drift_detected");
    expect(envelope.data.actor).toBeNull();
    expect(envelope.data.drift).toMatchObject({ region: "us-east-1", worst: "shape", urgent: false });
    expect(envelope.data.drift?.findings.some((f) => f.class === "shape" && f.path.startsWith("billing"))).toBe(true);
    expect(records.at(-1)).toMatchObject({ id: "billing", inTransaction: true, record: { eventId: event?.id } });
    // Dispatch was asked for right after the commit.
    expect(
      runner.sent.some(
        (s) => s.name === "notifications.dispatch" && (s.data as { eventId: string }).eventId === event?.id,
      ),
    ).toBe(true);

    // The next hour: the same drift is not news.
    expect(await runScheduledDriftCheck("billing", { ...deps, now: later(2.2) })).toMatchObject({
      status: "drifted",
      notified: null,
    });
    expect(await eventsOf()).toHaveLength(1);

    // The live table is adopted (the approved definition now says PROVISIONED 5/5): back in line.
    const table = byId.get("billing") as ManagedTableForDrift;
    table.definition = definition(tableName, {
      billing: { mode: "PROVISIONED", read: { units: 5 }, write: { units: 5 } },
    });
    expect(await runScheduledDriftCheck("billing", { ...deps, now: later(3.3) })).toMatchObject({
      status: "in_sync",
      notified: "table.verified",
    });
    expect((await eventsOf()).map((e) => e.type)).toEqual(["table.drift_detected", "table.verified"]);
  });

  it("records a check that could not reach AWS without touching the last outcome or notifying", async () => {
    const dark = {
      ...managed("dark", `${prefix}-dark`),
      lastOutcome: { status: "drifted", fingerprint: "shape:billing.mode" } as const,
    };
    const { source, records, byId } = memorySource([dark]);
    const result = await runScheduledDriftCheck("dark", { source, settings: FAST, db });
    expect(result).toEqual({ tableId: "dark", status: "unavailable", notified: null });
    expect(records.at(-1)?.record).toMatchObject({ outcome: null, eventId: null, result: { status: "unavailable" } });
    expect(byId.get("dark")?.lastOutcome).toEqual({ status: "drifted", fingerprint: "shape:billing.mode" });
    expect(byId.get("dark")?.lastCheckedAt).not.toBeNull();
  });

  it("keeps each check on the inventory's table: live status, last check, last outcome", async () => {
    const tableName = `${prefix}-inventory`;
    await createLiveTable(tableName);
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { id: changeRequestId } });
    const teamId = cr.teamId;
    const row = (name: string, liveStatus: string) =>
      db.managedTable.create({
        data: {
          teamId,
          name,
          primaryRegion: "us-east-1",
          regions: ",us-east-1,",
          tier: "prod",
          liveStatus,
          monthlyCostUsd: 1,
          drPattern: "single-region",
          definitionJson: JSON.stringify(definition(name)),
          definedByRequestKey: cr.key,
          definedByRevision: 1,
        },
      });
    const live = await row(tableName, "UNKNOWN");
    const pending = await row(`${prefix}-not-applied`, "AWAITING_APPLY");
    const never = await row(`${prefix}-never-read`, "UNKNOWN");
    const source = createInventoryDriftSource(async () => db);
    // A table approved but not applied yet is not watched (it would only read as missing).
    const listed = (await source.listManagedTables()).map((t) => t.id);
    expect(listed).toEqual(expect.arrayContaining([live.id, never.id]));
    expect(listed).not.toContain(pending.id);
    expect(await source.getManagedTable(pending.id)).toBeNull();

    const deps: DriftJobDeps = { source, settings: FAST, checkOptions: { api, status: ON }, db };
    expect((await runScheduledDriftCheck(live.id, deps)).status).toBe("in_sync");
    let stored = await db.managedTable.findUniqueOrThrow({ where: { id: live.id } });
    expect(stored.liveStatus).toBe("VERIFIED");
    expect(stored.lastCheckedAt).not.toBeNull();
    expect(JSON.parse(stored.lastDriftOutcome ?? "null")).toMatchObject({ status: "in_sync", worst: null });

    await admin.send(
      new UpdateTableCommand({
        TableName: tableName,
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      }),
    );
    const later = (hours: number) => () => new Date(Date.now() + hours * 3_600_000);
    expect(await runScheduledDriftCheck(live.id, { ...deps, now: later(1.1) })).toMatchObject({
      status: "drifted",
      notified: "table.drift_detected",
    });
    stored = await db.managedTable.findUniqueOrThrow({ where: { id: live.id } });
    expect(stored.liveStatus).toBe("DRIFTED");
    // The class is kept with the outcome, for the table page: a billing switch reshapes the table.
    expect(JSON.parse(stored.lastDriftOutcome ?? "null")).toMatchObject({ status: "drifted", worst: "shape" });
    const driftedAt = stored.lastCheckedAt;

    // AWS unreachable: the table stays DRIFTED (what the last real check found), the check time moves on.
    const dark: DriftJobDeps = { source, settings: FAST, db, now: later(2.2) };
    expect((await runScheduledDriftCheck(live.id, dark)).status).toBe("unavailable");
    stored = await db.managedTable.findUniqueOrThrow({ where: { id: live.id } });
    expect(stored.liveStatus).toBe("DRIFTED");
    expect(JSON.parse(stored.lastDriftOutcome ?? "null")).toMatchObject({ status: "drifted" });
    expect(stored.lastCheckedAt?.getTime()).toBeGreaterThan(driftedAt?.getTime() ?? 0);
    // A table never verified reads UNKNOWN when the check cannot run.
    expect((await runScheduledDriftCheck(never.id, { source, settings: FAST, db })).status).toBe("unavailable");
    stored = await db.managedTable.findUniqueOrThrow({ where: { id: never.id } });
    expect(stored.liveStatus).toBe("UNKNOWN");
    expect(stored.lastDriftOutcome).toBeNull();
  });
});

describe.runIf(inject("postgresUrl"))("scheduled drift checks with two pg-boss instances on one PostgreSQL", () => {
  let t: TestDatabase;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
  });
  afterAll(async () => {
    setJobRunner(undefined);
    for (const r of runners) await r.stop(2_000);
    await t?.drop();
  });

  it("checks each due table exactly once when both instances plan the same tick", async () => {
    const names = Array.from({ length: 6 }, (_, i) => `pgboss-drift-${i}`);
    for (const name of names) await createLiveTable(name);
    const { source, records } = memorySource(
      names.map((name, i) => ({
        id: `t${i}`,
        tier: "prod",
        definition: definition(name),
        changeRequestId: "unused-no-news",
        lastCheckedAt: null,
        lastOutcome: null,
      })),
    );
    const deps: DriftJobDeps = { source, settings: FAST, checkOptions: { api, status: ON }, db: t.db };
    // The cron is left out: the test plays both instances' planners for one tick itself.
    const definitions = driftJobDefinitions(deps).map(({ schedule: _schedule, ...def }) => def);
    for (let i = 0; i < 2; i++)
      runners.push(await startPgBossRunner(definitions, { connectionString: t.url, working: true, poolSize: 2 }));

    // Instance A plans, then instance B plans the same tick (its cron fired too, or A's run was retried).
    for (const r of runners) {
      setJobRunner(r);
      expect(await planScheduledDriftChecks(deps)).toBe("6 managed tables, 6 due, 6 enqueued");
    }
    const deadline = Date.now() + 60_000;
    while (records.length < names.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // Give a duplicate, if there were one, time to run.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(records.map((r) => r.id).sort()).toEqual(names.map((_, i) => `t${i}`));
    expect(records.every((r) => r.record.result.status === "in_sync")).toBe(true);
    // The queue itself held one job per table (not one per planner, saved by the freshness check).
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const jobs = await client.query<{ state: string; n: string }>(
      "SELECT state, count(*) AS n FROM pgboss.job WHERE name = 'drift.check' GROUP BY state",
    );
    await client.end();
    expect(jobs.rows.map((r) => [r.state, Number(r.n)])).toEqual([["completed", names.length]]);
  }, 120_000);
});
