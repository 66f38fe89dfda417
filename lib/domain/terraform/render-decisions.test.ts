import { describe, expect, it } from "vitest";
import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../request/schema";
import type { AwsProviderMajor } from "./model";
import { renderModule } from "./render-module";
import { type HclJson, parseModule } from "./test-support";

/**
 * The defects of issue 18, one block each, on rendered HCL (the real-Terraform suite plans the
 * same shapes). Each names the AWS or provider source it follows.
 */

const base: TableRequestInput = {
  owner: { team: "t", service: "s", requester: "r@example.com", costCenter: "cc" },
  tier: "prod",
  tableName: "orders",
  partitionKey: { name: "pk", type: "S" },
  billing: { mode: "PAY_PER_REQUEST" },
  regions: { primary: "us-east-1" },
};
const scaled = { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 50, targetUtilization: 70 } };
const gsi = (name: string, provisioned: boolean) => ({
  name,
  partitionKey: { name: `${name}Key`, type: "S" as const },
  projection: { type: "ALL" as const },
  ...(provisioned ? { capacity: { read: scaled, write: scaled } } : {}),
});

const request = (patch: Partial<TableRequestInput>): TableRequest => TableRequestSchema.parse({ ...base, ...patch });
async function render(r: TableRequest, major: AwsProviderMajor) {
  const files = renderModule(r, { awsProviderMajor: major });
  return { files, hcl: await parseModule(files) };
}
/** label -> body of every `type` resource in `file` (untyped HCL JSON: indexing gives any). */
const resourcesOf = (hcl: Record<string, HclJson>, file: string, type: string): HclJson =>
  Object.fromEntries(
    Object.entries(hcl[file]?.resource?.[type] ?? {}).map(([label, bodies]) => [label, (bodies as HclJson[])[0]]),
  );

describe("1. a provisioned global table applies in one go (provider issue #13097)", () => {
  const r = request({
    billing: { mode: "PROVISIONED", read: scaled, write: scaled },
    globalSecondaryIndexes: [gsi("byCustomer", true)],
    regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }, { region: "ap-southeast-2" }] },
  });

  it.each([5, 6] as const)(
    "hashicorp/aws %s.x: replicas are aws_dynamodb_table_replica resources after every scaling policy",
    async (major) => {
      const { hcl } = await render(r, major);
      const table = resourcesOf(hcl, "main.tf", "aws_dynamodb_table").this;
      expect(table.replica, "no replica blocks: they would be created before autoscaling").toBeUndefined();
      expect(table.lifecycle[0].ignore_changes).toContain("${replica}");
      const policies = Object.keys(resourcesOf(hcl, "autoscaling.tf", "aws_appautoscaling_policy"));
      expect(policies).toHaveLength(4);
      const replicas = resourcesOf(hcl, "replicas.tf", "aws_dynamodb_table_replica");
      expect(Object.keys(replicas).sort()).toEqual(["ap_southeast_2", "eu_west_1"]);
      for (const replica of Object.values(replicas)) {
        for (const p of policies) expect(replica.depends_on).toContain(`\${aws_appautoscaling_policy.${p}}`);
        expect(replica.global_table_arn).toBe("${aws_dynamodb_table.this.arn}");
      }
      // One replica at a time: the second waits for the first.
      expect(replicas.ap_southeast_2.depends_on).toContain("${aws_dynamodb_table_replica.eu_west_1}");
      if (major === 6) expect(replicas.eu_west_1.region).toBe("eu-west-1");
      else expect(replicas.eu_west_1.provider).toBe("${aws.eu_west_1}");
    },
  );
});

// IAM User Guide, "IAM object quotas and names": role and policy names are unique within the
// account (CreateRole/CreatePolicy fail with EntityAlreadyExists), while DynamoDB table names are
// unique per Region, so `orders` in two Regions must not share IAM names.
describe("2. IAM names are unique per account (the same table name in two Regions)", () => {
  it("puts the Region in policy and backup role names", async () => {
    const names = async (region: "us-east-1" | "eu-west-1") => {
      const { hcl } = await render(request({ regions: { primary: region }, backup: { enabled: true } }), 6);
      return [
        ...Object.values(resourcesOf(hcl, "iam.tf", "aws_iam_policy")).map((p) => p.name as string),
        resourcesOf(hcl, "backup.tf", "aws_iam_role").backup.name as string,
      ];
    };
    const east = await names("us-east-1");
    const west = await names("eu-west-1");
    expect(east.sort()).toEqual([
      "orders-us-east-1-backup",
      "orders-us-east-1-read-only",
      "orders-us-east-1-read-write",
    ]);
    for (const name of east) expect(west).not.toContain(name);
  });

  it("keeps a long name within IAM's limits and still unique per Region", async () => {
    const tableName = `t${"x".repeat(200)}`;
    const role = async (region: "us-east-1" | "eu-west-1") =>
      resourcesOf(
        (await render(request({ tableName, regions: { primary: region }, backup: { enabled: true } }), 6)).hcl,
        "backup.tf",
        "aws_iam_role",
      ).backup.name as string;
    const [a, b] = [await role("us-east-1"), await role("eu-west-1")];
    expect(a.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
  });
});

describe("3. alarms", () => {
  const r = request({
    globalSecondaryIndexes: [gsi("byCustomer", false), gsi("byStatus", false)],
    regions: {
      primary: "us-east-1",
      replicas: [{ region: "eu-west-1" }, { region: "us-west-2", role: "STANDBY" }],
    },
    alarms: { enabled: true, readThrottleThreshold: 3, evaluationPeriods: 10, datapointsToAlarm: 4 },
  });

  it.each([5, 6] as const)(
    "hashicorp/aws %s.x: every alarm reaches, not exceeds, a threshold of at least 1, over settable periods",
    async (major) => {
      const { hcl } = await render(r, major);
      for (const alarm of Object.values(resourcesOf(hcl, "alarms.tf", "aws_cloudwatch_metric_alarm"))) {
        expect(alarm.comparison_operator).toBe("GreaterThanOrEqualToThreshold");
        expect(alarm.threshold).toBeGreaterThanOrEqual(1);
        expect([alarm.evaluation_periods, alarm.datapoints_to_alarm]).toEqual([10, 4]);
      }
    },
  );

  it("alarms each GSI's throttles: the table's ThrottleEvents exclude its GSIs (DynamoDB metrics and dimensions)", async () => {
    const alarms = resourcesOf((await render(r, 6)).hcl, "alarms.tf", "aws_cloudwatch_metric_alarm");
    const primaryThrottles = Object.values(alarms)
      .filter((a) => a.region === undefined && /ThrottleEvents$/.test(a.metric_name ?? ""))
      .map((a) => `${a.metric_name}/${a.dimensions.GlobalSecondaryIndexName ?? "table"}`)
      .sort();
    expect(primaryThrottles).toEqual([
      "ReadThrottleEvents/byCustomer",
      "ReadThrottleEvents/byStatus",
      "ReadThrottleEvents/table",
      "WriteThrottleEvents/byCustomer",
      "WriteThrottleEvents/byStatus",
      "WriteThrottleEvents/table",
    ]);
  });

  it("sums SystemErrors over every operation, BatchGetItem and TransactGetItems included, with FILL", async () => {
    const alarms = resourcesOf((await render(r, 6)).hcl, "alarms.tf", "aws_cloudwatch_metric_alarm");
    const systemErrors = [alarms.read_system_errors, alarms.write_system_errors];
    const operations = systemErrors.flatMap((a) =>
      (a.metric_query as HclJson[]).flatMap((q) => (q.metric ?? []).map((m: HclJson) => m.dimensions.Operation)),
    );
    expect(operations.sort()).toEqual(
      [
        "BatchGetItem",
        "BatchWriteItem",
        "DeleteItem",
        "GetItem",
        "PutItem",
        "Query",
        "Scan",
        "TransactGetItems",
        "TransactWriteItems",
        "UpdateItem",
      ].sort(),
    );
    for (const a of systemErrors) {
      const expression = (a.metric_query as HclJson[]).find((q) => q.return_data)?.expression;
      expect(expression).toBe("FILL(m0, 0) + FILL(m1, 0) + FILL(m2, 0) + FILL(m3, 0) + FILL(m4, 0)");
    }
  });

  it("monitors every ACTIVE replica Region, with that Region's own SNS topics; a STANDBY is not alarmed", async () => {
    const { hcl, files } = await render(r, 6);
    const alarms = Object.values(resourcesOf(hcl, "alarms.tf", "aws_cloudwatch_metric_alarm"));
    const regions = new Set(alarms.map((a) => a.region ?? "us-east-1"));
    expect(regions).toEqual(new Set(["us-east-1", "eu-west-1"]));
    for (const a of alarms.filter((x) => x.region === "eu-west-1")) {
      expect(a.alarm_actions).toBe('${var.replica_alarm_actions["eu-west-1"]}');
    }
    // ReplicationLatency from each Region that takes writes to every other Region.
    const latency = alarms
      .filter((a) => a.metric_name === "ReplicationLatency")
      .map((a) => `${a.region ?? "us-east-1"}->${a.dimensions.ReceivingRegion}`)
      .sort();
    expect(latency).toEqual([
      "eu-west-1->us-east-1",
      "eu-west-1->us-west-2",
      "us-east-1->eu-west-1",
      "us-east-1->us-west-2",
    ]);
    expect(files["variables.tf"]).toContain('variable "replica_alarm_actions"');
  });

  it("refuses empty alarm actions in the module itself (variable validation): the seed-002 bug", async () => {
    const { hcl } = await render(r, 5);
    const variables = hcl["variables.tf"]?.variable as HclJson;
    const primary = variables.alarm_actions?.[0];
    expect(primary.validation[0].condition).toBe("${length(var.alarm_actions) > 0}");
    const replicas = variables.replica_alarm_actions?.[0];
    expect(replicas.validation[0].condition).toContain('"eu-west-1"');
    expect(replicas.validation[0].condition).not.toContain('"us-west-2"');
  });
});

describe("4. CMK tables: the policies may use each Region's key through DynamoDB (AWS KMS guide for DynamoDB)", () => {
  const r = request({
    encryption: { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/a" },
    regions: {
      primary: "us-east-1",
      replicas: [{ region: "eu-west-1", kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/b" }],
    },
  });

  it("grants Decrypt and DescribeKey to readers, and GenerateDataKey to writers, with kms:ViaService", async () => {
    const iam = renderModule(r, { awsProviderMajor: 5 })["iam.tf"] as string;
    const kmsStatements = [...iam.matchAll(/Sid += "UseTableKeysThroughDynamoDB"[\s\S]*?\n {6}\}/g)].map((m) => m[0]);
    expect(kmsStatements).toHaveLength(2);
    const [readWrite, readOnly] = kmsStatements as [string, string];
    expect(readWrite).toContain('"kms:GenerateDataKey"');
    expect(readOnly).not.toContain("GenerateDataKey");
    for (const s of kmsStatements) {
      expect(s).toContain('"kms:Decrypt"');
      expect(s).toContain('"kms:ViaService" = [');
      expect(s).toContain('"dynamodb.us-east-1.amazonaws.com"');
      expect(s).toContain('"dynamodb.eu-west-1.amazonaws.com"');
      expect(s).toContain('"arn:aws:kms:eu-west-1:123456789012:key/b"');
    }
  });

  it("grants no KMS permission without a customer-managed key", () => {
    expect(renderModule(request({}))["iam.tf"]).not.toContain("kms:");
  });
});

describe("per-replica table class and deletion protection (aws_dynamodb_table_replica)", () => {
  const r = request({
    deletionProtection: true,
    regions: {
      primary: "us-east-1",
      replicas: [
        { region: "us-west-2", role: "STANDBY", tableClass: "STANDARD_INFREQUENT_ACCESS", deletionProtection: false },
      ],
    },
  });

  it.each([5, 6] as const)(
    "hashicorp/aws %s.x renders a Standard-IA standby with its own deletion protection",
    async (major) => {
      const replica = resourcesOf((await render(r, major)).hcl, "replicas.tf", "aws_dynamodb_table_replica").us_west_2;
      expect(replica.table_class_override).toBe("STANDARD_INFREQUENT_ACCESS");
      expect(replica.deletion_protection_enabled).toBe(false);
    },
  );

  it("keeps replica blocks on 6.x when nothing needs the separate resource", async () => {
    const plain = request({ regions: { primary: "us-east-1", replicas: [{ region: "us-west-2" }] } });
    const { hcl, files } = await render(plain, 6);
    expect(resourcesOf(hcl, "main.tf", "aws_dynamodb_table").this.replica).toHaveLength(1);
    expect(files["replicas.tf"]).toBeUndefined();
  });
});

describe("hashicorp/aws 5.x output", () => {
  const r = request({
    globalSecondaryIndexes: [gsi("byCustomer", false)],
    regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
    backup: { enabled: true, copyRegion: "us-west-2" },
    alarms: { enabled: true },
  });

  it("declares each aliased provider in configuration_aliases, defines it, and uses no per-resource region", async () => {
    const { hcl, files } = await render(r, 5);
    const aliases = ((hcl["providers.tf"]?.provider.aws ?? []) as HclJson[]).flatMap((p) => (p.alias ? [p.alias] : []));
    expect(aliases.sort()).toEqual(["eu_west_1", "us_west_2"]);
    const declared = /configuration_aliases = \[([^\]]*)\]/.exec(files["versions.tf"] as string)?.[1];
    expect(declared?.split(", ").sort()).toEqual(["aws.eu_west_1", "aws.us_west_2"]);
    const resourceFiles = Object.entries(files).filter(([name]) => name.endsWith(".tf") && name !== "providers.tf");
    expect(resourceFiles.map(([, text]) => text).join("\n")).not.toMatch(/^\s+region\s+= "/m);
    expect(files["main.tf"]).toContain('hash_key        = "byCustomerKey"');
    expect(files["main.tf"]).not.toContain("key_schema");
  });
});

describe("TTL and encryption are explicit, so a later revision can turn them off (aws_dynamodb_table docs)", () => {
  const withTtlAndKey = request({
    ttl: { enabled: true, attributeName: "expiresAt" },
    encryption: { type: "AWS_MANAGED" },
  });
  const without = request({});

  it.each([5, 6] as const)(
    "hashicorp/aws %s.x: turning TTL off and returning to the AWS-owned key changes the table block",
    async (major) => {
      const before = resourcesOf((await render(withTtlAndKey, major)).hcl, "main.tf", "aws_dynamodb_table").this;
      const after = resourcesOf((await render(without, major)).hcl, "main.tf", "aws_dynamodb_table").this;
      expect(before.ttl).toEqual([{ attribute_name: "expiresAt", enabled: true }]);
      expect(before.server_side_encryption).toEqual([{ enabled: true }]);
      // Dropping the blocks instead would plan no change: both are optional and computed.
      expect(after.ttl, "TTL off without attribute_name (it must not be set when disabled)").toEqual([
        { enabled: false },
      ]);
      expect(after.server_side_encryption, "enabled = false is the AWS-owned key").toEqual([{ enabled: false }]);
    },
  );
});
