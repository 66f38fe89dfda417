import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  TagResourceCommand,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTableNameCollisions } from "../../lib/aws/check-table-name-collisions";
import { getLiveCheckStatus, resetLiveCheckStatus, resolveAwsAccessConfig } from "../../lib/aws/config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "../../lib/aws/dynamodb-api";
import { verifyTableRequest } from "../../lib/aws/verify-table-request";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import {
  closedPortEndpoint,
  fixture,
  startBlackHole,
  startDynalite,
  startRecordedDynamoDb,
  type TestEndpoint,
} from "../support/dynamodb-servers";

// A real DynamoDB API server (dynalite) on loopback, reached through the real SDK. dynalite does
// not implement DescribeContinuousBackups, TTL updates, streams, table class, deletion protection
// or replicas (it accepts and drops them), so those branches use recorded real-format responses
// from tests/fixtures/aws, served over HTTP to the same SDK client.

const ON = { enabled: true, mode: "endpoint", message: "test endpoint" } as const;

function apiFor(endpoint: string, timeoutMs = 2_500) {
  return createSdkDynamoDbApi({ config: { ...resolveAwsAccessConfig({}), endpoint, timeoutMs } });
}

/** DescribeContinuousBackups from a recording: dynalite answers it with UnknownOperationException. */
function withRecordedBackups(api: DynamoDbApi, name: string): DynamoDbApi {
  const recorded = fixture(name).ContinuousBackupsDescription as Awaited<
    ReturnType<DynamoDbApi["describeContinuousBackups"]>
  >;
  return { ...api, describeContinuousBackups: async () => recorded };
}

const ordersRequest = (overrides: Record<string, unknown> = {}): TableRequest =>
  TableRequestSchema.parse({
    owner: { team: "orders", service: "order-api", requester: "li@example.com", costCenter: "CC-1" },
    tier: "dev",
    tableName: "orders-live",
    partitionKey: { name: "PK", type: "S" },
    sortKey: { name: "SK", type: "S" },
    globalSecondaryIndexes: [
      {
        name: "by-customer",
        partitionKey: { name: "customerId", type: "S" },
        sortKey: { name: "createdAt", type: "N" },
        projection: { type: "INCLUDE", nonKeyAttributes: ["status", "total"] },
      },
      { name: "by-status", partitionKey: { name: "status", type: "S" }, projection: { type: "KEYS_ONLY" } },
    ],
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    tags: { Team: "orders" },
    regions: { primary: "us-east-1" },
    ...overrides,
  });

/** CreateTable input for what a request asks, the way the applied module would create it. */
function createInput(request: TableRequest, dropIndex?: string): CreateTableCommandInput {
  const gsis = request.globalSecondaryIndexes.filter((g) => g.name !== dropIndex);
  const attrs = new Map<string, string>([[request.partitionKey.name, request.partitionKey.type]]);
  if (request.sortKey) attrs.set(request.sortKey.name, request.sortKey.type);
  for (const g of gsis) {
    attrs.set(g.partitionKey.name, g.partitionKey.type);
    if (g.sortKey) attrs.set(g.sortKey.name, g.sortKey.type);
  }
  return {
    TableName: request.tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...attrs].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType: AttributeType as "S",
    })),
    KeySchema: [
      { AttributeName: request.partitionKey.name, KeyType: "HASH" },
      ...(request.sortKey ? [{ AttributeName: request.sortKey.name, KeyType: "RANGE" as const }] : []),
    ],
    GlobalSecondaryIndexes: gsis.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey.name, KeyType: "HASH" },
        ...(g.sortKey ? [{ AttributeName: g.sortKey.name, KeyType: "RANGE" as const }] : []),
      ],
      Projection: { ProjectionType: g.projection.type, NonKeyAttributes: g.projection.nonKeyAttributes },
    })),
  };
}

describe("live checks against dynalite through the AWS SDK", () => {
  let server: TestEndpoint;
  let api: ReturnType<typeof apiFor>;
  let admin: DynamoDBClient;

  async function createTable(request: TableRequest, dropIndex?: string) {
    const out = await admin.send(new CreateTableCommand(createInput(request, dropIndex)));
    // dynalite drops CreateTable's Tags; TagResource keeps them.
    const tags = Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value }));
    if (tags.length > 0) {
      await admin.send(new TagResourceCommand({ ResourceArn: out.TableDescription?.TableArn, Tags: tags }));
    }
  }

  beforeAll(async () => {
    server = await startDynalite();
    api = apiFor(server.endpoint);
    admin = new DynamoDBClient({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    await createTable(ordersRequest());
    await createTable(ordersRequest({ tableName: "orders-drifted" }), "by-status");
  });
  afterAll(async () => {
    api?.destroy();
    admin?.destroy();
    await server?.close();
  });

  describe("name collisions", () => {
    it("finds an existing table: TABLE_ALREADY_EXISTS on tableName, source aws", async () => {
      const result = await checkTableNameCollisions(ordersRequest(), { api, status: ON });
      expect(result.regions).toEqual([{ region: "us-east-1", state: "exists" }]);
      expect(result.issues).toEqual([
        expect.objectContaining({ path: "tableName", code: "TABLE_ALREADY_EXISTS", severity: "error", source: "aws" }),
      ]);
      expect(result.issues[0]?.message).toContain("us-east-1");
    });

    it("passes a free name", async () => {
      const result = await checkTableNameCollisions(ordersRequest({ tableName: "orders-new" }), { api, status: ON });
      expect(result.issues).toEqual([]);
      expect(result.regions).toEqual([{ region: "us-east-1", state: "free" }]);
    });

    it("checks every target Region in parallel (dynalite is one store, so the replica Region collides too)", async () => {
      const request = ordersRequest({
        stream: { enabled: true, viewType: "NEW_AND_OLD_IMAGES" },
        regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
      });
      const result = await checkTableNameCollisions(request, { api, status: ON });
      expect(result.regions.map((r) => r.region)).toEqual(["us-east-1", "eu-west-1"]);
    });

    it("for an import, an existing table is the expected state and a missing one is the error", async () => {
      const existing = await checkTableNameCollisions(ordersRequest(), { api, status: ON, expectExisting: true });
      expect(existing.issues).toEqual([]);
      const missing = await checkTableNameCollisions(ordersRequest({ tableName: "nope-table" }), {
        api,
        status: ON,
        expectExisting: true,
      });
      expect(missing.issues.map((i) => i.code)).toEqual(["TABLE_NOT_FOUND"]);
    });
  });

  describe("verification", () => {
    it("a table created as requested matches (DescribeContinuousBackups recorded: dynalite lacks it)", async () => {
      const result = await verifyTableRequest(ordersRequest(), {
        api: withRecordedBackups(api, "describe-continuous-backups-enabled.json"),
        status: ON,
      });
      expect(result).toMatchObject({ verified: true, differences: [], tableName: "orders-live", region: "us-east-1" });
      expect(Date.parse(result.checkedAt)).not.toBeNaN();
    });

    it("a missing GSI and PITR off are drift, each with expected and actual", async () => {
      const result = await verifyTableRequest(ordersRequest({ tableName: "orders-drifted" }), {
        api: withRecordedBackups(api, "describe-continuous-backups-disabled.json"),
        status: ON,
      });
      expect(result.verified).toBe(false);
      expect(result.differences).toEqual([
        {
          path: 'globalSecondaryIndexes["by-status"]',
          expected: expect.objectContaining({ partitionKey: { name: "status", type: "S" } }),
          actual: null,
        },
        { path: "pointInTimeRecovery.enabled", expected: true, actual: false },
        { path: "pointInTimeRecovery.recoveryPeriodInDays", expected: 35, actual: null },
      ]);
    });

    it("a table that does not exist is reported as missing, not as unavailable", async () => {
      const result = await verifyTableRequest(ordersRequest({ tableName: "never-applied" }), { api, status: ON });
      expect(result).toMatchObject({ verified: false, tableMissing: true });
      expect(result.unavailable).toBeUndefined();
    });

    it("an endpoint that lacks a call makes the whole check unavailable rather than half-verified", async () => {
      const result = await verifyTableRequest(ordersRequest(), { api, status: ON });
      expect(result.verified).toBe(false);
      expect(result.unavailable?.reason).toMatch(/DescribeContinuousBackups in us-east-1 failed/);
    });
  });

  describe("recorded global table (replicas, KMS, stream, TTL, class, deletion protection)", () => {
    let recorded: Awaited<ReturnType<typeof startRecordedDynamoDb>>;
    let recordedApi: ReturnType<typeof apiFor>;
    const globalRequest = (pitrInReplica = true) =>
      TableRequestSchema.parse({
        owner: { team: "orders", service: "order-api", requester: "li@example.com", costCenter: "CC-1" },
        tier: "prod",
        tableName: "orders-global",
        partitionKey: { name: "PK", type: "S" },
        sortKey: { name: "SK", type: "S" },
        globalSecondaryIndexes: [
          {
            name: "by-customer",
            partitionKey: { name: "customerId", type: "S" },
            sortKey: { name: "createdAt", type: "N" },
            projection: { type: "INCLUDE", nonKeyAttributes: ["total", "status"] },
          },
        ],
        billing: {
          mode: "PAY_PER_REQUEST",
          onDemandThroughput: { maxReadRequestUnits: 20000, maxWriteRequestUnits: 5000 },
        },
        stream: { enabled: true, viewType: "NEW_AND_OLD_IMAGES" },
        ttl: { enabled: true, attributeName: "expiresAt" },
        pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
        encryption: {
          type: "CUSTOMER_MANAGED",
          kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809",
        },
        deletionProtection: true,
        tags: { Team: "orders", Environment: "prod" },
        regions: {
          primary: "us-east-1",
          replicas: [
            {
              region: "eu-west-1",
              kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/2b3c4d5e-6f70-8192-a3b4-c5d6e7f80912",
              pointInTimeRecovery: pitrInReplica,
            },
          ],
        },
      });

    beforeAll(async () => {
      recorded = await startRecordedDynamoDb({
        "us-east-1": {
          DescribeTable: fixture("describe-table-global-us-east-1.json"),
          DescribeContinuousBackups: fixture("describe-continuous-backups-enabled.json"),
          DescribeTimeToLive: fixture("describe-time-to-live-enabled.json"),
          ListTagsOfResource: fixture("list-tags-of-resource.json"),
        },
        "eu-west-1": {
          DescribeTable: fixture("describe-table-global-eu-west-1.json"),
          DescribeContinuousBackups: fixture("describe-continuous-backups-disabled.json"),
        },
      });
      recordedApi = apiFor(recorded.endpoint);
    });
    afterAll(async () => {
      recordedApi?.destroy();
      await recorded?.close();
    });

    it("reads the replica's own Region and matches a request that says PITR is off there", async () => {
      const result = await verifyTableRequest(globalRequest(false), { api: recordedApi, status: ON });
      expect(result.differences).toEqual([]);
      expect(result.verified).toBe(true);
      expect(recorded.calls).toEqual(
        expect.arrayContaining(["eu-west-1 DescribeTable", "eu-west-1 DescribeContinuousBackups"]),
      );
    });

    it("flags the replica whose PITR is off when the request wants it on", async () => {
      const result = await verifyTableRequest(globalRequest(true), { api: recordedApi, status: ON });
      expect(result.differences).toEqual([
        { path: 'replicas["eu-west-1"].pointInTimeRecovery', expected: true, actual: false },
      ]);
    });
  });

  describe("unreachable endpoints degrade to a warning, never a hang or a throw", () => {
    it("a closed port gives one LIVE_CHECK_UNAVAILABLE warning naming the Region and the cause", async () => {
      const closed = apiFor(await closedPortEndpoint());
      try {
        const started = Date.now();
        const result = await checkTableNameCollisions(ordersRequest(), { api: closed, status: ON });
        expect(Date.now() - started).toBeLessThan(2_500);
        expect(result.issues).toEqual([
          expect.objectContaining({ code: "LIVE_CHECK_UNAVAILABLE", severity: "warning", path: "tableName" }),
        ]);
        expect(result.issues[0]?.message).toMatch(/us-east-1: cannot reach the endpoint \(ECONNREFUSED\)/);
        const verification = await verifyTableRequest(ordersRequest(), { api: closed, status: ON });
        expect(verification.unavailable?.reason).toMatch(/ECONNREFUSED/);
      } finally {
        closed.destroy();
      }
    });

    it("an endpoint that accepts and never answers is cut off by the timeout", async () => {
      const hole = await startBlackHole();
      const slow = apiFor(hole.endpoint, 400);
      try {
        const started = Date.now();
        const result = await checkTableNameCollisions(ordersRequest(), { api: slow, status: ON });
        // 2 attempts x 400 ms plus backoff, well inside the 1.3 s outer deadline.
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(result.issues.map((i) => i.code)).toEqual(["LIVE_CHECK_UNAVAILABLE"]);
        expect(result.issues[0]?.message).toMatch(/no answer in time|timed? ?out/i);
      } finally {
        slow.destroy();
        await hole.close();
      }
    });
  });

  describe("with live checks off", () => {
    it("says so plainly, calls nothing and reports no issue", async () => {
      const previous = process.env.TABLEWRIGHT_AWS_CHECKS;
      process.env.TABLEWRIGHT_AWS_CHECKS = "off";
      resetLiveCheckStatus();
      try {
        const status = await getLiveCheckStatus();
        expect(status).toMatchObject({ enabled: false, mode: "off" });
        expect(status.message).toMatch(/Live checks are off/);
        const collisions = await checkTableNameCollisions(ordersRequest());
        expect(collisions).toMatchObject({ issues: [], regions: [], liveChecks: { enabled: false } });
        const verification = await verifyTableRequest(ordersRequest());
        expect(verification.unavailable?.reason).toMatch(/Live checks are off/);
      } finally {
        if (previous === undefined) delete process.env.TABLEWRIGHT_AWS_CHECKS;
        else process.env.TABLEWRIGHT_AWS_CHECKS = previous;
        resetLiveCheckStatus();
      }
    });

    it("with no endpoint and no credentials anywhere, reports off instead of failing", async () => {
      // The SDK's default chain reads process.env, so the test empties every source it knows.
      const names = [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "DYNAMODB_ENDPOINT",
        "TABLEWRIGHT_AWS_CHECKS",
      ];
      const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
      const files = {
        AWS_CONFIG_FILE: "/nonexistent/config",
        AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
        AWS_EC2_METADATA_DISABLED: "true",
      };
      const savedFiles = Object.fromEntries(Object.keys(files).map((n) => [n, process.env[n]]));
      for (const n of names) delete process.env[n];
      Object.assign(process.env, files);
      resetLiveCheckStatus();
      try {
        const status = await getLiveCheckStatus();
        expect(status.enabled).toBe(false);
        expect(status.mode).toBe("off");
        expect(status.message).toMatch(/no AWS credentials were found through the default credential chain/);
        const collisions = await checkTableNameCollisions(ordersRequest());
        expect(collisions.issues).toEqual([]);
      } finally {
        for (const [n, v] of Object.entries({ ...saved, ...savedFiles })) {
          if (v === undefined) delete process.env[n];
          else process.env[n] = v;
        }
        resetLiveCheckStatus();
      }
    });
  });
});
