import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OperationPlan } from "../plan/schema";
import type { TableRequest } from "../request/schema";
import { loadValidExamples } from "../terraform/test-support";
import { attestPlan } from "./attest-plan";
import { listModuleResources } from "./module-resources";
import { readConstraintBounds } from "./provider-constraint";
import { TerraformPlanSchema } from "./schema";

/**
 * Real plans (scripts/generate-plan-fixtures.ts: real Terraform 1.11.4, hashicorp/aws 5.100) of
 * valid examples, attested as planned and after one edit each.
 */

// biome-ignore lint/suspicious/noExplicitAny: Terraform's plan JSON, edited by the cases.
type Json = any;

const FIXTURES = path.resolve(import.meta.dirname, "__fixtures__");
const examples = new Map(loadValidExamples().map((e) => [e.name, e.request]));
const FIXTURE_NAMES = ["active-passive-standby", "provisioned-global", "lsi-table"] as const;
type FixtureName = (typeof FIXTURE_NAMES)[number];

function rawPlan(name: FixtureName): Json {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.plan.json`), "utf8"));
}
function requestOf(name: FixtureName): TableRequest {
  const request = examples.get(name);
  if (!request) throw new Error(`no example ${name}`);
  return request;
}
function attest(raw: Json, request: TableRequest, extra: { plan?: OperationPlan; acknowledged?: boolean } = {}) {
  return attestPlan(TerraformPlanSchema.parse(raw), {
    request,
    awsProviderMajor: 5,
    operationPlan: extra.plan ?? null,
    isDestructiveAcknowledged: extra.acknowledged ?? false,
  });
}
const changeOf = (raw: Json, type: string): Json => raw.resource_changes.find((r: Json) => r.type === type);
const tableAfter = (raw: Json) => changeOf(raw, "aws_dynamodb_table").change.after;

describe("a real plan of the rendered module", () => {
  it.each(FIXTURE_NAMES)("%s attests", (name) => {
    const result = attest(rawPlan(name), requestOf(name));
    expect(result.findings).toEqual([]);
    expect(result.verdict).toBe("ATTESTED");
    expect(result.terraformVersion).toBe("1.11.4");
  });

  it("attests the module called as a child module", () => {
    const raw = rawPlan("active-passive-standby");
    for (const r of raw.resource_changes) {
      r.address = `module.invoices.${r.address}`;
      r.module_address = "module.invoices";
    }
    raw.configuration.root_module = { module_calls: { invoices: { module: raw.configuration.root_module } } };
    const result = attest(raw, requestOf("active-passive-standby"));
    expect(result.findings).toEqual([]);
    expect(result.moduleAddress).toBe("module.invoices");
  });
});

interface EditCase {
  name: string;
  fixture: FixtureName;
  edit: (raw: Json) => void;
  findings: { path: string; code: string }[];
}

const EDITS: EditCase[] = [
  {
    name: "billing mode changed",
    fixture: "active-passive-standby",
    edit: (raw) => {
      tableAfter(raw).billing_mode = "PROVISIONED";
    },
    findings: [{ path: "billing.mode", code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "a GSI removed",
    fixture: "active-passive-standby",
    edit: (raw) => {
      tableAfter(raw).global_secondary_index = [];
    },
    findings: [{ path: 'globalSecondaryIndexes["by-customer"]', code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "a GSI projection changed",
    fixture: "active-passive-standby",
    edit: (raw) => {
      tableAfter(raw).global_secondary_index[0].projection_type = "KEYS_ONLY";
    },
    findings: [{ path: 'globalSecondaryIndexes["by-customer"].projection.type', code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "an extra resource",
    fixture: "active-passive-standby",
    edit: (raw) => {
      raw.resource_changes.push({
        address: "aws_sns_topic.sneaky",
        mode: "managed",
        type: "aws_sns_topic",
        name: "sneaky",
        change: { actions: ["create"], after: { name: "sneaky" } },
      });
    },
    findings: [{ path: 'resources["aws_sns_topic.sneaky"]', code: "RESOURCE_EXTRA" }],
  },
  {
    name: "a replica removed",
    fixture: "active-passive-standby",
    edit: (raw) => {
      raw.resource_changes = raw.resource_changes.filter((r: Json) => r.type !== "aws_dynamodb_table_replica");
    },
    findings: [
      { path: 'regions.replicas["us-west-2"]', code: "REPLICA_MISSING" },
      { path: 'resources["aws_dynamodb_table_replica.us_west_2"]', code: "RESOURCE_MISSING" },
    ],
  },
  {
    name: "a replica deleted by the plan",
    fixture: "active-passive-standby",
    edit: (raw) => {
      changeOf(raw, "aws_dynamodb_table_replica").change.actions = ["delete"];
    },
    findings: [
      { path: 'regions.replicas["us-west-2"]', code: "REPLICA_MISSING" },
      { path: 'resources["aws_dynamodb_table_replica.us_west_2"]', code: "RESOURCE_DELETED" },
    ],
  },
  {
    name: "the table replaced",
    fixture: "lsi-table",
    edit: (raw) => {
      changeOf(raw, "aws_dynamodb_table").change.actions = ["delete", "create"];
    },
    findings: [{ path: 'resources["aws_dynamodb_table.this"]', code: "TABLE_REPLACED" }],
  },
  {
    name: "a tag changed",
    fixture: "lsi-table",
    edit: (raw) => {
      const key = Object.keys(requestOf("lsi-table").tags)[0] as string;
      tableAfter(raw).tags[key] = "someone-else";
    },
    findings: [{ path: `tags["${Object.keys(requestOf("lsi-table").tags)[0]}"]`, code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "point-in-time recovery turned off",
    fixture: "provisioned-global",
    edit: (raw) => {
      tableAfter(raw).point_in_time_recovery = [{ enabled: false, recovery_period_in_days: null }];
    },
    findings: [{ path: "pointInTimeRecovery.enabled", code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "the stream's view type changed",
    fixture: "provisioned-global",
    edit: (raw) => {
      tableAfter(raw).stream_view_type = "KEYS_ONLY";
    },
    findings: [{ path: "stream.viewType", code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "the table name computed at apply",
    fixture: "lsi-table",
    edit: (raw) => {
      const c = changeOf(raw, "aws_dynamodb_table").change;
      c.after.name = undefined;
      c.after_unknown.name = true;
    },
    findings: [{ path: "tableName", code: "ATTRIBUTE_UNKNOWN" }],
  },
  {
    name: "the provider floor lowered",
    fixture: "lsi-table",
    edit: (raw) => {
      for (const p of Object.values(raw.configuration.provider_config) as Json[])
        p.version_constraint = ">= 5.0.0, < 6.0.0";
    },
    findings: [{ path: "provider.aws.version", code: "PROVIDER_VERSION_BELOW_FLOOR" }],
  },
  {
    name: "the provider left open above",
    fixture: "lsi-table",
    edit: (raw) => {
      for (const p of Object.values(raw.configuration.provider_config) as Json[]) p.version_constraint = ">= 5.100.0";
    },
    findings: [{ path: "provider.aws.version", code: "PROVIDER_MAJOR_MISMATCH" }],
  },
  {
    name: "the provider unconstrained",
    fixture: "lsi-table",
    edit: (raw) => {
      for (const p of Object.values(raw.configuration.provider_config) as Json[]) delete p.version_constraint;
    },
    findings: [{ path: "provider.aws.version", code: "PROVIDER_VERSION_UNCONSTRAINED" }],
  },
  {
    name: "an old Terraform",
    fixture: "lsi-table",
    edit: (raw) => {
      raw.terraform_version = "1.3.9";
    },
    findings: [{ path: "terraform.version", code: "TERRAFORM_VERSION_UNSUPPORTED" }],
  },
  {
    name: "another table",
    fixture: "lsi-table",
    edit: (raw) => {
      tableAfter(raw).name = "somebody-elses-table";
    },
    findings: [{ path: "tableName", code: "ATTRIBUTE_MISMATCH" }],
  },
  {
    name: "no table at all",
    fixture: "lsi-table",
    edit: (raw) => {
      raw.resource_changes = raw.resource_changes.filter((r: Json) => r.type !== "aws_dynamodb_table");
    },
    findings: [{ path: "tableName", code: "TABLE_NOT_IN_PLAN" }],
  },
];

describe("a hand-edited plan gives the matching findings", () => {
  it.each(EDITS)("$name", ({ fixture, edit, findings }) => {
    const raw = rawPlan(fixture);
    edit(raw);
    const result = attest(raw, requestOf(fixture));
    expect(result.verdict).toBe("VIOLATIONS");
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    expect(result.findings.map(({ path, code }) => ({ path, code })).sort(byPath)).toEqual([...findings].sort(byPath));
    for (const f of result.findings) {
      // Messages are for people: no enum values, attribute or field names (quoted user data aside).
      const prose = f.message.replace(/"[^"]*"/g, "");
      expect(prose).not.toMatch(/\b[A-Z]+_[A-Z_]+\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z]\w*\b/);
    }
  });
});

describe("destruction allowed by the operation plan", () => {
  const destructive = { requiresAcknowledgement: true, steps: [] } as unknown as OperationPlan;
  const replace = (raw: Json) => {
    changeOf(raw, "aws_dynamodb_table").change.actions = ["create", "delete"];
  };
  it("a replace with the destructive plan acknowledged attests", () => {
    const raw = rawPlan("lsi-table");
    replace(raw);
    expect(attest(raw, requestOf("lsi-table"), { plan: destructive, acknowledged: true }).verdict).toBe("ATTESTED");
  });
  it("a replace with the destructive plan not acknowledged does not", () => {
    const raw = rawPlan("lsi-table");
    replace(raw);
    const result = attest(raw, requestOf("lsi-table"), { plan: destructive, acknowledged: false });
    expect(result.findings.map((f) => f.code)).toEqual(["TABLE_REPLACED"]);
  });
  const removedReplica = (raw: Json) => {
    raw.resource_changes.push({
      address: "aws_dynamodb_table_replica.eu_central_1",
      mode: "managed",
      type: "aws_dynamodb_table_replica",
      name: "eu_central_1",
      change: { actions: ["delete"], before: { global_table_arn: "arn" }, after: null },
    });
  };
  it("a replica removal the operation plan includes attests", () => {
    const raw = rawPlan("active-passive-standby");
    removedReplica(raw);
    const plan = { requiresAcknowledgement: false, steps: [{ changes: [{ kind: "REPLICA_REMOVED" }] }] };
    const result = attest(raw, requestOf("active-passive-standby"), { plan: plan as unknown as OperationPlan });
    expect(result.findings).toEqual([]);
  });
  it("a replica removal the operation plan does not include is a violation", () => {
    const raw = rawPlan("active-passive-standby");
    removedReplica(raw);
    const result = attest(raw, requestOf("active-passive-standby"));
    expect(result.findings.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'resources["aws_dynamodb_table_replica.eu_central_1"]', code: "RESOURCE_DELETED" },
    ]);
  });
});

/** Table attributes a reviewer relies on, the request path a finding must name, and an edit. */
const ATTRIBUTE_EDITS: { key: string; path: string | RegExp; set: (t: Json, value: string) => void }[] = [
  {
    key: "name",
    path: "tableName",
    set: (t, v) => {
      t.name = `${t.name}-${v}`;
    },
  },
  {
    key: "billing_mode",
    path: "billing.mode",
    set: (t) => {
      t.billing_mode = t.billing_mode === "PROVISIONED" ? "PAY_PER_REQUEST" : "PROVISIONED";
    },
  },
  {
    key: "hash_key",
    path: "partitionKey.name",
    set: (t, v) => {
      t.hash_key = `${t.hash_key}${v}`;
    },
  },
  {
    key: "deletion_protection_enabled",
    path: "deletionProtection",
    set: (t) => {
      t.deletion_protection_enabled = !t.deletion_protection_enabled;
    },
  },
  {
    key: "stream_enabled",
    path: "stream.enabled",
    set: (t) => {
      t.stream_enabled = !t.stream_enabled;
    },
  },
  {
    key: "table_class",
    path: "tableClass",
    set: (t) => {
      t.table_class = t.table_class === "STANDARD_INFREQUENT_ACCESS" ? "STANDARD" : "STANDARD_INFREQUENT_ACCESS";
    },
  },
  {
    key: "ttl",
    path: "ttl.enabled",
    set: (t) => {
      t.ttl[0].enabled = !t.ttl[0].enabled;
    },
  },
  {
    key: "sse",
    path: "encryption.type",
    set: (t) => {
      t.server_side_encryption[0].enabled = !t.server_side_encryption[0].enabled;
    },
  },
  {
    key: "pitr",
    path: "pointInTimeRecovery.enabled",
    set: (t) => {
      t.point_in_time_recovery[0].enabled = !t.point_in_time_recovery[0].enabled;
    },
  },
  {
    key: "tag",
    path: /^tags\["/,
    set: (t, v) => {
      t.tags = { ...t.tags, [`x${v}`]: v };
    },
  },
  {
    key: "attribute type",
    path: /(partitionKey|sortKey)\.type$/,
    set: (t) => {
      t.attribute[0].type = t.attribute[0].type === "S" ? "N" : "S";
    },
  },
  {
    key: "gsi",
    path: /^globalSecondaryIndexes\[/,
    set: (t, v) => {
      t.global_secondary_index = [
        ...(t.global_secondary_index ?? []),
        { name: `extra-${v}`, hash_key: t.hash_key, projection_type: "ALL" },
      ];
    },
  },
  {
    key: "lsi",
    path: /^localSecondaryIndexes\[/,
    set: (t, v) => {
      t.local_secondary_index = [
        ...(t.local_secondary_index ?? []),
        { name: `extra-${v}`, range_key: t.hash_key, projection_type: "ALL" },
      ];
    },
  },
];

describe("property: a single edited attribute is named by a violation", () => {
  it("holds for every fixture, attribute and value", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_NAMES),
        fc.constantFrom(...ATTRIBUTE_EDITS),
        fc.stringMatching(/^[a-z0-9]{1,8}$/),
        (fixture, edit, value) => {
          const raw = rawPlan(fixture);
          edit.set(tableAfter(raw), value);
          const result = attest(raw, requestOf(fixture));
          expect(result.verdict).toBe("VIOLATIONS");
          const named = result.findings.some((f) =>
            typeof edit.path === "string" ? f.path === edit.path : edit.path.test(f.path),
          );
          expect(named, `${edit.key}: ${JSON.stringify(result.findings)}`).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("unedited fixtures always attest, whatever order Terraform lists resources in", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURE_NAMES), fc.integer(), (fixture, seed) => {
        const raw = rawPlan(fixture);
        const changes = raw.resource_changes as Json[];
        raw.resource_changes = changes
          .map((c, i) => ({ c, k: (i * 2654435761 + seed) % 1000 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        expect(attest(raw, requestOf(fixture)).verdict).toBe("ATTESTED");
      }),
      { numRuns: 30 },
    );
  });
});

describe("plan document shape", () => {
  it.each([
    ["not an object", "plan"],
    [{ format_version: "2.0", terraform_version: "1.11.4" }, "format_version"],
    [{ format_version: "1.2", terraform_version: 7 }, "terraform_version"],
    [{ format_version: "1.2", terraform_version: "1.11.4", resource_changes: [{ address: "x" }] }, "resource_changes"],
  ])("%j is refused at %s", (doc, field) => {
    const parsed = TerraformPlanSchema.safeParse(doc);
    expect(parsed.success).toBe(false);
    if (field !== "plan") expect(parsed.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe("module resources and provider constraints", () => {
  it("lists resource blocks with static labels", () => {
    expect(
      listModuleResources({
        "main.tf": 'resource "aws_dynamodb_table" "this" {\n}\n# resource "x" "y"\n',
        "alarms.tf": 'resource "aws_cloudwatch_metric_alarm" "read" {}\n',
        "README.md": 'resource "not" "terraform" {}\n',
      }),
    ).toEqual(["aws_cloudwatch_metric_alarm.read", "aws_dynamodb_table.this"]);
  });
  it.each([
    [[">= 5.100.0, < 6.0.0"], { lower: "5.100.0", upper: "6.0.0" }],
    [["~> 6.37"], { lower: "6.37.0", upper: "7.0.0" }],
    [["~> 6.37.1"], { lower: "6.37.1", upper: "6.38.0" }],
    [["6.40.0"], { lower: "6.40.0", upper: "6.40.1" }],
    [[">= 6.0.0", ">= 6.37.0, < 7.0.0"], { lower: "6.37.0", upper: "7.0.0" }],
    [["< 6.0.0"], { upper: "6.0.0" }],
  ])("%j", (constraints, bounds) => {
    expect(readConstraintBounds(constraints)).toEqual(bounds);
  });
});
