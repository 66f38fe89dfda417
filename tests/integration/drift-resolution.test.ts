import { readFileSync } from "node:fs";
import { CreateTableCommand, DynamoDBClient, TagResourceCommand, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAwsAccessConfig } from "../../lib/aws/config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "../../lib/aws/dynamodb-api";
import { AppError } from "../../lib/domain/app-error";
import type { NotificationEnvelope } from "../../lib/domain/notifications";
import type { OperationPlan } from "../../lib/domain/plan";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import type { Actor } from "../../lib/server/actor";
import { addRevision, createChangeRequest, getChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { type DriftJobDeps, runScheduledDriftCheck } from "../../lib/server/drift";
import { createInventoryDriftSource, loadDriftResolution } from "../../lib/server/inventory";
import { setJobRunner } from "../../lib/server/jobs/runtime";
import type { JobRunner } from "../../lib/server/jobs/types";
import { makeActor } from "../support/actors";
import { fixture, startDynalite, type TestEndpoint } from "../support/dynamodb-servers";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// "Adopt live" and "Revert" on a managed table that a scheduled check found drifted: a real table
// on dynalite changed outside Terraform (billing switched to provisioned), the check recorded on
// the inventory, then the request each action pre-fills and the operation plan it shows.

process.env.TABLEWRIGHT_AWS_CHECKS = "off";
const ON = { enabled: true, mode: "endpoint", message: "test endpoint" } as const;
const FAST = { schedule: { prod: 60, staging: 360, dev: 1440 }, regionReadsPerMinute: 6_000 };

let dynamo: TestEndpoint;
let sdk: ReturnType<typeof createSdkDynamoDbApi>;
let api: DynamoDbApi;
let admin: DynamoDBClient;

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

const silentRunner: JobRunner = { kind: "in-process", working: true, async send() {}, async stop() {} };

describe.each(databaseKinds())("adopting or reverting a drift on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let outsider: Actor;
  let tableId = "";
  const team = `adopt-${kind}`;
  const tableName = `${team}-orders`;

  /** The approved definition: on-demand, PITR 35 days, with a workload AWS cannot describe. */
  const approved: TableRequest = TableRequestSchema.parse({
    owner: { team, service: "order-api", requester: "li@example.com", costCenter: "CC-1" },
    tier: "prod",
    tableName,
    partitionKey: { name: "PK", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    deletionProtection: false,
    tags: {},
    regions: { primary: "us-east-1" },
    workload: { readsPerSecond: 20, writesPerSecond: 2, itemSizeBytes: 800 },
  });

  beforeAll(async () => {
    setJobRunner(silentRunner);
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", [team]);
    outsider = await makeActor(db, "DEVELOPER", [`${team}-other`]);
    const request = JSON.parse(readFileSync("examples/requests/valid/basic-dev.json", "utf8"));
    request.owner.team = team;
    request.tableName = tableName;
    if (request.tags?.Team) request.tags.Team = team;
    const { key } = await createChangeRequest(dev, { request, submit: false }, db);
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { key } });
    const row = await db.managedTable.create({
      data: {
        teamId: cr.teamId,
        name: tableName,
        primaryRegion: "us-east-1",
        regions: ",us-east-1,",
        tier: "prod",
        liveStatus: "UNKNOWN",
        monthlyCostUsd: 1,
        drPattern: "single-region",
        definitionJson: JSON.stringify(approved),
        definedByRequestKey: cr.key,
        definedByRevision: 1,
      },
    });
    tableId = row.id;
    await db.changeRequest.update({ where: { id: cr.id }, data: { tableId } });
    await admin.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "PK", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }],
      }),
    );
  });
  afterAll(async () => {
    setJobRunner(undefined);
    await t?.drop();
  });

  async function appError(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("offers nothing while the last check found no drift", async () => {
    const source = createInventoryDriftSource(async () => db);
    const deps: DriftJobDeps = { source, settings: FAST, checkOptions: { api, status: ON }, db };
    expect((await runScheduledDriftCheck(tableId, deps)).status).toBe("in_sync");
    expect((await appError(loadDriftResolution(dev, tableId, "adopt", { db, api, status: ON }))).code).toBe("CONFLICT");
  });

  it("a drift found on schedule is recorded on the table and its notification links to the table page", async () => {
    await admin.send(
      new UpdateTableCommand({
        TableName: tableName,
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      }),
    );
    const source = createInventoryDriftSource(async () => db);
    const later = () => new Date(Date.now() + 1.1 * 3_600_000);
    const deps: DriftJobDeps = { source, settings: FAST, checkOptions: { api, status: ON }, db, now: later };
    expect(await runScheduledDriftCheck(tableId, deps)).toMatchObject({
      status: "drifted",
      notified: "table.drift_detected",
    });
    const stored = await db.managedTable.findUniqueOrThrow({ where: { id: tableId } });
    expect(stored.liveStatus).toBe("DRIFTED");
    const event = await db.notificationEvent.findFirstOrThrow({ where: { type: "table.drift_detected" } });
    const envelope = JSON.parse(event.payloadJson) as NotificationEnvelope;
    expect(envelope.data.table).toMatchObject({ id: tableId, name: tableName, path: `/tables/${tableId}` });
  });

  it("adopt pre-fills from the live table and plans from the approved definition to it", async () => {
    const adopt = await loadDriftResolution(dev, tableId, "adopt", { db, api, status: ON });
    if (!adopt.ok) throw new Error(adopt.message);
    // What AWS has now (read through the import path)...
    expect(adopt.request.billing).toEqual({ mode: "PROVISIONED", read: { units: 5 }, write: { units: 5 } });
    expect(adopt.request.pointInTimeRecovery).toEqual({ enabled: true, recoveryPeriodInDays: 35 });
    // ...with what AWS cannot describe kept from the approved definition.
    expect(adopt.request.owner).toEqual(approved.owner);
    expect(adopt.request.workload).toEqual(approved.workload);
    expect(adopt.planFrom.live).toEqual(approved);
    expect(adopt.planFrom.against).toContain("as approved in");
    expect(adopt.plan.kind).toBe("change");
    const changes = adopt.plan.steps.flatMap((s) => s.changes);
    expect(changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(changes)).toContain("PROVISIONED");
  });

  it("revert pre-fills the approved definition and plans from the live (drifted) table back to it", async () => {
    const revert = await loadDriftResolution(dev, tableId, "revert", { db, api, status: ON });
    if (!revert.ok) throw new Error(revert.message);
    expect(revert.request).toEqual(approved);
    expect(revert.planFrom.live.billing).toEqual({ mode: "PROVISIONED", read: { units: 5 }, write: { units: 5 } });
    expect(revert.planFrom.against).toContain("as AWS describes it now");
    expect(revert.plan.kind).toBe("change");
    const changes = revert.plan.steps.flatMap((s) => s.changes);
    expect(changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(changes)).toContain("PAY_PER_REQUEST");
  });

  it("each pre-filled request saves as a change tied to the table", async () => {
    for (const kind of ["adopt", "revert"] as const) {
      const resolution = await loadDriftResolution(dev, tableId, kind, { db, api, status: ON });
      if (!resolution.ok) throw new Error(resolution.message);
      const saved = await createChangeRequest(
        dev,
        { request: resolution.request, tableId, title: `${kind} drift`, submit: false },
        db,
      );
      const row = await db.changeRequest.findUniqueOrThrow({ where: { key: saved.key } });
      expect(row.tableId).toBe(tableId);
    }
  });

  it("a revert cannot be saved while AWS cannot be read: a field-level conflict, nothing stored", async () => {
    const dark: DynamoDbApi = {
      ...api,
      describeTable: async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { name: "TimeoutError" });
      },
    };
    const before = await db.changeRequest.count();
    const error = await appError(
      createChangeRequest(
        dev,
        { request: approved, tableId, driftResolution: "revert", submit: false },
        db,
        undefined,
        { liveRead: { api: dark, status: ON } },
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.issues[0]).toMatchObject({ path: "driftResolution", code: "LIVE_TABLE_UNREADABLE" });
    expect(await db.changeRequest.count()).toBe(before);
  });

  it("a drift resolution needs the table it resolves", async () => {
    const error = await appError(
      createChangeRequest(dev, { request: approved, driftResolution: "revert", submit: false }, db),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues[0]).toMatchObject({ path: "tableId" });
  });

  it("says AWS is unreachable instead of failing, and hides the table from other teams", async () => {
    const dark: DynamoDbApi = {
      ...api,
      describeTable: async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { name: "TimeoutError" });
      },
    };
    const result = await loadDriftResolution(dev, tableId, "adopt", { db, api: dark, status: ON });
    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    if (!result.ok) expect(result.message).toMatch(/AWS could not be reached to read .*DescribeTable/);
    expect((await appError(loadDriftResolution(outsider, tableId, "revert", { db, api, status: ON }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe.each(databaseKinds())("the plan a saved drift resolution stores, on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let tableId = "";
  let checkApi: DynamoDbApi;
  const team = `saved-${kind}`;
  const tableName = `${team}-carts`;

  /** A valid dev-tier definition (so a saved draft is complete and has a plan), PITR on. */
  const approved: TableRequest = TableRequestSchema.parse({
    ...JSON.parse(readFileSync("examples/requests/valid/basic-dev.json", "utf8")),
    owner: { team, service: "cart-service", requester: "ana.silva@example.com", costCenter: "CC-1042" },
    tableName,
    ttl: undefined,
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    tags: { Team: team, CostCenter: "CC-1042", Environment: "dev" },
  });

  beforeAll(async () => {
    setJobRunner(silentRunner);
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", [team]);
    const { key } = await createChangeRequest(dev, { request: approved, submit: false }, db);
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { key } });
    tableId = (
      await db.managedTable.create({
        data: {
          teamId: cr.teamId,
          name: tableName,
          primaryRegion: "us-east-1",
          regions: ",us-east-1,",
          tier: "dev",
          liveStatus: "VERIFIED",
          monthlyCostUsd: 1,
          drPattern: "single-region",
          definitionJson: JSON.stringify(approved),
          definedByRequestKey: cr.key,
          definedByRevision: 1,
        },
      })
    ).id;
    await db.changeRequest.update({ where: { id: cr.id }, data: { tableId } });
    // Changed outside Terraform: billing switched to provisioned, and PITR turned off (a recorded
    // DescribeContinuousBackups answer: dynalite has no such call).
    const created = await admin.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        AttributeDefinitions: [{ AttributeName: "cartId", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "cartId", KeyType: "HASH" }],
      }),
    );
    await admin.send(
      new TagResourceCommand({
        ResourceArn: created.TableDescription?.TableArn,
        Tags: Object.entries(approved.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    const pitrOff = fixture("describe-continuous-backups-disabled.json").ContinuousBackupsDescription as Awaited<
      ReturnType<DynamoDbApi["describeContinuousBackups"]>
    >;
    checkApi = { ...sdk, describeContinuousBackups: async () => pitrOff };
    const source = createInventoryDriftSource(async () => db);
    const deps: DriftJobDeps = { source, settings: FAST, checkOptions: { api: checkApi, status: ON }, db };
    expect((await runScheduledDriftCheck(tableId, deps)).status).toBe("drifted");
  });
  afterAll(async () => {
    setJobRunner(undefined);
    await t?.drop();
  });

  /** The stored plan of a revision of a saved request, and every change its steps make. */
  async function storedPlan(key: string, number = 1) {
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { key } });
    const revision = await db.revision.findUniqueOrThrow({
      where: { changeRequestId_number: { changeRequestId: cr.id, number } },
    });
    expect(revision.planJson, "a complete revision has a plan").not.toBeNull();
    const plan = JSON.parse(revision.planJson ?? "null") as OperationPlan;
    return { plan, changes: JSON.stringify(plan.steps.flatMap((s) => s.changes)), baseline: revision.planBaseline };
  }

  it("a saved revert keeps the plan from the live table, so approvers see what re-applying does", async () => {
    const revert = await loadDriftResolution(dev, tableId, "revert", { db, api: checkApi, status: ON });
    if (!revert.ok) throw new Error(revert.message);
    const saved = await createChangeRequest(
      dev,
      { request: revert.request, tableId, driftResolution: "revert", submit: false },
      db,
      undefined,
      { liveRead: { api: checkApi, status: ON } },
    );
    const { plan, changes, baseline } = await storedPlan(saved.key);
    // Not "no difference" (approved to approved): PITR back on, the provisioned table back to on-demand.
    expect(plan.kind).toBe("change");
    expect(changes).toContain("PAY_PER_REQUEST");
    expect(changes).toMatch(/pointInTimeRecovery/);
    expect(plan.steps).toEqual(revert.plan.steps);
    // The Terraform baseline is still the approved revision: approving checks nothing redefined it.
    const table = await db.managedTable.findUniqueOrThrow({ where: { id: tableId } });
    expect(baseline).toBe(`${table.definedByRequestKey}@${table.definedByRevision}`);

    // The request remembers it is a revert: its next revision is planned from the live table too.
    expect((await getChangeRequest(dev, saved.key, db)).driftResolution).toBe("revert");
    await addRevision(dev, saved.key, { request: revert.request }, db, { liveRead: { api: checkApi, status: ON } });
    const second = await storedPlan(saved.key, 2);
    expect(second.plan.kind).toBe("change");
    expect(second.changes).toContain("PAY_PER_REQUEST");
    expect(second.plan.steps).toEqual(revert.plan.steps);
  });

  it("a saved adopt plans from the approved definition to the live one, not empty while drifted", async () => {
    const adopt = await loadDriftResolution(dev, tableId, "adopt", { db, api: checkApi, status: ON });
    if (!adopt.ok) throw new Error(adopt.message);
    const saved = await createChangeRequest(
      dev,
      { request: adopt.request, tableId, driftResolution: "adopt", submit: false },
      db,
    );
    const { plan, changes } = await storedPlan(saved.key);
    expect(plan.kind).toBe("change");
    expect(changes).toContain("PROVISIONED");
    expect(changes).toMatch(/pointInTimeRecovery/);
    expect(plan.steps).toEqual(adopt.plan.steps);
  });
});
