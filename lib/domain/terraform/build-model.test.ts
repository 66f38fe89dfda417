import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildMaximalRequest } from "../../../bench/fixtures/maximal-request";
import { buildDrPreview, toDrSummary } from "../dr";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../request/schema";
import { VALIDATION_CODES } from "../validation/codes";
import { validateTableRequest } from "../validation/validate-table-request";
import { UNRENDERABLE_CODES, UnrenderableRequestError } from "./errors";
import type { RenderContext } from "./model";
import { renderModule } from "./render-module";
import { loadValidExamples, VALID_EXAMPLES_DIR } from "./test-support";

const base: TableRequestInput = {
  owner: { team: "t", service: "s", requester: "r@example.com", costCenter: "cc" },
  tier: "prod",
  tableName: "orders",
  partitionKey: { name: "pk", type: "S" },
  billing: { mode: "PAY_PER_REQUEST" },
  regions: { primary: "us-east-1" },
};

function codeOf(input: TableRequestInput): string | undefined {
  try {
    renderModule(TableRequestSchema.parse(input));
    return undefined;
  } catch (error) {
    return error instanceof UnrenderableRequestError ? error.code : `unexpected ${String(error)}`;
  }
}

describe("renderModule refuses what it cannot express, naming the validation code", () => {
  it.each([
    [
      "per-replica table class on MRSC (replica blocks have no class)",
      {
        regions: {
          primary: "us-east-1",
          consistency: "STRONG",
          replicas: [{ region: "us-east-2", tableClass: "STANDARD_INFREQUENT_ACCESS" }, { region: "us-west-2" }],
        },
      },
      "PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED",
    ],
    [
      "provisioned MRSC (replica blocks come before autoscaling)",
      {
        billing: {
          mode: "PROVISIONED",
          read: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 10, targetUtilization: 70 } },
          write: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 10, targetUtilization: 70 } },
        },
        regions: {
          primary: "us-east-1",
          consistency: "STRONG",
          replicas: [{ region: "us-east-2" }, { region: "us-west-2" }],
        },
      },
      "MRSC_PROVISIONED_UNSUPPORTED",
    ],
    [
      "an alarm threshold of 0 (always in alarm with >=)",
      { alarms: { enabled: true, writeThrottleThreshold: 0 } },
      "ALARM_THRESHOLD_ALWAYS_BREACHING",
    ],
    [
      "more breaching minutes than the alarm looks at",
      { alarms: { enabled: true, evaluationPeriods: 2, datapointsToAlarm: 3 } },
      "ALARM_DATAPOINTS_ABOVE_PERIODS",
    ],
    [
      "replica on-demand read maximum",
      { regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1", maxReadRequestUnitsOverride: 5 }] } },
      "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
    ],
    [
      "replica read capacity override",
      {
        billing: {
          mode: "PROVISIONED",
          read: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 10, targetUtilization: 70 } },
          write: { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 10, targetUtilization: 70 } },
        },
        regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1", readCapacityOverride: 5 }] },
      },
      "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
    ],
    [
      "CMK without a replica key",
      {
        encryption: { type: "CUSTOMER_MANAGED", kmsKeyArn: "arn:aws:kms:us-east-1:1:key/a" },
        regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
      },
      "REPLICA_KMS_KEY_REQUIRED",
    ],
    [
      "replica in the primary Region",
      { regions: { primary: "us-east-1", replicas: [{ region: "us-east-1" }] } },
      "REPLICA_IN_PRIMARY_REGION",
    ],
    [
      "global table with the stream off",
      { stream: { enabled: false }, regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] } },
      "GLOBAL_TABLE_STREAM_DISABLED",
    ],
    [
      "provisioned global table without write autoscaling",
      {
        billing: { mode: "PROVISIONED", read: { units: 5 }, write: { units: 5 } },
        regions: { primary: "us-east-1", replicas: [{ region: "eu-west-1" }] },
      },
      "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
    ],
    [
      "GSI capacity on an on-demand table",
      {
        globalSecondaryIndexes: [
          {
            name: "by-x",
            partitionKey: { name: "x", type: "S" },
            projection: { type: "ALL" },
            capacity: { read: { units: 1 }, write: { units: 1 } },
          },
        ],
      },
      "GSI_CAPACITY_NOT_ALLOWED",
    ],
    [
      "one attribute with two types",
      {
        globalSecondaryIndexes: [
          { name: "by-pk", partitionKey: { name: "pk", type: "N" }, projection: { type: "ALL" } },
        ],
      },
      "ATTRIBUTE_TYPE_CONFLICT",
    ],
    [
      "MRSC with TTL",
      {
        ttl: { enabled: true },
        regions: {
          primary: "us-east-1",
          consistency: "STRONG",
          replicas: [{ region: "us-east-2" }, { region: "us-west-2" }],
        },
      },
      "MRSC_TTL_UNSUPPORTED",
    ],
    ["warm throughput with no value", { warmThroughput: {} }, "WARM_THROUGHPUT_EMPTY"],
    [
      "warm read throughput below 12,000 ([TF] IntAtLeast(12000))",
      { warmThroughput: { readUnitsPerSecond: 11_999 } },
      "WARM_THROUGHPUT_READ_BELOW_MINIMUM",
    ],
    [
      "a GSI's warm write throughput below 4,000 ([TF] IntAtLeast(4000))",
      {
        globalSecondaryIndexes: [
          {
            name: "by-x",
            partitionKey: { name: "x", type: "S" },
            projection: { type: "ALL" },
            warmThroughput: { writeUnitsPerSecond: 3_999 },
          },
        ],
      },
      "WARM_THROUGHPUT_WRITE_BELOW_MINIMUM",
    ],
    [
      "backup copy to the primary Region",
      { backup: { enabled: true, copyRegion: "us-east-1" } },
      "BACKUP_COPY_SAME_REGION",
    ],
  ] as const)("%s", (_label, patch, code) => {
    const input = { ...base, ...(patch as Partial<TableRequestInput>) };
    expect(codeOf(input)).toBe(code);
    // Validation refuses the same request first, with the same code as an error.
    const validation = validateTableRequest(input, DEFAULT_TIER_POLICY);
    expect(validation.valid).toBe(false);
    expect(validation.issues.filter((i) => i.severity === "error").map((i) => i.code)).toContain(code);
  });

  it("renders the minimal request", () => {
    expect(codeOf(base)).toBeUndefined();
  });

  it("refuses MRSC and a witness on the hashicorp/aws 5.x target, as validation does under a 5.x policy", () => {
    const input: TableRequestInput = {
      ...base,
      regions: {
        primary: "us-east-1",
        consistency: "STRONG",
        replicas: [{ region: "us-east-2" }],
        witness: "us-west-2",
      },
    };
    const request = TableRequestSchema.parse(input);
    expect(() => renderModule(request, { awsProviderMajor: 6 })).not.toThrow();
    expect(() => renderModule(request, { awsProviderMajor: 5 })).toThrow(/PROVIDER_TARGET_MRSC_UNSUPPORTED/);
    const policy5 = { ...DEFAULT_TIER_POLICY, awsProviderMajor: 5 as const };
    const codes = validateTableRequest(input, policy5).issues.map((i) => i.code);
    expect(codes).toContain("PROVIDER_TARGET_MRSC_UNSUPPORTED");
    expect(validateTableRequest(input, DEFAULT_TIER_POLICY).issues.map((i) => i.code)).not.toContain(
      "PROVIDER_TARGET_MRSC_UNSUPPORTED",
    );
  });
});

describe("warm throughput", () => {
  const input: TableRequestInput = {
    ...base,
    warmThroughput: { readUnitsPerSecond: 30_000, writeUnitsPerSecond: 10_000 },
    globalSecondaryIndexes: [
      {
        name: "by-x",
        partitionKey: { name: "x", type: "S" },
        projection: { type: "ALL" },
        warmThroughput: { readUnitsPerSecond: 15_000 },
      },
    ],
  };

  it("renders warm_throughput on the table and inside the GSI for hashicorp/aws 6, with the 6.13.0 floor", () => {
    const files = renderModule(TableRequestSchema.parse(input), { awsProviderMajor: 6 });
    const main = files["main.tf"] ?? "";
    expect(main).toMatch(
      /warm_throughput {\n\s+read_units_per_second\s+= 30000\n\s+write_units_per_second = 10000\n\s+}/,
    );
    // The GSI block names only the side the request gives; the provider keeps the other as AWS reports it.
    expect(main).toMatch(/global_secondary_index {[\s\S]*warm_throughput {\n\s+read_units_per_second = 15000\n\s+}/);
    expect(files["versions.tf"]).toContain("6.13.0: `warm_throughput`");
  });

  it("leaves warm_throughput out when the request has none (AWS manages it)", () => {
    const files = renderModule(TableRequestSchema.parse(base), { awsProviderMajor: 6 });
    expect(files["main.tf"]).not.toContain("warm_throughput");
  });

  it("refuses it on the hashicorp/aws 5.x target (5.100 has no warm_throughput), as validation does", () => {
    const request = TableRequestSchema.parse(input);
    expect(() => renderModule(request, { awsProviderMajor: 5 })).toThrow(/PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED/);
    const policy5 = { ...DEFAULT_TIER_POLICY, awsProviderMajor: 5 as const };
    const errors = validateTableRequest(input, policy5).issues.filter((i) => i.severity === "error");
    expect(errors.map((i) => i.code)).toContain("PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED");
  });
});

describe("UNRENDERABLE_CODES", () => {
  it("are all validation error codes, so validation can refuse each request first", () => {
    const notErrors = UNRENDERABLE_CODES.filter(
      (code) => (VALIDATION_CODES as Record<string, { severity: string }>)[code]?.severity !== "error",
    );
    expect(notErrors).toEqual([]);
  });

  it.each([
    ...readdirSync(VALID_EXAMPLES_DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => ({
        name: `valid/${f}`,
        input: JSON.parse(readFileSync(path.join(VALID_EXAMPLES_DIR, f), "utf8")) as TableRequestInput,
      })),
    { name: "bench maximal request", input: buildMaximalRequest() },
  ])("$name validates without errors and renders", ({ input }) => {
    const result = validateTableRequest(input, DEFAULT_TIER_POLICY);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(codeOf(input)).toBeUndefined();
    // Under a 5.x policy too, unless validation refuses it there (MRSC only).
    const policy5 = { ...DEFAULT_TIER_POLICY, awsProviderMajor: 5 as const };
    const on5 = validateTableRequest(input, policy5);
    if (on5.valid) expect(() => renderModule(on5.request as TableRequest, { awsProviderMajor: 5 })).not.toThrow();
    else
      expect(on5.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
        "PROVIDER_TARGET_MRSC_UNSUPPORTED",
      ]);
  });
});

describe("names that AWS limits", () => {
  it("keeps backup vault and IAM names within limits and stable", () => {
    const tableName = `a.${"x".repeat(200)}`;
    const request = TableRequestSchema.parse({ ...base, tableName, backup: { enabled: true } });
    const files = renderModule(request);
    const vault = /resource "aws_backup_vault" "this" \{\n {2}name = "([^"]+)"/.exec(files["backup.tf"] as string)?.[1];
    expect(vault).toBeDefined();
    expect((vault as string).length).toBeLessThanOrEqual(50);
    expect(vault).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(renderModule(request)).toEqual(files);
  });

  it("escapes interpolation in request text so it stays literal", () => {
    const files = renderModule(TableRequestSchema.parse({ ...base, tags: { note: "${var.x} %{if}" } }));
    expect(files["main.tf"]).toContain('note = "$${var.x} %%{if}"');
  });
});

describe("the README's DR pattern is the DR preview's", () => {
  const readmePattern = (request: TableRequest, context?: RenderContext) =>
    /^Pattern: \*\*([A-Z_]+)\*\*\.$/m.exec(renderModule(request, context)["README.md"] as string)?.[1];

  it.each(loadValidExamples())("valid/$name.json", ({ request }) => {
    expect(readmePattern(request)).toBe(buildDrPreview(request, DEFAULT_TIER_POLICY).pattern);
  });

  it.each([
    ["one Region with PITR off", { pointInTimeRecovery: { enabled: false } }, "SINGLE_REGION_PITR"],
    [
      "mixed ACTIVE and STANDBY replicas",
      {
        regions: {
          primary: "us-east-1",
          replicas: [
            { region: "us-west-2", role: "STANDBY" },
            { region: "eu-west-1", role: "ACTIVE" },
          ],
        },
      },
      "ACTIVE_ACTIVE_MREC",
    ],
  ] as const)("%s: %s", (_label, patch, expected) => {
    const request = TableRequestSchema.parse({ ...base, ...(patch as Partial<TableRequestInput>) });
    expect(buildDrPreview(request, DEFAULT_TIER_POLICY).pattern).toBe(expected);
    expect(readmePattern(request)).toBe(expected);
  });

  it("states the given drSummary's pattern when there is one", () => {
    const request = TableRequestSchema.parse(base);
    const drSummary = toDrSummary(buildDrPreview(request, DEFAULT_TIER_POLICY));
    expect(readmePattern(request, { drSummary: { ...drSummary, pattern: "MRSC" } })).toBe("MRSC");
  });
});
