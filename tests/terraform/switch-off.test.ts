import { describe, expect, it } from "vitest";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import { renderModule } from "../../lib/domain/terraform";
import { loadValidExamples } from "../../lib/domain/terraform/test-support";
import { planModule } from "../support/terraform";

/**
 * The explicit "off" blocks (terraform-templates/main.tf.ts ttlBlock) proven with real Terraform:
 * against a state whose table has TTL on and a KMS key, the module for "TTL off, AWS-owned key"
 * plans an in-place update that turns both off (`-refresh=false`: the state stands for what is live,
 * nothing calls AWS). A module that left the blocks out would plan no change for the table.
 */

const basic = loadValidExamples().find((e) => e.name === "basic-dev")?.request as TableRequest;

function liveState(request: TableRequest): string {
  const table = {
    id: request.tableName,
    name: request.tableName,
    arn: `arn:aws:dynamodb:${request.regions.primary}:123456789012:table/${request.tableName}`,
    billing_mode: request.billing.mode,
    hash_key: request.partitionKey.name,
    range_key: null,
    attribute: [{ name: request.partitionKey.name, type: request.partitionKey.type }],
    ttl: [{ attribute_name: "expiresAt", enabled: true }],
    server_side_encryption: [
      { enabled: true, kms_key_arn: `arn:aws:kms:${request.regions.primary}:123456789012:key/live-key` },
    ],
    point_in_time_recovery: [{ enabled: false, recovery_period_in_days: 0 }],
    table_class: "STANDARD",
    deletion_protection_enabled: false,
    stream_enabled: false,
    stream_view_type: "",
    read_capacity: 0,
    write_capacity: 0,
    tags: {},
    tags_all: {},
    global_secondary_index: [],
    local_secondary_index: [],
    replica: [],
    on_demand_throughput: [],
    import_table: [],
  };
  return JSON.stringify({
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "5b0e7c1a-0000-4000-8000-000000000018",
    outputs: {},
    resources: [
      {
        mode: "managed",
        type: "aws_dynamodb_table",
        name: "this",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 1, attributes: table }],
      },
    ],
  });
}

describe("turning TTL off and returning to the AWS-owned key on a live table (hashicorp/aws 5.x)", () => {
  it("plans an in-place update of the table that switches both off", async () => {
    const request = TableRequestSchema.parse({
      ...basic,
      ttl: { enabled: false, attributeName: "expiresAt" },
      encryption: { type: "AWS_OWNED" },
    });
    const files = renderModule(request, { awsProviderMajor: 5 });
    const result = await planModule(
      { ...files, "terraform.tfstate": liveState(request) },
      { name: "switch-off", refresh: false },
    );
    // biome-ignore lint/suspicious/noExplicitAny: Terraform's plan JSON.
    const change = result.showJson.resource_changes.find((c: any) => c.address === "aws_dynamodb_table.this");
    expect(change?.change.actions).toEqual(["update"]);
    expect(change.change.before.ttl).toEqual([{ attribute_name: "expiresAt", enabled: true }]);
    expect(change.change.after.ttl).toEqual([{ attribute_name: null, enabled: false }]);
    expect(change.change.before.server_side_encryption[0].enabled).toBe(true);
    expect(change.change.after.server_side_encryption[0].enabled).toBe(false);
  });
});
