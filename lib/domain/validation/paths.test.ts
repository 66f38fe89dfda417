import { describe, expect, it } from "vitest";
import { formatIssuePath, parseIssuePath } from "./paths";

describe("formatIssuePath", () => {
  it.each([
    [[], ""],
    [["tableName"], "tableName"],
    [
      ["globalSecondaryIndexes", 2, "projection", "nonKeyAttributes"],
      "globalSecondaryIndexes[2].projection.nonKeyAttributes",
    ],
    [["tags", "cost center"], 'tags["cost center"]'],
    [["tags", 'a"b'], 'tags["a\\"b"]'],
    [["tags", "aws:x", "y"], 'tags["aws:x"].y'],
  ] as [PropertyKey[], string][])("%j → %s", (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
    expect(parseIssuePath(text)).toEqual(path);
  });

  it("rejects malformed paths", () => {
    expect(parseIssuePath("a..b")).toBeUndefined();
    expect(parseIssuePath("a[x]")).toBeUndefined();
  });
});
