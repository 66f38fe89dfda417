import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { fromStoredRequest, initialFormValues } from "./form-defaults";
import { toTableRequest } from "./to-table-request";

const blank = initialFormValues({ teams: ["checkout"], requesterEmail: "dev@example.com" }, DEFAULT_TIER_POLICY);

describe("fromStoredRequest (a draft saved with errors opens in the form)", () => {
  it.each([
    ["nothing", {}],
    ["not an object", 42],
    ["a table name only", { tableName: "carts" }],
    ["billing without capacity", { billing: { mode: "PROVISIONED" }, tableName: "x" }],
    ["wrong types", { tableName: 42, tier: "gold", regions: "us-east-1", globalSecondaryIndexes: [null, 3] }],
    ["a GSI without keys", { globalSecondaryIndexes: [{ name: "by-user" }] }],
  ])("opens %s", (_, stored) => {
    const values = fromStoredRequest(stored, blank);
    expect(typeof values.tableName).toBe("string");
    expect(["dev", "staging", "prod"]).toContain(values.tier);
    // And the form can always turn it back into a request to save.
    expect(() => toTableRequest(values)).not.toThrow();
  });

  it("keeps what a partial request does hold", () => {
    const values = fromStoredRequest({ tableName: "x", billing: { mode: "PROVISIONED" }, title: "t" }, blank);
    expect(values.tableName).toBe("x");
    expect(values.billing.mode).toBe("PROVISIONED");
  });

  it("never throws, whatever JSON it is given (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          // Request-shaped objects whose fields hold anything at all.
          fc.dictionary(
            fc.constantFrom(
              "owner",
              "tier",
              "tableName",
              "partitionKey",
              "sortKey",
              "globalSecondaryIndexes",
              "localSecondaryIndexes",
              "billing",
              "regions",
              "tags",
              "ttl",
              "stream",
              "backup",
              "alarms",
              "workload",
              "encryption",
              "pointInTimeRecovery",
            ),
            fc.jsonValue(),
          ),
        ),
        (stored) => {
          const values = fromStoredRequest(stored, blank);
          expect(() => toTableRequest(values)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
