import { describe, expect, it } from "vitest";
import { type TableRequestInput, TableRequestSchema } from "../request/schema";
import { findIgnoredGsiChanges, ignoresGsiChanges } from "./ignored-gsi-changes";

/**
 * Issue 18, defect 5. With autoscaled GSIs the module puts `global_secondary_index` in the table's
 * ignore_changes (the provider cannot ignore one index's capacity), so a later index edit would
 * never apply. The provider's answer, aws_dynamodb_global_secondary_index (6.28.0, CHANGELOG
 * #44999), is experimental: it needs TF_AWS_EXPERIMENT_dynamodb_global_secondary_index, is outside
 * the provider's compatibility guarantee, and must not be mixed with the table's GSI blocks
 * (website/docs/r/dynamodb_global_secondary_index.html.markdown). So such edits are refused.
 */

const scaled = { units: 5, autoscaling: { minCapacity: 5, maxCapacity: 50, targetUtilization: 70 } };
const index = (name: string, patch: Record<string, unknown> = {}) => ({
  name,
  partitionKey: { name: `${name}Key`, type: "S" as const },
  projection: { type: "ALL" as const },
  capacity: { read: scaled, write: scaled },
  ...patch,
});
const table = (
  gsis: unknown[],
  billing: TableRequestInput["billing"] = { mode: "PROVISIONED", read: scaled, write: scaled },
) =>
  TableRequestSchema.parse({
    owner: { team: "t", service: "s", requester: "r", costCenter: "c" },
    tier: "prod",
    tableName: "orders",
    partitionKey: { name: "pk", type: "S" },
    billing,
    globalSecondaryIndexes: gsis,
    regions: { primary: "us-east-1" },
  });

describe("findIgnoredGsiChanges", () => {
  const before = table([index("a"), index("b")]);

  it("refuses adding, removing and reshaping an index when the GSIs autoscale, saying what to do", () => {
    const after = table([index("a", { projection: { type: "KEYS_ONLY" } }), index("c")]);
    const issues = findIgnoredGsiChanges(before, after);
    expect(issues.map((i) => [i.code, i.path, i.severity])).toEqual([
      ["GSI_CHANGE_IGNORED_BY_AUTOSCALING", "globalSecondaryIndexes[0]", "error"],
      ["GSI_CHANGE_IGNORED_BY_AUTOSCALING", "globalSecondaryIndexes[1]", "error"],
      ["GSI_CHANGE_IGNORED_BY_AUTOSCALING", "globalSecondaryIndexes", "error"],
    ]);
    expect(issues[0]?.message).toMatch(/without GSI autoscaling/);
    expect(issues[2]?.message).toMatch(/Removing index b/);
  });

  it("accepts changes the module does apply: autoscaling ranges, and units an autoscaler owns", () => {
    const wider = { units: 9, autoscaling: { minCapacity: 1, maxCapacity: 500, targetUtilization: 50 } };
    const after = table([index("a", { capacity: { read: wider, write: scaled } }), index("b")]);
    expect(findIgnoredGsiChanges(before, after)).toEqual([]);
  });

  it("accepts the two-step way out: a revision without GSI autoscaling may change the indexes", () => {
    const fixed = { read: { units: 5 }, write: { units: 5 } };
    const after = table([index("a", { capacity: fixed }), index("c", { capacity: fixed })]);
    expect(ignoresGsiChanges(after)).toBe(false);
    expect(findIgnoredGsiChanges(before, after)).toEqual([]);
  });

  it("refuses a new warm throughput on an index whose block the module ignores, but not leaving it out", () => {
    const warm = { warmThroughput: { readUnitsPerSecond: 20_000 } };
    const raised = findIgnoredGsiChanges(before, table([index("a", warm), index("b")]));
    expect(raised.map((i) => [i.code, i.path])).toEqual([
      ["GSI_CHANGE_IGNORED_BY_AUTOSCALING", "globalSecondaryIndexes[0]"],
    ]);
    expect(raised[0]?.message).toContain("warm throughput");
    expect(findIgnoredGsiChanges(table([index("a", warm), index("b")]), before)).toEqual([]);
  });

  it("does nothing for on-demand tables", () => {
    const od = (names: string[]) =>
      table(
        names.map((n) => ({ ...index(n), capacity: undefined })),
        { mode: "PAY_PER_REQUEST" },
      );
    expect(findIgnoredGsiChanges(od(["a"]), od(["a", "b"]))).toEqual([]);
  });
});
