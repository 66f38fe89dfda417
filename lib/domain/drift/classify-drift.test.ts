import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareLiveTable } from "../import/compare-live-table";
import type { LiveTableFacts } from "../import/live-table";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { classifyDifferences, splitDriftPath } from "./classify-differences";
import { classifyDrift, classifyMissingTable } from "./classify-drift";
import { DRIFT_CLASSES } from "./drift-classes";

// Recorded real-format responses (tests/fixtures/aws/README.md); each case changes what AWS would
// report after a change made outside Terraform, and expects its class.
const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/aws");
const load = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));

/** The approved definition of the recorded 2-Region global table (orders-global). */
const globalRequest = (): TableRequest =>
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
        projection: { type: "INCLUDE", nonKeyAttributes: ["status", "total"] },
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
          pointInTimeRecovery: true,
          deletionProtection: true,
        },
      ],
    },
  });

function globalFacts(): LiveTableFacts {
  return {
    region: "us-east-1",
    table: load("describe-table-global-us-east-1.json").Table,
    timeToLive: load("describe-time-to-live-enabled.json").TimeToLiveDescription,
    backups: load("describe-continuous-backups-enabled.json").ContinuousBackupsDescription,
    tags: load("list-tags-of-resource.json").Tags,
    replicas: [
      {
        region: "eu-west-1",
        table: load("describe-table-global-eu-west-1.json").Table,
        backups: load("describe-continuous-backups-enabled.json").ContinuousBackupsDescription,
      },
    ],
  };
}

/** The approved definition of the recorded provisioned, autoscaled table (sessions-prod). */
const provisionedRequest = (): TableRequest =>
  TableRequestSchema.parse({
    owner: { team: "identity", service: "auth", requester: "dana@example.com", costCenter: "CC-7" },
    tier: "prod",
    tableName: "sessions-prod",
    partitionKey: { name: "sessionId", type: "S" },
    globalSecondaryIndexes: [
      {
        name: "by-user",
        partitionKey: { name: "userId", type: "S" },
        projection: { type: "KEYS_ONLY" },
        capacity: {
          read: { units: 20, autoscaling: { minCapacity: 20, maxCapacity: 400, targetUtilization: 70 } },
          write: { units: 10, autoscaling: { minCapacity: 10, maxCapacity: 200, targetUtilization: 70 } },
        },
      },
    ],
    billing: {
      mode: "PROVISIONED",
      read: { units: 50, autoscaling: { minCapacity: 50, maxCapacity: 1000, targetUtilization: 70 } },
      write: { units: 10, autoscaling: { minCapacity: 10, maxCapacity: 200, targetUtilization: 70 } },
    },
    encryption: { type: "AWS_MANAGED" },
    deletionProtection: true,
    pointInTimeRecovery: { enabled: false },
    regions: { primary: "eu-west-1" },
  });

function provisionedFacts(): LiveTableFacts {
  return {
    region: "eu-west-1",
    table: load("describe-table-provisioned-autoscaled.json").Table,
    timeToLive: { TimeToLiveStatus: "DISABLED" },
    backups: load("describe-continuous-backups-disabled.json").ContinuousBackupsDescription,
    tags: [],
    replicas: [],
  };
}

describe("classifyDrift on recorded responses", () => {
  it("the recorded global table matches its approved definition: nothing but AWS's own tag", () => {
    const report = classifyDrift(globalRequest(), globalFacts());
    expect(report.findings.map((f) => [f.path, f.class])).toEqual([
      ['tags["aws:cloudformation:stack-name"]', "aws_managed"],
    ]);
    expect(report).toMatchObject({ worst: "aws_managed", urgent: false, needsDecision: false, inSync: true });
  });

  it("records autoscaled capacity and raised warm throughput as AWS-managed, not as drift", () => {
    const report = classifyDrift(provisionedRequest(), provisionedFacts());
    expect(report.findings.map((f) => [f.path, f.class, f.message])).toEqual([
      [
        "readCapacity",
        "aws_managed",
        "autoscaling moved the read capacity of the table from 50 to 180 (range 50-1000)",
      ],
      [
        "writeCapacity",
        "aws_managed",
        "autoscaling moved the write capacity of the table from 10 to 45 (range 10-200)",
      ],
      [
        'globalSecondaryIndexes["by-user"].readCapacity',
        "aws_managed",
        "autoscaling moved the read capacity of index by-user from 20 to 60 (range 20-400)",
      ],
      [
        'globalSecondaryIndexes["by-user"].writeCapacity',
        "aws_managed",
        "autoscaling moved the write capacity of index by-user from 10 to 45 (range 10-200)",
      ],
      [
        "warmThroughput",
        "aws_managed",
        "warm throughput of the table was raised by AWS to 30,000 reads / 10,000 writes per second (above DynamoDB's starting 12,000 / 4,000)",
      ],
    ]);
    expect(report.inSync).toBe(true);
    expect(report.counts).toEqual({ protection_lost: 0, shape: 0, harmless: 0, aws_managed: 5 });
  });

  it("says why a request below AWS's raised warm throughput needs raising, without calling it drift", () => {
    const request = { ...globalRequest(), warmThroughput: { readUnitsPerSecond: 20_000 } };
    const facts = globalFacts();
    facts.table.WarmThroughput = { ReadUnitsPerSecond: 40000, WriteUnitsPerSecond: 4000, Status: "ACTIVE" };
    const report = classifyDrift(request, facts);
    const warm = report.findings.find((f) => f.path === "warmThroughput");
    expect(warm?.class).toBe("aws_managed");
    expect(warm?.expected).toEqual({ readUnitsPerSecond: 20_000 });
    expect(warm?.message).toContain("above the requested 20,000 reads");
    expect(warm?.message).toContain("raise the request to the live value");
    expect(report.inSync).toBe(true);
  });

  // [DG] warm-throughput: AWS raises warm throughput with use and never lowers it; UpdateTable
  // reports UPDATING while a raise is in progress ([DG] update-warm-throughput).
  it.each([
    [
      "AWS raised it past the request",
      { readUnitsPerSecond: 20_000, writeUnitsPerSecond: 5_000 },
      40000,
      5000,
      "ACTIVE",
      "aws_managed",
    ],
    ["live equal to the request", { readUnitsPerSecond: 40_000 }, 40000, 4000, "ACTIVE", null],
    ["a raise still UPDATING", { readUnitsPerSecond: 50_000 }, 12000, 4000, "UPDATING", "harmless"],
    [
      "a raise not in effect (ACTIVE below the request)",
      { readUnitsPerSecond: 50_000 },
      12000,
      4000,
      "ACTIVE",
      "shape",
    ],
  ] as const)("requested warm throughput, %s", (_name, warm, read, write, status, expected) => {
    const facts = globalFacts();
    facts.table.WarmThroughput = { ReadUnitsPerSecond: read, WriteUnitsPerSecond: write, Status: status };
    const report = classifyDrift({ ...globalRequest(), warmThroughput: warm }, facts);
    const found = report.findings.filter((f) => f.path === "warmThroughput").map((f) => f.class);
    expect(found).toEqual(expected ? [expected] : []);
  });

  type Mutation = (facts: LiveTableFacts) => void;
  const cases: [string, () => TableRequest, () => LiveTableFacts, Mutation, [string, string][]][] = [
    [
      "PITR turned off in the primary",
      globalRequest,
      globalFacts,
      (f) => {
        f.backups = load("describe-continuous-backups-disabled.json").ContinuousBackupsDescription;
      },
      [
        ["pointInTimeRecovery.enabled", "protection_lost"],
        ["pointInTimeRecovery.recoveryPeriodInDays", "protection_lost"],
      ],
    ],
    [
      "PITR turned off on the replica",
      globalRequest,
      globalFacts,
      (f) => {
        (f.replicas[0] as { backups?: unknown }).backups = load(
          "describe-continuous-backups-disabled.json",
        ).ContinuousBackupsDescription;
      },
      [['replicas["eu-west-1"].pointInTimeRecovery', "protection_lost"]],
    ],
    [
      "PITR window shortened to 7 days",
      globalRequest,
      globalFacts,
      (f) => {
        f.backups = {
          ContinuousBackupsStatus: "ENABLED",
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED", RecoveryPeriodInDays: 7 },
        };
      },
      [["pointInTimeRecovery.recoveryPeriodInDays", "protection_lost"]],
    ],
    [
      "deletion protection off",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.DeletionProtectionEnabled = false;
      },
      [["deletionProtection", "protection_lost"]],
    ],
    [
      "replica removed",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.Replicas = [];
        f.replicas = [];
      },
      [['replicas["eu-west-1"]', "protection_lost"]],
    ],
    [
      "KMS key switched to another key",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.SSEDescription = {
          Status: "ENABLED",
          SSEType: "KMS",
          KMSMasterKeyArn: "arn:aws:kms:us-east-1:123456789012:key/ffffffff-0000-4000-8000-000000000000",
        };
      },
      [["encryption.kmsKeyArn", "protection_lost"]],
    ],
    [
      "SSE switched back to an AWS-owned key",
      globalRequest,
      globalFacts,
      (f) => {
        delete f.table.SSEDescription;
      },
      [
        ["encryption.type", "protection_lost"],
        ["encryption.kmsKeyArn", "protection_lost"],
      ],
    ],
    [
      "stream turned off on the global table",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.StreamSpecification = { StreamEnabled: false };
      },
      [
        ["stream.enabled", "protection_lost"],
        ["stream.viewType", "shape"],
      ],
    ],
    [
      "a GSI added outside Terraform",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.GlobalSecondaryIndexes = [
          ...(f.table.GlobalSecondaryIndexes ?? []),
          {
            IndexName: "by-status",
            KeySchema: [{ AttributeName: "status", KeyType: "HASH" }],
            Projection: { ProjectionType: "KEYS_ONLY" },
            OnDemandThroughput: { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 },
          },
        ];
      },
      [['globalSecondaryIndexes["by-status"]', "shape"]],
    ],
    [
      "the GSI removed outside Terraform",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.GlobalSecondaryIndexes = [];
      },
      [['globalSecondaryIndexes["by-customer"]', "shape"]],
    ],
    [
      "billing switched to provisioned",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.BillingModeSummary = { BillingMode: "PROVISIONED" };
        f.table.ProvisionedThroughput = { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
      },
      // Capacity and caps only exist on one side of the switch; each is part of the same decision.
      [
        ["billingMode", "shape"],
        ["onDemandThroughput.maxReadRequestUnits", "shape"],
        ["onDemandThroughput.maxWriteRequestUnits", "shape"],
        ['globalSecondaryIndexes["by-customer"].onDemandThroughput', "shape"],
      ],
    ],
    [
      "tags added outside Terraform",
      globalRequest,
      globalFacts,
      (f) => {
        f.tags = [...f.tags, { Key: "Owner", Value: "someone" }, { Key: "cost-center", Value: "x" }];
      },
      [
        ["tags.Owner", "harmless"],
        ['tags["cost-center"]', "harmless"],
      ],
    ],
    [
      "a required tag removed",
      globalRequest,
      globalFacts,
      (f) => {
        f.tags = f.tags.filter((t) => t.Key !== "Team");
      },
      [["tags.Team", "shape"]],
    ],
    [
      "warm throughput raised by on-demand adaptive capacity",
      globalRequest,
      globalFacts,
      (f) => {
        f.table.WarmThroughput = { ReadUnitsPerSecond: 40000, WriteUnitsPerSecond: 4000, Status: "ACTIVE" };
      },
      [["warmThroughput", "aws_managed"]],
    ],
    [
      "capacity set outside the autoscaling range",
      provisionedRequest,
      provisionedFacts,
      (f) => {
        f.table.ProvisionedThroughput = { ReadCapacityUnits: 5000, WriteCapacityUnits: 10 };
      },
      [["readCapacity", "shape"]],
    ],
  ];

  it.each(cases)("%s", (_name, request, facts, mutate, expected) => {
    const live = facts();
    mutate(live);
    const report = classifyDrift(request(), live);
    // AWS's own tag and the recorded provisioned table's AWS-managed moves are always there; the
    // case is about what the change added.
    const baseline = new Set(classifyDrift(request(), facts()).findings.map((f) => `${f.path}|${f.class}`));
    const added = report.findings.filter((f) => !baseline.has(`${f.path}|${f.class}`));
    expect(added.map((f) => [f.path, f.class])).toEqual(expected);
    const worst = expected
      .map(([, c]) => c)
      .sort((a, b) => DRIFT_CLASSES.indexOf(a as never) - DRIFT_CLASSES.indexOf(b as never))[0];
    expect(report.worst).toBe(worst);
    expect(report.urgent).toBe(expected.some(([, c]) => c === "protection_lost"));
    for (const f of report.findings) expect(f.message.length).toBeGreaterThan(10);
  });

  it("a missing table is urgent", () => {
    expect(classifyMissingTable(globalRequest())).toMatchObject({
      worst: "protection_lost",
      urgent: true,
      findings: [{ path: "tableName", message: "the table orders-global does not exist in us-east-1" }],
    });
  });
});

describe("classifyDifferences", () => {
  it("splits request-style paths", () => {
    expect(splitDriftPath('replicas["eu-west-1"].pointInTimeRecovery')).toEqual([
      "replicas",
      "eu-west-1",
      "pointInTimeRecovery",
    ]);
    expect(splitDriftPath('globalSecondaryIndexes["a\\"b"].projection.type')).toEqual([
      "globalSecondaryIndexes",
      'a"b',
      "projection",
      "type",
    ]);
    expect(splitDriftPath("tags.Team")).toEqual(["tags", "Team"]);
  });

  it("classifies every difference the live comparison can report, never throwing", () => {
    const request = globalRequest();
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string());
    fc.assert(
      fc.property(fc.string(), value, value, (p, expected, actual) => {
        const [finding] = classifyDifferences(request, [{ path: p, expected, actual }]);
        return finding !== undefined && DRIFT_CLASSES.includes(finding.class) && finding.message.length > 0;
      }),
    );
  });

  it("agrees with the comparison on the recorded table: no difference, no finding", () => {
    expect(classifyDifferences(globalRequest(), compareLiveTable(globalRequest(), globalFacts()))).toEqual([]);
  });
});
