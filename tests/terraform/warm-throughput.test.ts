import { describe, expect, it } from "vitest";
import { type TableRequestInput, TableRequestSchema } from "../../lib/domain/request/schema";
import { renderModule } from "../../lib/domain/terraform";
import aws6Subset from "../../lib/domain/terraform/provider-schema/aws-subset.json";
import { type HclJson, parseModule } from "../../lib/domain/terraform/test-support";
import { findTerraform, readProviderSchema, validateModule } from "../support/terraform";

/**
 * Warm throughput in the generated module. hashicorp/aws added `warm_throughput` (table and
 * `global_secondary_index`) in 6.13.0 ([TF] CHANGELOG); this machine only has the 5.100.0 provider.
 * So: real Terraform proves that 5.100 cannot express the block (the reason the 5.x target refuses
 * it with PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED), and the 6.x module is checked against the
 * docs-sourced 6.x schema subset at its emitted floor.
 */

const request: TableRequestInput = {
  owner: { team: "payments", service: "checkout", requester: "r@example.com", costCenter: "cc-1" },
  tier: "dev",
  tableName: "orders-warm",
  partitionKey: { name: "pk", type: "S" },
  billing: { mode: "PAY_PER_REQUEST" },
  regions: { primary: "eu-west-1" },
  warmThroughput: { readUnitsPerSecond: 30_000, writeUnitsPerSecond: 10_000 },
  globalSecondaryIndexes: [
    {
      name: "by-status",
      partitionKey: { name: "status", type: "S" },
      projection: { type: "KEYS_ONLY" },
      warmThroughput: { readUnitsPerSecond: 15_000 },
    },
  ],
};

const WARM_BLOCK = "  warm_throughput {\n    read_units_per_second  = 30000\n    write_units_per_second = 10000\n  }\n";

describe("warm_throughput and hashicorp/aws 5.100 (real terraform)", () => {
  it("the 5.100 provider schema has no warm_throughput, on the table or in global_secondary_index", async () => {
    const schema = await readProviderSchema();
    expect(schema.awsVersion).toMatch(/^5\./);
    const table = schema.resources.aws_dynamodb_table.block;
    expect(Object.keys(table.block_types)).toContain("on_demand_throughput");
    expect(Object.keys(table.block_types)).not.toContain("warm_throughput");
    expect(Object.keys(table.block_types.global_secondary_index.block.block_types ?? {})).not.toContain(
      "warm_throughput",
    );
  });

  it("terraform validate accepts the 5.x module without warm throughput and rejects it with the block", async () => {
    await findTerraform();
    const without = TableRequestSchema.parse({
      ...request,
      warmThroughput: undefined,
      globalSecondaryIndexes: [{ ...request.globalSecondaryIndexes?.[0], warmThroughput: undefined }],
    });
    const files = renderModule(without, { awsProviderMajor: 5 });
    const valid = await validateModule(files, "warm-5-without");
    expect(valid.diagnostics).toEqual([]);
    expect(valid.valid).toBe(true);

    const main = files["main.tf"] ?? "";
    const withBlock = main.replace(/(resource "aws_dynamodb_table" "this" \{\n)/, `$1${WARM_BLOCK}`);
    expect(withBlock).not.toBe(main);
    const invalid = await validateModule({ ...files, "main.tf": withBlock }, "warm-5-with");
    expect(invalid.valid).toBe(false);
    expect(JSON.stringify(invalid.diagnostics)).toMatch(/warm_throughput/);
  });

  it("the renderer refuses the 5.x target instead of writing a module terraform would reject", () => {
    expect(() => renderModule(TableRequestSchema.parse(request), { awsProviderMajor: 5 })).toThrow(
      /PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED/,
    );
  });
});

describe("warm_throughput in the hashicorp/aws 6 module (6.x schema subset)", () => {
  it("writes the blocks the 6.x schema has, with the requested values, and pins >= 6.37.0 (GSI key_schema)", async () => {
    const files = renderModule(TableRequestSchema.parse(request), { awsProviderMajor: 6 });
    const parsed = await parseModule(files);
    const table = parsed["main.tf"]?.resource.aws_dynamodb_table.this[0] as HclJson;
    expect(table.warm_throughput).toEqual([{ read_units_per_second: 30000, write_units_per_second: 10000 }]);
    expect(table.global_secondary_index[0].warm_throughput).toEqual([{ read_units_per_second: 15000 }]);

    const node = (aws6Subset as unknown as { resources: Record<string, HclJson> }).resources.aws_dynamodb_table;
    expect(node?.blocks.warm_throughput.arguments.sort()).toEqual(["read_units_per_second", "write_units_per_second"]);
    expect(node?.blocks.global_secondary_index.blocks.warm_throughput.arguments.sort()).toEqual([
      "read_units_per_second",
      "write_units_per_second",
    ]);
    // The floor covers warm_throughput (6.13.0) and is raised by the GSI's key_schema.
    expect(files["versions.tf"]).toMatch(/version = ">= 6\.37\.0, < 7\.0\.0"/);
    expect(files["versions.tf"]).toContain("6.13.0: `warm_throughput`");
  });

  it("a table-only warm throughput without GSIs pins exactly the 6.13.0 floor", () => {
    const files = renderModule(TableRequestSchema.parse({ ...request, globalSecondaryIndexes: [] }), {
      awsProviderMajor: 6,
    });
    expect(files["versions.tf"]).toMatch(/version = ">= 6\.13\.0, < 7\.0\.0"/);
  });
});
