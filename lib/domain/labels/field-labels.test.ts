import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffJson } from "../diff/diff-json";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { formatRequestValue, labelRequestPath } from "./field-labels";

const request: TableRequest = TableRequestSchema.parse(
  JSON.parse(readFileSync("examples/requests/valid/prod-with-gsis.json", "utf8")),
);
const gsi = request.globalSecondaryIndexes[1]?.name as string;

describe("labelRequestPath", () => {
  it.each([
    ["billing.mode", "Billing mode"],
    ["pointInTimeRecovery.enabled", "Point-in-time recovery (PITR)"],
    ["pointInTimeRecovery.recoveryPeriodInDays", "PITR recovery period (days)"],
    ["owner.costCenter", "Owner › Cost centre"],
    ["tags.Team", "Tag “Team”"],
    ['tags["cost center"]', "Tag “cost center”"],
    ["request.tableName", "Table name"],
    ["regions.replicas[0].role", "Replica 1 › Role"],
    ["globalSecondaryIndexes[4].projection.type", "GSI 5 › Projection type"],
    ["warmThroughput.readUnitsPerSecond", "Warm throughput › Read units per second"],
    ["someFutureField", "Some future field"],
  ])("%s reads %s", (path, label) => {
    expect(labelRequestPath(path)).toBe(label);
  });

  it("names indexes and replicas by what the requests call them", () => {
    expect(labelRequestPath("globalSecondaryIndexes[1].projection.type", { after: request })).toBe(
      `Index ${gsi} (GSI 2) › Projection type`,
    );
  });

  it("no label of any field of an example shows a raw path: no brackets, dots or camelCase", () => {
    for (const change of diffJson({}, request)) {
      const label = labelRequestPath(change.path, { after: request });
      expect(label, change.path).not.toMatch(/[[\]]|\.\w|[a-z][A-Z]/);
    }
  });
});

describe("formatRequestValue", () => {
  it.each([
    [true, "on"],
    [false, "off"],
    [undefined, "not set"],
    [25000, "25,000"],
    ["KEYS_ONLY", "Keys only"],
    ["PAY_PER_REQUEST", "On-demand"],
    [["a", "b"], "a, b"],
    [{ type: "INCLUDE", nonKeyAttributes: ["total"] }, "type Include listed attributes; projected attributes total"],
  ])("%j reads %s", (value, text) => {
    expect(formatRequestValue(value)).toBe(text);
  });
});
