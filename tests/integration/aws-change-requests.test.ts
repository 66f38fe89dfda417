import { CreateTableCommand, DynamoDBClient, TagResourceCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAwsAccessConfig } from "../../lib/aws/config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "../../lib/aws/dynamodb-api";
import { readImpliedTableRequest } from "../../lib/aws/read-implied-table-request";
import { readLiveTable } from "../../lib/aws/read-live-table";
import { AppError } from "../../lib/domain/app-error";
import { compareLiveTable } from "../../lib/domain/import";
import { TableRequestSchema } from "../../lib/domain/request/schema";
import { renderModule } from "../../lib/domain/terraform/render-module";
import type { Actor } from "../../lib/server/actor";
import { importExistingTable } from "../../lib/server/aws/import-existing-table";
import { verifyChangeRequest } from "../../lib/server/aws/verify-change-request";
import {
  addRevision,
  getChangeRequest,
  getChangeSafety,
  listChangeRequestAudit,
  transitionChangeRequest,
} from "../../lib/server/change-requests";
import { makeActor } from "../support/actors";
import { closedPortEndpoint, fixture, startDynalite, type TestEndpoint } from "../support/dynamodb-servers";
import { createTestDatabase, type TestDatabase } from "../support/test-databases";

// Import and verification of stored change requests, against dynalite through the real SDK.
// dynalite lacks DescribeContinuousBackups (UnknownOperationException), so that one call is a
// recorded real-format response (tests/fixtures/aws) swapped in through the DynamoDbApi seam.

const ON = { enabled: true, mode: "endpoint", message: "test endpoint" } as const;

function withRecordedBackups(api: DynamoDbApi, name: string): DynamoDbApi {
  const recorded = fixture(name).ContinuousBackupsDescription as Awaited<
    ReturnType<DynamoDbApi["describeContinuousBackups"]>
  >;
  return { ...api, describeContinuousBackups: async () => recorded };
}

describe("import and verification of change requests (sqlite)", () => {
  let server: TestEndpoint;
  let sdk: ReturnType<typeof createSdkDynamoDbApi>;
  let admin: DynamoDBClient;
  let t: TestDatabase;
  let dev: Actor;
  let ann: Actor;

  beforeAll(async () => {
    server = await startDynalite();
    sdk = createSdkDynamoDbApi({ config: { ...resolveAwsAccessConfig({}), endpoint: server.endpoint } });
    admin = new DynamoDBClient({
      endpoint: server.endpoint,
      region: "eu-central-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    // A hand-made table with two GSIs (one INCLUDE, one KEYS_ONLY) and tags.
    const created = await admin.send(
      new CreateTableCommand({
        TableName: "legacy-sessions",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: "sessionId", AttributeType: "S" },
          { AttributeName: "userId", AttributeType: "S" },
          { AttributeName: "startedAt", AttributeType: "N" },
          { AttributeName: "device", AttributeType: "S" },
        ],
        KeySchema: [{ AttributeName: "sessionId", KeyType: "HASH" }],
        GlobalSecondaryIndexes: [
          {
            IndexName: "by-user",
            KeySchema: [
              { AttributeName: "userId", KeyType: "HASH" },
              { AttributeName: "startedAt", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["device", "ip"] },
          },
          {
            IndexName: "by-device",
            KeySchema: [{ AttributeName: "device", KeyType: "HASH" }],
            Projection: { ProjectionType: "KEYS_ONLY" },
          },
        ],
      }),
    );
    await admin.send(
      new TagResourceCommand({
        ResourceArn: created.TableDescription?.TableArn,
        Tags: [
          { Key: "Team", Value: "identity" },
          { Key: "CostCenter", Value: "CC-7" },
          { Key: "Environment", Value: "dev" },
        ],
      }),
    );
    t = await createTestDatabase("sqlite");
    dev = await makeActor(t.db, "DEVELOPER", ["identity"]);
    ann = await makeActor(t.db, "PLATFORM_APPROVER", ["platform"]);
  });
  afterAll(async () => {
    sdk?.destroy();
    admin?.destroy();
    await server?.close();
    await t?.drop();
  });

  const api = () => withRecordedBackups(sdk, "describe-continuous-backups-disabled.json");
  /** Each later test adopts legacy-sessions afresh: forget the managed table an earlier one added. */
  const forgetManagedTables = async () => {
    await t.db.changeRequest.updateMany({ data: { tableId: null } });
    await t.db.managedTable.deleteMany();
  };
  const input = { region: "eu-central-1", tableName: "legacy-sessions", team: "identity", tier: "dev" as const };

  it("imports a table with GSIs: the implied request renders the same table (round trip)", async () => {
    const implied = await readImpliedTableRequest(input, { api: api(), status: ON });
    if (!implied.ok) throw new Error(implied.message);
    expect(implied.validation.valid).toBe(true);
    expect(implied.request.globalSecondaryIndexes).toEqual([
      {
        name: "by-user",
        partitionKey: { name: "userId", type: "S" },
        sortKey: { name: "startedAt", type: "N" },
        projection: { type: "INCLUDE", nonKeyAttributes: ["device", "ip"] },
      },
      { name: "by-device", partitionKey: { name: "device", type: "S" }, projection: { type: "KEYS_ONLY" } },
    ]);
    const request = TableRequestSchema.parse(implied.request);
    // request -> module model -> shape equals the live table read again through the SDK.
    const again = await readLiveTable(api(), "eu-central-1", "legacy-sessions");
    if (again.status !== "found") throw new Error(again.status);
    expect(compareLiveTable(request, again.facts)).toEqual([]);
    const main = renderModule(request)["main.tf"];
    expect(main).toMatch(/name\s+= "by-user"/);
    expect(main).toMatch(/projection_type\s+= "KEYS_ONLY"/);
  });

  it("creates a change request whose stored module carries the import block", async () => {
    const created = await importExistingTable(dev, { ...input, submit: true }, { api: api(), status: ON, db: t.db });
    expect(created.status).toBe("SUBMITTED");
    const detail = await getChangeRequest(dev, created.key, t.db);
    expect(detail.current.files["imports.tf"]).toContain('to = aws_dynamodb_table.this\n  id = "legacy-sessions"');
    expect(detail.title).toBe("Import legacy-sessions (eu-central-1)");

    // A later revision still adopts the table instead of creating it.
    const edited = { ...detail.current.request, tags: { ...detail.current.request.tags, Owner: "sessions-team" } };
    const revised = await addRevision(dev, created.key, { request: edited }, t.db);
    expect(revised.currentRevision).toBe(2);
    const after = await getChangeRequest(dev, created.key, t.db);
    expect(after.current.files["imports.tf"]).toContain('id = "legacy-sessions"');
    // The table exists before any approval: change safety is measured against it as imported.
    const safety = await getChangeSafety(dev, created.key, t.db);
    expect(safety).toEqual({ baseline: { kind: "imported", revision: 1 }, revision: 2, flags: [] });

    // The import added the table to the inventory, as read (live status verified, size from DescribeTable).
    const table = await t.db.managedTable.findUniqueOrThrow({ where: { id: after.table?.id ?? "" } });
    expect(table).toMatchObject({
      name: "legacy-sessions",
      primaryRegion: "eu-central-1",
      liveStatus: "VERIFIED",
      definedByRequestKey: created.key,
      definedByRevision: 1,
    });
    expect(table.itemCount).toBe(0);
    // Adopting it a second time is refused: it is managed already, change it instead.
    const again = await importExistingTable(dev, input, { api: api(), status: ON, db: t.db }).catch((e: unknown) => e);
    expect((again as AppError).issues).toMatchObject([{ path: "tableName", code: "TABLE_ALREADY_MANAGED" }]);
  });

  it("refuses to import a table that does not exist (NOT_FOUND), and stores nothing", async () => {
    const before = await t.db.changeRequest.count();
    const error = await importExistingTable(
      dev,
      { ...input, tableName: "no-such-table" },
      { api: api(), status: ON, db: t.db },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
    expect(await t.db.changeRequest.count()).toBe(before);
  });

  it("verifies an approved import as VERIFIED, then records DRIFTED with the differences when PITR is off", async () => {
    await forgetManagedTables();
    const created = await importExistingTable(dev, { ...input, submit: true }, { api: api(), status: ON, db: t.db });
    await transitionChangeRequest(ann, created.key, "APPROVE", { revisionNumber: 1 }, t.db);

    const ok = await verifyChangeRequest(dev, created.key, { api: api(), status: ON, db: t.db });
    expect(ok).toMatchObject({ verified: true, recorded: true, status: "VERIFIED", differences: [] });

    // Someone turned PITR on by hand, outside the module.
    const drifted = await verifyChangeRequest(dev, created.key, {
      api: withRecordedBackups(sdk, "describe-continuous-backups-enabled.json"),
      status: ON,
      db: t.db,
    });
    expect(drifted).toMatchObject({ verified: false, recorded: true, status: "DRIFTED" });
    expect(drifted.differences).toEqual([{ path: "pointInTimeRecovery.enabled", expected: false, actual: true }]);
    const audit = await listChangeRequestAudit(dev, created.key, t.db);
    const checks = audit.filter((e) => e.action === "RECORD_VERIFICATION");
    expect(checks.map((e) => e.toStatus)).toEqual(["VERIFIED", "DRIFTED"]);
    expect(checks[1]?.details.differences).toEqual(drifted.differences);
    // Each recorded check is announced, the drift classified (PITR turned on by hand: a decision).
    const cr = await t.db.changeRequest.findUniqueOrThrow({ where: { key: created.key } });
    const events = await t.db.notificationEvent.findMany({
      where: { changeRequestId: cr.id, type: { startsWith: "table." } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["table.verified", "table.drift_detected"]);
    expect(JSON.parse(events[1]?.payloadJson ?? "{}").data.drift).toMatchObject({
      worst: "shape",
      urgent: false,
      findings: [{ path: "pointInTimeRecovery.enabled", class: "shape" }],
    });
    // The managed table follows the live checks of the request that defines it.
    const table = await t.db.managedTable.findFirstOrThrow({ where: { definedByRequestKey: created.key } });
    expect(table.liveStatus).toBe("DRIFTED");
  });

  it("records nothing when DynamoDB cannot be reached, and says why", async () => {
    await forgetManagedTables();
    const created = await importExistingTable(dev, { ...input, submit: true }, { api: api(), status: ON, db: t.db });
    await transitionChangeRequest(ann, created.key, "APPROVE", { revisionNumber: 1 }, t.db);
    const dead = createSdkDynamoDbApi({
      config: { ...resolveAwsAccessConfig({}), endpoint: await closedPortEndpoint() },
    });
    try {
      const result = await verifyChangeRequest(dev, created.key, { api: dead, status: ON, db: t.db });
      expect(result).toMatchObject({ recorded: false, status: "APPROVED", verified: false });
      expect(result.unavailable?.reason).toMatch(/ECONNREFUSED/);
      expect((await getChangeRequest(dev, created.key, t.db)).status).toBe("APPROVED");
    } finally {
      dead.destroy();
    }
  });

  it("refuses to verify a request that was never approved", async () => {
    await forgetManagedTables();
    const created = await importExistingTable(dev, { ...input }, { api: api(), status: ON, db: t.db });
    const error = await verifyChangeRequest(dev, created.key, { api: api(), status: ON, db: t.db }).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe("TRANSITION_NOT_ALLOWED");
  });
});
