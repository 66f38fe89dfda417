import { describe, expect, it } from "vitest";
import type { LocalSecondaryIndex } from "../request/schema";
import { changed, globalTable, onDemandTable } from "./__fixtures__/tables";
import { diffDefinitions, fromDefinitionShape, toDefinitionShape } from "./definition-diff";

describe("diffDefinitions", () => {
  it("names indexes, replicas and tags by key, in brackets", () => {
    const live = globalTable();
    const requested = changed(live, (r) => {
      r.tags["Cost Center"] = "CC-1";
      r.regions.replicas = r.regions.replicas.filter((x) => x.region !== "eu-west-1");
      r.globalSecondaryIndexes.push({
        name: "by-user",
        partitionKey: { name: "userId", type: "S" },
        projection: { type: "KEYS_ONLY" },
        contributorInsights: false,
      });
    });
    expect(diffDefinitions(live, requested).map((l) => l.path)).toEqual([
      'globalSecondaryIndexes["by-user"]',
      'tags["Cost Center"]',
      'regions.replicas["eu-west-1"]',
    ]);
  });

  it("treats a GSI's non-key attributes as a set but an LSI's as an ordered list (ForceNew in the provider)", () => {
    const live = changed(onDemandTable(), (r) => {
      r.localSecondaryIndexes = [
        {
          name: "by-date",
          sortKey: { name: "d", type: "S" },
          projection: { type: "INCLUDE", nonKeyAttributes: ["a", "b"] },
        },
      ];
    });
    const reordered = changed(live, (r) => {
      r.globalSecondaryIndexes[0]?.projection.nonKeyAttributes?.reverse();
      (r.localSecondaryIndexes[0] as LocalSecondaryIndex).projection.nonKeyAttributes = ["b", "a"];
    });
    expect(diffDefinitions(live, reordered).map((l) => l.path)).toEqual([
      'localSecondaryIndexes["by-date"].projection.nonKeyAttributes',
    ]);
  });

  it("round-trips a definition through its keyed shape, keeping the hinted order", () => {
    const request = globalTable();
    expect(fromDefinitionShape(toDefinitionShape(request), [request])).toEqual(request);
  });
});
