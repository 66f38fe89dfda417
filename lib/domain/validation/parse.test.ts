import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { MAX_REQUEST_BYTES, MAX_REQUEST_DEPTH } from "./input-limits";
import { parseTableRequest } from "./parse";
import { devRequest, typicalRequest } from "./test-support";
import { validateTableRequest } from "./validate-table-request";
import { MAX_SCHEMA_ISSUES } from "./zod-issues";

const codes = (input: unknown) =>
  validateTableRequest(input, DEFAULT_TIER_POLICY).issues.map((i) => `${i.code}@${i.path}`);

describe("shape findings from zod", () => {
  it.each([
    ["not an object", null, "SCHEMA_INVALID_TYPE@"],
    ["a string", "table", "SCHEMA_INVALID_TYPE@"],
    ["an array", [], "SCHEMA_INVALID_TYPE@"],
  ])("%s", (_name, input, expected) => {
    expect(codes(input)).toEqual([expected]);
  });

  it("names missing fields, wrong types, bad enums and unknown fields by path", () => {
    const r = typicalRequest();
    delete r.owner.team;
    r.deletionProtection = "yes";
    r.regions.primary = "mars-north-1";
    r.globalSecondaryIndexes[1].projection.typo = 1;
    r.billing = { mode: "FREE" };
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        "SCHEMA_REQUIRED@owner.team",
        "SCHEMA_INVALID_TYPE@deletionProtection",
        "SCHEMA_INVALID_VALUE@regions.primary",
        "SCHEMA_UNKNOWN_FIELD@globalSecondaryIndexes[1].projection.typo",
        "SCHEMA_INVALID_VALUE@billing.mode",
      ]),
    );
  });

  it("reports a missing billing mode as required", () => {
    const r = typicalRequest();
    r.billing = {};
    expect(codes(r)).toContain("SCHEMA_REQUIRED@billing.mode");
  });

  it("reports abuse caps as SCHEMA_TOO_BIG", () => {
    const r = devRequest();
    r.globalSecondaryIndexes = Array.from({ length: 101 }, (_, i) => ({
      name: `g${i}`,
      partitionKey: { name: "a", type: "S" },
      projection: { type: "ALL" },
    }));
    expect(codes(r)).toContain("SCHEMA_TOO_BIG@globalSecondaryIndexes");
  });

  it("caps the list of shape problems", () => {
    const r = devRequest();
    for (let i = 0; i < 300; i++) r[`unknown${i}`] = i;
    const issues = validateTableRequest(r, DEFAULT_TIER_POLICY).issues;
    expect(issues).toHaveLength(MAX_SCHEMA_ISSUES + 1);
    expect(issues.at(-1)?.code).toBe("SCHEMA_TOO_MANY_ISSUES");
  });

  it("parseTableRequest applies defaults and never runs the rules", () => {
    const parsed = parseTableRequest({ ...devRequest(), tableName: "x" });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.request.localSecondaryIndexes).toEqual([]);
  });
});

describe("size limits before zod", () => {
  it("refuses a 10 MB string quickly with INPUT_TOO_LARGE", () => {
    const r = devRequest();
    r.tableName = "x".repeat(10 * 1024 * 1024);
    const start = performance.now();
    expect(codes(r)).toEqual(["INPUT_TOO_LARGE@"]);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it("refuses a huge array with INPUT_TOO_LARGE", () => {
    const r = devRequest();
    r.tags = Array.from({ length: 2_000_000 }, () => 0);
    expect(codes(r)).toEqual(["INPUT_TOO_LARGE@"]);
  });

  it("accepts a request just under the byte limit up to zod's caps", () => {
    const r = devRequest();
    r.owner.purpose = "p".repeat(MAX_REQUEST_BYTES / 2);
    expect(codes(r)).toEqual(["SCHEMA_TOO_BIG@owner.purpose"]);
  });

  it(`refuses nesting deeper than ${MAX_REQUEST_DEPTH} levels without recursion`, () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(codes(deep)).toEqual(["INPUT_TOO_DEEP@"]);
    const r = devRequest();
    let nested: Record<string, unknown> = {};
    r.extra = nested;
    for (let i = 0; i < MAX_REQUEST_DEPTH; i++) {
      nested.a = {};
      nested = nested.a as Record<string, unknown>;
    }
    expect(codes(r)).toEqual(["INPUT_TOO_DEEP@"]);
  });

  it("survives a cyclic object from a JavaScript caller", () => {
    const r = devRequest();
    r.self = r;
    expect(codes(r)).toEqual(["INPUT_TOO_DEEP@"]);
  });
});
