import { describe, expect, it } from "vitest";
import { deriveAttributeDefinitions, findAttributeTypeConflicts } from "./attributes";
import type { TableRequest } from "./schema";

type Keyed = Pick<TableRequest, "partitionKey" | "sortKey" | "globalSecondaryIndexes" | "localSecondaryIndexes">;
const projection = { type: "ALL" as const };

const request: Keyed = {
  partitionKey: { name: "PK", type: "S" },
  sortKey: { name: "SK", type: "S" },
  globalSecondaryIndexes: [
    {
      name: "g1",
      partitionKey: { name: "status", type: "S" },
      sortKey: { name: "createdAt", type: "N" },
      projection,
      contributorInsights: false,
    },
    {
      name: "g2",
      partitionKey: { name: "SK", type: "S" },
      sortKey: { name: "PK", type: "S" },
      projection,
      contributorInsights: false,
    },
  ],
  localSecondaryIndexes: [{ name: "l1", sortKey: { name: "createdAt", type: "N" }, projection }],
};

describe("deriveAttributeDefinitions", () => {
  it("lists each key attribute once, in order of first use", () => {
    expect(deriveAttributeDefinitions(request)).toEqual([
      { name: "PK", type: "S" },
      { name: "SK", type: "S" },
      { name: "status", type: "S" },
      { name: "createdAt", type: "N" },
    ]);
    expect(findAttributeTypeConflicts(request)).toEqual([]);
  });

  it("reports one name with two types, with every usage's path", () => {
    const conflicting: Keyed = {
      ...request,
      localSecondaryIndexes: [{ name: "l1", sortKey: { name: "createdAt", type: "S" }, projection }],
    };
    const [conflict] = findAttributeTypeConflicts(conflicting);
    expect(conflict?.name).toBe("createdAt");
    expect(conflict?.usages.map((u) => u.path)).toEqual([
      ["globalSecondaryIndexes", 0, "sortKey"],
      ["localSecondaryIndexes", 0, "sortKey"],
    ]);
  });
});
