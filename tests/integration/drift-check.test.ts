import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  TagResourceCommand,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveAwsAccessConfig } from "../../lib/aws/config";
import { createSdkDynamoDbApi, type DynamoDbApi } from "../../lib/aws/dynamodb-api";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import { checkTableDrift } from "../../lib/server/drift";
import { closedPortEndpoint, fixture, startDynalite, type TestEndpoint } from "../support/dynamodb-servers";

// Drift checks through the real AWS SDK against dynalite (a DynamoDB API server) on loopback, with
// tables changed outside Terraform the ways dynalite can: UpdateTable (billing mode, capacity) and
// TagResource. dynalite has no DescribeContinuousBackups, so PITR comes from recorded responses.

const ON = { enabled: true, mode: "endpoint", message: "test endpoint" } as const;

function withRecordedBackups(api: DynamoDbApi, name: string): DynamoDbApi {
  const recorded = fixture(name).ContinuousBackupsDescription as Awaited<
    ReturnType<DynamoDbApi["describeContinuousBackups"]>
  >;
  return { ...api, describeContinuousBackups: async () => recorded };
}

const definition = (overrides: Record<string, unknown> = {}): TableRequest =>
  TableRequestSchema.parse({
    owner: { team: "orders", service: "order-api", requester: "li@example.com", costCenter: "CC-1" },
    tier: "dev",
    tableName: "drift-orders",
    partitionKey: { name: "PK", type: "S" },
    sortKey: { name: "SK", type: "S" },
    globalSecondaryIndexes: [
      { name: "by-status", partitionKey: { name: "status", type: "S" }, projection: { type: "KEYS_ONLY" } },
    ],
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    tags: { Team: "orders" },
    regions: { primary: "us-east-1" },
    ...overrides,
  });

/** CreateTable as the applied module would, optionally without the GSI (removed outside Terraform). */
function createInput(request: TableRequest, withoutIndex = false): CreateTableCommandInput {
  const provisioned = request.billing.mode === "PROVISIONED";
  const capacity = (read: number, write: number) => ({ ReadCapacityUnits: read, WriteCapacityUnits: write });
  const gsis = withoutIndex ? [] : request.globalSecondaryIndexes;
  return {
    TableName: request.tableName,
    BillingMode: request.billing.mode,
    ...(request.billing.mode === "PROVISIONED"
      ? { ProvisionedThroughput: capacity(request.billing.read.units, request.billing.write.units) }
      : {}),
    AttributeDefinitions: [
      { AttributeName: "PK", AttributeType: "S" },
      { AttributeName: "SK", AttributeType: "S" },
      ...(gsis.length ? [{ AttributeName: "status", AttributeType: "S" as const }] : []),
    ],
    KeySchema: [
      { AttributeName: "PK", KeyType: "HASH" },
      { AttributeName: "SK", KeyType: "RANGE" },
    ],
    ...(gsis.length
      ? {
          GlobalSecondaryIndexes: gsis.map((g) => ({
            IndexName: g.name,
            KeySchema: [{ AttributeName: g.partitionKey.name, KeyType: "HASH" as const }],
            Projection: { ProjectionType: g.projection.type },
            ...(provisioned && g.capacity
              ? { ProvisionedThroughput: capacity(g.capacity.read.units, g.capacity.write.units) }
              : {}),
          })),
        }
      : {}),
  };
}

describe("checkTableDrift against dynalite", () => {
  let server: TestEndpoint;
  let sdk: ReturnType<typeof createSdkDynamoDbApi>;
  let api: DynamoDbApi;
  let admin: DynamoDBClient;

  async function createTable(request: TableRequest, withoutIndex = false) {
    const out = await admin.send(new CreateTableCommand(createInput(request, withoutIndex)));
    await admin.send(
      new TagResourceCommand({
        ResourceArn: out.TableDescription?.TableArn,
        Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    return out.TableDescription?.TableArn as string;
  }

  const autoscaled = (tableName: string) =>
    definition({
      tableName,
      globalSecondaryIndexes: [
        {
          name: "by-status",
          partitionKey: { name: "status", type: "S" },
          projection: { type: "KEYS_ONLY" },
          capacity: { read: { units: 5 }, write: { units: 5 } },
        },
      ],
      billing: {
        mode: "PROVISIONED",
        read: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70 } },
        write: { units: 5 },
      },
    });

  beforeAll(async () => {
    server = await startDynalite();
    sdk = createSdkDynamoDbApi({ config: { ...resolveAwsAccessConfig({}), endpoint: server.endpoint } });
    api = withRecordedBackups(sdk, "describe-continuous-backups-enabled.json");
    admin = new DynamoDBClient({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
  });
  afterAll(async () => {
    sdk?.destroy();
    admin?.destroy();
    await server?.close();
  });

  it("a table as approved is in sync, with no finding", async () => {
    await createTable(definition({ tableName: "drift-same" }));
    const result = await checkTableDrift(definition({ tableName: "drift-same" }), { api, status: ON });
    expect(result).toMatchObject({ status: "in_sync", region: "us-east-1", regionsRead: ["us-east-1"] });
    expect(result.report?.findings).toEqual([]);
  });

  it("a tag added outside Terraform is harmless: listed, still in sync", async () => {
    const arn = await createTable(definition({ tableName: "drift-tagged" }));
    await admin.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: "Owner", Value: "ops-console" }] }));
    const result = await checkTableDrift(definition({ tableName: "drift-tagged" }), { api, status: ON });
    expect(result.status).toBe("in_sync");
    expect(result.report?.findings.map((f) => [f.path, f.class, f.message])).toEqual([
      ["tags.Owner", "harmless", "tag Owner was added outside Terraform"],
    ]);
  });

  it("billing switched outside Terraform needs a decision", async () => {
    await createTable(definition({ tableName: "drift-billing" }));
    await admin.send(
      new UpdateTableCommand({
        TableName: "drift-billing",
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
        GlobalSecondaryIndexUpdates: [
          {
            Update: {
              IndexName: "by-status",
              ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
            },
          },
        ],
      }),
    );
    const result = await checkTableDrift(definition({ tableName: "drift-billing" }), { api, status: ON });
    expect(result.status).toBe("drifted");
    expect(result.report).toMatchObject({ worst: "shape", needsDecision: true, urgent: false });
    expect(result.report?.findings[0]).toMatchObject({
      path: "billingMode",
      class: "shape",
      message: "billing mode switched from PAY_PER_REQUEST to PROVISIONED outside Terraform",
    });
  });

  it("an index missing from the live table needs a decision", async () => {
    await createTable(definition({ tableName: "drift-no-index" }), true);
    const result = await checkTableDrift(definition({ tableName: "drift-no-index" }), { api, status: ON });
    expect(result.report?.findings.map((f) => [f.path, f.class])).toEqual([
      ['globalSecondaryIndexes["by-status"]', "shape"],
    ]);
  });

  it("capacity moved within the autoscaling range is AWS-managed; outside it, it is drift", async () => {
    await createTable(autoscaled("drift-scaled"));
    await admin.send(
      new UpdateTableCommand({
        TableName: "drift-scaled",
        ProvisionedThroughput: { ReadCapacityUnits: 40, WriteCapacityUnits: 5 },
      }),
    );
    const scaled = await checkTableDrift(autoscaled("drift-scaled"), { api, status: ON });
    expect(scaled.status).toBe("in_sync");
    expect(scaled.report?.findings.map((f) => [f.path, f.class])).toEqual([["readCapacity", "aws_managed"]]);

    await admin.send(
      new UpdateTableCommand({
        TableName: "drift-scaled",
        ProvisionedThroughput: { ReadCapacityUnits: 400, WriteCapacityUnits: 5 },
      }),
    );
    const outside = await checkTableDrift(autoscaled("drift-scaled"), { api, status: ON });
    expect(outside.status).toBe("drifted");
    expect(outside.report?.findings[0]?.message).toBe(
      "the read capacity of the table is 400, outside the approved autoscaling range 5-100: changed outside Terraform",
    );
  });

  it("PITR off (recorded response) is urgent", async () => {
    await createTable(definition({ tableName: "drift-pitr" }));
    const result = await checkTableDrift(definition({ tableName: "drift-pitr" }), {
      api: withRecordedBackups(sdk, "describe-continuous-backups-disabled.json"),
      status: ON,
    });
    expect(result.status).toBe("drifted");
    expect(result.report).toMatchObject({ worst: "protection_lost", urgent: true });
  });

  it("a table that is gone is missing and urgent; an unreachable endpoint is unavailable, not drift", async () => {
    const missing = await checkTableDrift(definition({ tableName: "drift-deleted" }), { api, status: ON });
    expect(missing).toMatchObject({ status: "missing", report: { urgent: true, worst: "protection_lost" } });

    const dead = createSdkDynamoDbApi({
      config: { ...resolveAwsAccessConfig({}), endpoint: await closedPortEndpoint(), timeoutMs: 1_000 },
    });
    try {
      const result = await checkTableDrift(definition(), { api: dead, status: ON });
      expect(result).toMatchObject({ status: "unavailable", report: null });
      expect(result.unavailable?.reason).toMatch(/DescribeTable in us-east-1 failed/);
    } finally {
      dead.destroy();
    }
  });

  it("says so when live checks are off", async () => {
    const result = await checkTableDrift(definition(), {
      status: { enabled: false, mode: "off", message: "Live checks are off: TABLEWRIGHT_AWS_CHECKS=off is set." },
    });
    expect(result).toMatchObject({ status: "unavailable", unavailable: { reason: expect.stringContaining("off") } });
  });
});
