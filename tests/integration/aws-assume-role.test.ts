import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAssumeRoleProvider, getAssumeRoleProvider, resetAssumeRoleProviders } from "../../lib/aws/assume-role";
import { checkTableNameCollisions } from "../../lib/aws/check-table-name-collisions";
import { resolveAwsAccessConfig } from "../../lib/aws/config";
import { readImpliedTableRequest } from "../../lib/aws/read-implied-table-request";
import { verifyTableRequest } from "../../lib/aws/verify-table-request";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import { saveAccountTarget } from "../../lib/server/accounts";
import { checkTableDrift } from "../../lib/server/drift";
import { makeActor } from "../support/actors";
import { fixture, startDynalite, startRecordedDynamoDb, type TestEndpoint } from "../support/dynamodb-servers";
import { type FakeSts, startFakeSts } from "../support/sts-server";
import { createTestDatabase, type TestDatabase } from "../support/test-databases";

// The credential chain of multi-account targets, end to end through the real SDK clients: STS
// AssumeRole against a local endpoint answering in STS's XML wire format, then DynamoDB calls
// (dynalite, plus recorded answers for the calls dynalite lacks) that must be signed with the
// session credentials STS handed out, not with the source credentials.

const ON = { enabled: true, mode: "endpoint", message: "test endpoint" } as const;
const SOURCE_KEY = "AKIASOURCEEXAMPLE001";
const TARGET = {
  accountId: "210987654321",
  roleArn: "arn:aws:iam::210987654321:role/platform/tablewright-checks",
  externalId: "tablewright-prod",
};

const request = (tableName: string, team = "checkout"): TableRequest =>
  TableRequestSchema.parse({
    owner: { team, service: "cart", requester: "dana@example.com", costCenter: "CC-1" },
    tier: "prod",
    tableName,
    partitionKey: { name: "PK", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    regions: { primary: "us-east-1", replicas: [] },
    workload: { readsPerSecond: 1, writesPerSecond: 1, itemSizeBytes: 1000, storageGb: 1 },
  });

let dynalite: TestEndpoint;
let dynamo: Awaited<ReturnType<typeof startRecordedDynamoDb>>;
let sts: FakeSts;
let database: TestDatabase;
const saved = { ...process.env };

beforeAll(async () => {
  [dynalite, sts, database] = await Promise.all([startDynalite(), startFakeSts(), createTestDatabase("sqlite")]);
  // The scheduled drift check finds its account through the admin's mapping, as verify does.
  const admin = await makeActor(database.db, "ADMIN", ["checkout"]);
  await saveAccountTarget(admin, { team: "checkout", tier: "prod", ...TARGET }, database.db);
  // dynalite lacks DescribeContinuousBackups: that one comes from a recording, the rest from dynalite.
  dynamo = await startRecordedDynamoDb(
    { "*": { DescribeContinuousBackups: fixture("describe-continuous-backups-disabled.json") } },
    { fallback: dynalite.endpoint },
  );
  const setup = new DynamoDBClient({
    region: "us-east-1",
    endpoint: dynalite.endpoint,
    credentials: { accessKeyId: "setup", secretAccessKey: "setup" },
  });
  await setup.send(
    new CreateTableCommand({
      TableName: "cart-items",
      AttributeDefinitions: [{ AttributeName: "PK", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  setup.destroy();
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    STS_ENDPOINT: sts.endpoint,
    AWS_ACCESS_KEY_ID: SOURCE_KEY,
    AWS_SECRET_ACCESS_KEY: "sourceSecretExample",
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
});

afterEach(() => {
  resetAssumeRoleProviders();
  sts.calls.length = 0;
  sts.denied.clear();
  dynamo.signers.length = 0;
});

afterAll(async () => {
  for (const key of ["DYNAMODB_ENDPOINT", "STS_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await Promise.all([dynamo.close(), dynalite.close(), sts.close(), database.drop()]);
});

describe("live checks for a team mapped to another account assume its role through STS", () => {
  it("collision check: one AssumeRole signed with the source credentials, DynamoDB signed with the session", async () => {
    const result = await checkTableNameCollisions(request("cart-items"), { status: ON, accountTarget: TARGET });
    expect(result.regions).toEqual([{ region: "us-east-1", state: "exists" }]);
    expect(result.issues.map((i) => i.code)).toEqual(["TABLE_ALREADY_EXISTS"]);

    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]).toMatchObject({
      region: "us-east-1",
      signedBy: SOURCE_KEY,
      params: { RoleArn: TARGET.roleArn, ExternalId: TARGET.externalId, RoleSessionName: "tablewright-live-checks" },
    });
    expect(dynamo.signers).toEqual([{ accessKeyId: sts.issue.accessKeyId, sessionToken: sts.issue.sessionToken }]);
  });

  it("reuses the session for later checks in the same account and Region (one client, cached until expiry)", async () => {
    await checkTableNameCollisions(request("cart-items"), { status: ON, accountTarget: TARGET });
    await checkTableNameCollisions(request("free-name"), { status: ON, accountTarget: TARGET });
    expect(sts.calls).toHaveLength(1);
    expect(dynamo.signers.every((s) => s.accessKeyId === sts.issue.accessKeyId)).toBe(true);
    expect(getAssumeRoleProvider(TARGET, "us-east-1", resolveAwsAccessConfig()).assumeCount).toBe(1);
  });

  it("import reads all four calls with the assumed role", async () => {
    const implied = await readImpliedTableRequest(
      { team: "checkout", tier: "prod", region: "us-east-1", tableName: "cart-items" },
      { status: ON, accountTarget: TARGET },
    );
    expect(implied.ok, JSON.stringify(implied)).toBe(true);
    expect(sts.calls).toHaveLength(1);
    expect(dynamo.signers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(dynamo.signers.map((s) => s.accessKeyId))).toEqual(new Set([sts.issue.accessKeyId]));
  });

  it("verify reads the live table with the assumed role", async () => {
    const result = await verifyTableRequest(request("cart-items"), { status: ON, accountTarget: TARGET });
    expect(result.unavailable).toBeUndefined();
    expect(result.tableMissing).toBeUndefined();
    expect(sts.calls).toHaveLength(1);
    expect(new Set(dynamo.signers.map((s) => s.accessKeyId))).toEqual(new Set([sts.issue.accessKeyId]));
  });

  it("a scheduled drift check of a mapped team's table finds the mapping and reads with the assumed role", async () => {
    // No accountTarget passed: the check looks the team/tier mapping up in the database itself.
    const result = await checkTableDrift(request("cart-items"), { status: ON, db: database.db });
    expect(result.unavailable).toBeUndefined();
    expect(result.status).not.toBe("missing");
    expect(result.regionsRead).toEqual(["us-east-1"]);
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]).toMatchObject({
      region: "us-east-1",
      signedBy: SOURCE_KEY,
      params: { RoleArn: TARGET.roleArn, ExternalId: TARGET.externalId },
    });
    expect(dynamo.signers.length).toBeGreaterThanOrEqual(4);
    expect(new Set(dynamo.signers.map((s) => s.accessKeyId))).toEqual(new Set([sts.issue.accessKeyId]));
    expect(new Set(dynamo.signers.map((s) => s.sessionToken))).toEqual(new Set([sts.issue.sessionToken]));
  });

  it("a drift check of an unmapped team's table assumes nothing", async () => {
    const result = await checkTableDrift(request("cart-items", "payments"), { status: ON, db: database.db });
    expect(result.unavailable).toBeUndefined();
    expect(sts.calls).toHaveLength(0);
    expect(new Set(dynamo.signers.map((s) => s.accessKeyId))).toEqual(new Set([SOURCE_KEY]));
  });

  it("without a mapping nothing is assumed: DynamoDB sees the source credentials", async () => {
    await checkTableNameCollisions(request("cart-items"), { status: ON });
    expect(sts.calls).toHaveLength(0);
    expect(dynamo.signers.map((s) => s.accessKeyId)).toEqual([SOURCE_KEY]);
  });

  it("a role STS refuses gives a warning naming the role and STS's reason, and DynamoDB is never called", async () => {
    sts.denied.add(TARGET.roleArn);
    const result = await checkTableNameCollisions(request("cart-items"), { status: ON, accountTarget: TARGET });
    expect(result.regions[0]?.state).toBe("unavailable");
    const issue = result.issues[0];
    expect(issue?.code).toBe("LIVE_CHECK_UNAVAILABLE");
    expect(issue?.severity).toBe("warning");
    expect(issue?.message).toContain(`could not assume ${TARGET.roleArn}`);
    expect(issue?.message).toContain("AccessDenied");
    expect(dynamo.signers).toHaveLength(0);
  });
});

describe("the assumed session's lifetime", () => {
  it("is reused until a minute before Expiration, then assumed again", async () => {
    let now = Date.now();
    const provider = createAssumeRoleProvider(TARGET, "eu-west-1", {
      config: { ...resolveAwsAccessConfig(), stsEndpoint: sts.endpoint },
      now: () => now,
    });
    const first = await provider();
    expect(first.accessKeyId).toBe(sts.issue.accessKeyId);
    expect(first.expiration?.getTime()).toBeGreaterThan(now);
    now += 800_000; // 13 min 20 s of a 15-minute session: still fresh
    await provider();
    expect(provider.assumeCount).toBe(1);
    now += 60_000; // within the last minute: refresh
    await provider();
    expect(provider.assumeCount).toBe(2);
    expect(sts.calls.map((c) => c.region)).toEqual(["eu-west-1", "eu-west-1"]);
  });

  it("shares one AssumeRole between concurrent callers", async () => {
    const provider = createAssumeRoleProvider(TARGET, "us-east-1", {
      config: { ...resolveAwsAccessConfig(), stsEndpoint: sts.endpoint },
    });
    await Promise.all([provider(), provider(), provider()]);
    expect(sts.calls).toHaveLength(1);
  });
});
