import { describe, expect, it } from "vitest";
import { type TableRequest, TableRequestSchema } from "../../lib/domain/request/schema";
import { renderModule } from "../../lib/domain/terraform";
import { loadValidExamples } from "../../lib/domain/terraform/test-support";
import { planModule } from "../support/terraform";

/**
 * Terraform safety of a change, proven with real Terraform (1.11.4, hashicorp/aws 5.100 offline):
 * a state is made from revision 1's own plan (each planned resource with its planned values, as an
 * apply would leave it), then revision 2's module is planned against it with `-refresh=false`.
 * - moved.tf: revision 2 drops one of two indexes whose names share a label ("by-status",
 *   "by_status"), so the other's autoscaling and Contributor Insights resources change address;
 *   Terraform must plan them as moved (previous_address), not destroyed and created.
 * - prevent_destroy: a key change (the table is replaced) is refused by Terraform while the
 *   protection is on, and planned as a replacement in the revision that lifts it.
 */

const base = loadValidExamples().find((e) => e.name === "five-autoscaled-gsis")?.request as TableRequest;
const template = base.globalSecondaryIndexes[0] as TableRequest["globalSecondaryIndexes"][number];

function withIndexes(names: string[]): TableRequest {
  return TableRequestSchema.parse({
    ...base,
    globalSecondaryIndexes: names.map((name) => ({ ...template, name, contributorInsights: true })),
  });
}

// biome-ignore lint/suspicious/noExplicitAny: Terraform's plan and state JSON.
type Json = any;

/** Values AWS computes at create (unknown in the plan) that other resources read. */
function computed(r: Json): Record<string, unknown> {
  if (r.type !== "aws_dynamodb_table") return {};
  return { arn: `arn:aws:dynamodb:${base.regions.primary}:123456789012:table/${r.values.name}` };
}

/** A v4 state holding every resource of a plan with its planned values (what apply would record). */
function stateFromPlan(showJson: Json): string {
  const resources = (showJson.planned_values.root_module.resources as Json[]).map((r) => ({
    mode: "managed",
    type: r.type,
    name: r.name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: r.schema_version ?? 0,
        attributes: { ...r.values, id: r.values.id ?? `${r.type}.${r.name}`, ...computed(r) },
        sensitive_attributes: [],
      },
    ],
  }));
  return JSON.stringify({
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "7f3c2a10-0000-4000-8000-000000000020",
    outputs: {},
    resources,
  });
}

async function planRevision1(request: TableRequest, context: Record<string, unknown>) {
  const files = renderModule(request, { awsProviderMajor: 5, ...context });
  return planModule(files, { name: "revision-1" });
}

describe("a change's module against the state revision 1 left (real Terraform, hashicorp/aws 5.100)", () => {
  it("moves the resources whose labels changed instead of destroying and creating them", async () => {
    const revision1 = withIndexes(["by-status", "by_status"]);
    const revision2 = withIndexes(["by_status"]);
    const first = await planRevision1(revision1, {});
    const files = renderModule(revision2, { awsProviderMajor: 5, previousDefinition: revision1 });
    expect(files["moved.tf"], "revision 2 must carry moved blocks").toBeDefined();
    const second = await planModule(
      { ...files, "terraform.tfstate": stateFromPlan(first.showJson) },
      { name: "revision-2-moved", refresh: false },
    );
    const changes = second.showJson.resource_changes as Json[];
    const moved = changes.filter((c) => c.previous_address);
    // by_status's read and write autoscaling target and policy, throttle alarms and Contributor Insights.
    expect(moved.map((c) => c.address).sort()).toEqual([
      "aws_appautoscaling_policy.index_by_status_read",
      "aws_appautoscaling_policy.index_by_status_write",
      "aws_appautoscaling_target.index_by_status_read",
      "aws_appautoscaling_target.index_by_status_write",
      "aws_cloudwatch_metric_alarm.read_throttle_by_status",
      "aws_cloudwatch_metric_alarm.write_throttle_by_status",
      "aws_dynamodb_contributor_insights.index_by_status",
    ]);
    for (const c of moved) expect(c.change.actions, c.address).not.toContain("create");
    for (const c of moved) expect(c.change.actions, c.address).not.toContain("delete");
    // Only the dropped index's own resources go: 2 targets, 2 policies, 2 alarms, 1 insights.
    const deleted = changes.filter((c) => c.change.actions.includes("delete"));
    expect(deleted).toHaveLength(7);
    for (const c of deleted) expect(c.address).toMatch(/_by_status_[0-9a-f]{8}/);
    expect(changes.filter((c) => c.change.actions.includes("create"))).toEqual([]);
  });

  it("prevent_destroy refuses a replacement; the revision of the acknowledged destructive change lifts it", async () => {
    const revision1 = withIndexes(["by-sku"]);
    const first = await planRevision1(revision1, { preventDestroy: true });
    const state = stateFromPlan(first.showJson);
    const rekeyed = TableRequestSchema.parse({ ...revision1, partitionKey: { name: "sku", type: "S" } });

    // Without the previous definition the renderer cannot know it is a replacement: protection stays on.
    const guarded = renderModule(rekeyed, { awsProviderMajor: 5, preventDestroy: true });
    expect(guarded["main.tf"]).toContain("prevent_destroy = true");
    await expect(
      planModule({ ...guarded, "terraform.tfstate": state }, { name: "guarded-replacement", refresh: false }),
    ).rejects.toThrow(/Instance cannot be destroyed/);

    const lifted = renderModule(rekeyed, { awsProviderMajor: 5, preventDestroy: true, previousDefinition: revision1 });
    expect(lifted["main.tf"]).not.toContain("prevent_destroy = true");
    const planned = await planModule({ ...lifted, "terraform.tfstate": state }, { name: "lifted", refresh: false });
    const table = (planned.showJson.resource_changes as Json[]).find((c) => c.address === "aws_dynamodb_table.this");
    expect(table.change.actions).toEqual(["delete", "create"]);
  });
});
