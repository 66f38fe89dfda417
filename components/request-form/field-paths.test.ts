import { describe, expect, it } from "vitest";
import { fieldId, toFormPath } from "./field-paths";

const values = {
  tags: [
    { key: "Team", value: "" },
    { key: "CostCenter", value: "" },
  ],
};

describe("toFormPath", () => {
  it.each([
    ["globalSecondaryIndexes[0].capacity.read.units", "", "globalSecondaryIndexes.0.read.units"],
    ["billing.onDemandThroughput.maxReadRequestUnits", "", "billing.maxReadRequestUnits"],
    ["request.tableName", "", "tableName"],
    ["warmThroughput.readUnitsPerSecond", "WARM_THROUGHPUT_READ_BELOW_MINIMUM", "warmThroughput.readUnitsPerSecond"],
    [
      "globalSecondaryIndexes[1].warmThroughput.writeUnitsPerSecond",
      "WARM_THROUGHPUT_WRITE_BELOW_MINIMUM",
      "globalSecondaryIndexes.1.warmThroughput.writeUnitsPerSecond",
    ],
    ["tags.CostCenter", "POLICY_MANDATORY_TAG_MISSING", "tags.1.value"],
    ["tags.CostCenter", "TAG_KEY_CHARACTERS", "tags.1.key"],
    [
      "globalSecondaryIndexes[1].projection.nonKeyAttributes[3]",
      "",
      "globalSecondaryIndexes.1.projection.nonKeyAttributes",
    ],
    // An unknown field has no control: the finding goes to the object that holds it.
    ["billingMode", "SCHEMA_UNKNOWN_FIELD", ""],
    ["regions.replicas[0].colour", "SCHEMA_UNKNOWN_FIELD", "regions.replicas.0"],
  ])("%s (%s) -> %s", (path, code, expected) => {
    expect(toFormPath(path, values, code)).toBe(expected);
  });

  it("gives each form field a DOM id", () => {
    expect(fieldId("globalSecondaryIndexes.0.name")).toBe("field-globalSecondaryIndexes-0-name");
  });
});
