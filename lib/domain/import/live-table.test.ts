import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { TableRequestSchema } from "../request/schema";
import { renderModule } from "../terraform/render-module";
import { validateTableRequest } from "../validation";
import { compareLiveTable } from "./compare-live-table";
import { describeToTableRequest } from "./describe-to-table-request";
import type { LiveTableFacts } from "./live-table";

// Recorded real-format responses (see tests/fixtures/aws/README.md) for the fields dynalite lacks.
const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/aws");
const load = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));

function globalTableFacts(overrides: { backups?: string; replicaBackups?: string } = {}): LiveTableFacts {
  return {
    region: "us-east-1",
    table: load("describe-table-global-us-east-1.json").Table,
    timeToLive: load("describe-time-to-live-enabled.json").TimeToLiveDescription,
    backups: load(overrides.backups ?? "describe-continuous-backups-enabled.json").ContinuousBackupsDescription,
    tags: load("list-tags-of-resource.json").Tags,
    replicas: [
      {
        region: "eu-west-1",
        table: load("describe-table-global-eu-west-1.json").Table,
        backups: load(overrides.replicaBackups ?? "describe-continuous-backups-enabled.json")
          .ContinuousBackupsDescription,
      },
    ],
  };
}

function importFacts(facts: LiveTableFacts) {
  return describeToTableRequest(
    facts.table,
    facts.timeToLive,
    facts.backups,
    facts.tags,
    { team: "orders", tier: "prod" },
    {
      region: facts.region,
      replicas: facts.replicas.map((r) => ({
        region: r.region,
        deletionProtection: r.table.DeletionProtectionEnabled ?? false,
        pointInTimeRecovery: r.backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === "ENABLED",
      })),
    },
  );
}

describe("import: the request a live global table implies", () => {
  it("reads keys, GSI, caps, stream, TTL, PITR, KMS keys, deletion protection, user tags and the replica", () => {
    const { request, notes } = importFacts(globalTableFacts());
    expect(request).toMatchObject({
      tableName: "orders-global",
      partitionKey: { name: "PK", type: "S" },
      sortKey: { name: "SK", type: "S" },
      billing: {
        mode: "PAY_PER_REQUEST",
        onDemandThroughput: { maxReadRequestUnits: 20000, maxWriteRequestUnits: 5000 },
      },
      stream: { enabled: true, viewType: "NEW_AND_OLD_IMAGES" },
      ttl: { enabled: true, attributeName: "expiresAt" },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
      encryption: { type: "CUSTOMER_MANAGED", kmsKeyArn: expect.stringContaining("arn:aws:kms:us-east-1:") },
      deletionProtection: true,
      tags: { Team: "orders", Environment: "prod" },
      regions: {
        primary: "us-east-1",
        replicas: [{ region: "eu-west-1", kmsKeyArn: expect.stringContaining("arn:aws:kms:eu-west-1:") }],
      },
    });
    // The GSI's -1 caps mean "uncapped" and are left out rather than copied.
    expect(request.globalSecondaryIndexes?.[0]).toEqual({
      name: "by-customer",
      partitionKey: { name: "customerId", type: "S" },
      sortKey: { name: "createdAt", type: "N" },
      projection: { type: "INCLUDE", nonKeyAttributes: ["status", "total"] },
    });
    expect(notes.join(" ")).toMatch(/Contributor Insights/);
  });

  it("round-trips: the module rendered from the implied request describes the same table (no differences)", () => {
    const facts = globalTableFacts();
    const { request } = importFacts(facts);
    const parsed = TableRequestSchema.parse(request);
    expect(compareLiveTable(parsed, facts)).toEqual([]);
    const files = renderModule(parsed, { importExisting: { tableName: "orders-global", region: "us-east-1" } });
    expect(files["imports.tf"]).toContain('import {\n  to = aws_dynamodb_table.this\n  id = "orders-global"\n}');
    expect(files["main.tf"]).toMatch(/region_name\s+= "eu-west-1"/);
  });

  it("is validated like any request: the prod policy asks for what DynamoDB cannot show (alarms, cost centre)", () => {
    const { request } = importFacts(globalTableFacts());
    const result = validateTableRequest(request, DEFAULT_TIER_POLICY);
    expect(result.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "POLICY_ALARMS_REQUIRED",
      "POLICY_MANDATORY_TAG_MISSING",
    ]);
  });
});

describe("verify: comparing an approved request with recorded live responses", () => {
  const approved = () => TableRequestSchema.parse(importFacts(globalTableFacts()).request);

  it("reports PITR off in the primary and in the replica, field by field", () => {
    const differences = compareLiveTable(
      approved(),
      globalTableFacts({
        backups: "describe-continuous-backups-disabled.json",
        replicaBackups: "describe-continuous-backups-disabled.json",
      }),
    );
    expect(differences).toEqual([
      { path: "pointInTimeRecovery.enabled", expected: true, actual: false },
      { path: "pointInTimeRecovery.recoveryPeriodInDays", expected: 35, actual: null },
      { path: 'replicas["eu-west-1"].pointInTimeRecovery', expected: true, actual: false },
    ]);
  });

  it("names a missing GSI, an extra tag, a changed table class, a missing replica and disabled deletion protection", () => {
    const facts = globalTableFacts();
    facts.table = {
      ...facts.table,
      GlobalSecondaryIndexes: [],
      TableClassSummary: { TableClass: "STANDARD_INFREQUENT_ACCESS" },
      DeletionProtectionEnabled: false,
      Replicas: [],
    };
    facts.tags = [...facts.tags, { Key: "Owner", Value: "someone" }];
    facts.replicas = [];
    const paths = compareLiveTable(approved(), facts).map((d) => d.path);
    expect(paths).toEqual([
      'globalSecondaryIndexes["by-customer"]',
      "deletionProtection",
      "tableClass",
      "tags.Owner",
      'replicas["eu-west-1"]',
    ]);
  });

  it("does not compare the key of AWS-managed encryption (DescribeTable shows a key ARN either way)", () => {
    const request = approved();
    const live = globalTableFacts();
    const awsManaged = TableRequestSchema.parse({
      ...request,
      encryption: { type: "AWS_MANAGED" },
      regions: { ...request.regions, replicas: request.regions.replicas.map(({ kmsKeyArn: _, ...r }) => r) },
    });
    const paths = compareLiveTable(awsManaged, live).map((d) => d.path);
    expect(paths).toEqual([]);
  });
});
