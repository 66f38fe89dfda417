import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { computeModuleMoves, listLabelledAddresses } from "./address-moves";
import { buildModuleModel } from "./build-model";
import { renderModule } from "./render-module";
import { loadValidExamples } from "./test-support";

const base = loadValidExamples().find((e) => e.name === "five-autoscaled-gsis")?.request as TableRequest;
const template = base.globalSecondaryIndexes[0] as TableRequest["globalSecondaryIndexes"][number];

/** Names that sanitise alike ("by-status", "by_status", "by.status") or meet a Region's label. */
const NAMES = ["by-status", "by_status", "by.status", "by-sku", "eu-west-1", "eu_west_1"] as const;
const REPLICAS = ["eu-west-1", "us-east-1"] as const;

/** The five-autoscaled-gsis table with the given indexes (autoscaled, with insights) and replicas, alarms on. */
function variant(names: readonly string[], replicas: readonly string[] = []): TableRequest {
  return TableRequestSchema.parse({
    ...base,
    contributorInsights: true,
    globalSecondaryIndexes: names.map((name) => ({ ...template, name, contributorInsights: true })),
    regions: { ...base.regions, replicas: replicas.map((region) => ({ region })) },
  });
}

const model = (r: TableRequest) => buildModuleModel(r, { awsProviderMajor: 6 });

describe("moved blocks between revisions of a table (computeModuleMoves)", () => {
  it.each([
    {
      name: "removing one of two colliding indexes moves the other's resources to the plain label",
      before: ["by-status", "by_status"],
      after: ["by_status"],
      expected: [
        ["aws_appautoscaling_policy.index_by_status_", "aws_appautoscaling_policy.index_by_status_read"],
        ["aws_dynamodb_contributor_insights.index_by_status_", "aws_dynamodb_contributor_insights.index_by_status"],
      ],
    },
    {
      name: "adding an index whose name collides moves the existing one's resources to a hashed label",
      before: ["by-status"],
      after: ["by-status", "by.status"],
      expected: [
        ["aws_appautoscaling_target.index_by_status_read", "aws_appautoscaling_target.index_by_status_"],
        ["aws_dynamodb_contributor_insights.index_by_status", "aws_dynamodb_contributor_insights.index_by_status_"],
      ],
    },
    {
      name: "an unrelated index added moves nothing",
      before: ["by-status"],
      after: ["by-status", "by-sku"],
      expected: [],
    },
  ])("$name", ({ before, after, expected }) => {
    const { moves } = computeModuleMoves(model(variant(before)), model(variant(after)));
    if (expected.length === 0) expect(moves).toEqual([]);
    for (const [from, to] of expected) {
      expect(moves.some((m) => m.from.startsWith(from as string) && m.to.startsWith(to as string))).toBe(true);
    }
  });

  it("renders moved.tf only for a change with moved addresses, and the README lists them", () => {
    const previous = variant(["by-status", "by_status"]);
    const files = renderModule(variant(["by_status"]), { awsProviderMajor: 6, previousDefinition: previous });
    expect(files["moved.tf"]).toMatch(
      /moved \{\n {2}from = aws_dynamodb_contributor_insights\.index_by_status_[0-9a-f]{8}\n {2}to {3}= aws_dynamodb_contributor_insights\.index_by_status\n\}/,
    );
    expect(files["README.md"]).toContain("## Terraform safety");
    const same = renderModule(previous, { awsProviderMajor: 6, previousDefinition: previous });
    expect(same["moved.tf"]).toBeUndefined();
  });

  it("property: labels follow the set of indexes and Regions, never their order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...NAMES]), fc.shuffledSubarray([...REPLICAS]), (names, replicas) => {
        const a = listLabelledAddresses(model(variant(names, replicas)));
        const b = listLabelledAddresses(model(variant([...names].reverse(), [...replicas].reverse())));
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it("property: for any pair of revisions, the moves carry every kept resource to its new address and never onto an address the previous module used", () => {
    const revision = fc.record({ names: fc.subarray([...NAMES]), replicas: fc.subarray([...REPLICAS]) });
    fc.assert(
      fc.property(revision, revision, (one, two) => {
        const previous = model(variant(one.names, one.replicas));
        const next = model(variant(two.names, two.replicas));
        const { moves } = computeModuleMoves(previous, next);
        const before = listLabelledAddresses(previous);
        const after = listLabelledAddresses(next);
        const oldAddresses = new Set(before.values());
        const newAddresses = new Set(after.values());
        for (const move of moves) {
          expect(oldAddresses.has(move.to), `${move.to} was held before`).toBe(false);
          expect(newAddresses.has(move.from), `${move.from} is still used`).toBe(false);
        }
        const moved = new Map(moves.map((m) => [m.from, m.to]));
        for (const [identity, address] of before) {
          const now = after.get(identity);
          if (now !== undefined) expect(moved.get(address) ?? address).toBe(now);
        }
        expect(new Set(moves.map((m) => m.to)).size).toBe(moves.length);
      }),
      { numRuns: 80 },
    );
  });

  it("reports a replica switching from blocks to resources (on-demand to provisioned on provider 6) with its import", () => {
    const onDemand = TableRequestSchema.parse({
      ...variant([], ["eu-west-1"]),
      billing: { mode: "PAY_PER_REQUEST" },
      globalSecondaryIndexes: [],
    });
    const provisioned = variant([], ["eu-west-1"]);
    const forward = computeModuleMoves(model(onDemand), model(provisioned));
    expect(forward.replicaStyleSwitch).toMatchObject({ direction: "blocks-to-resources", regions: ["eu-west-1"] });
    const files = renderModule(provisioned, { awsProviderMajor: 6, previousDefinition: onDemand });
    expect(files["README.md"]).toContain(
      `terraform import aws_dynamodb_table_replica.eu_west_1 ${base.tableName}:${base.regions.primary}`,
    );
    const back = computeModuleMoves(model(provisioned), model(onDemand));
    expect(back.replicaStyleSwitch?.direction).toBe("resources-to-blocks");
  });
});

describe("prevent_destroy (tier policy preventDestroy)", () => {
  const prod = loadValidExamples().find((e) => e.name === "prod-with-gsis")?.request as TableRequest;
  it.each([
    { name: "tier asks: on", context: { preventDestroy: true }, protect: true },
    { name: "tier does not ask: off", context: { preventDestroy: false }, protect: false },
    {
      name: "a non-destructive change keeps it",
      context: { preventDestroy: true, previousDefinition: { ...prod, tags: { ...prod.tags, Extra: "x" } } },
      protect: true,
    },
  ])("$name", ({ context, protect }) => {
    const main = renderModule(prod, { awsProviderMajor: 6, ...context })["main.tf"] as string;
    expect(main.includes("prevent_destroy = true")).toBe(protect);
  });

  it("is lifted, and said so, in the revision of a destructive change (a new sort key replaces the table)", () => {
    const changed = TableRequestSchema.parse({ ...prod, sortKey: { name: "orderVersion", type: "N" } });
    const files = renderModule(changed, { awsProviderMajor: 6, preventDestroy: true, previousDefinition: prod });
    expect(files["main.tf"]).not.toContain("prevent_destroy = true");
    expect(files["main.tf"]).toContain("lifted for this revision only");
    expect(files["README.md"]).toContain("prevent_destroy is lifted for this revision only");
  });
});
