import { describe, expect, it } from "vitest";
import { findTableCollision } from "./find-table-collision";
import { recentChangesFromHistory } from "./recent-changes";

const tables = [
  { id: "t1", name: "orders-prod", regions: ["us-east-1", "eu-west-1"] },
  { id: "t2", name: "carts-dev", regions: ["eu-west-1"] },
];
const request = (tableName: string, primary: string, replicas: string[] = []) => ({
  tableName,
  regions: { primary, replicas: replicas.map((region) => ({ region })) },
});

describe("findTableCollision", () => {
  it.each([
    ["same name, same primary Region", request("carts-dev", "eu-west-1"), "t2"],
    [
      "same name, the request's replica is the table's Region",
      request("orders-prod", "ap-south-1", ["eu-west-1"]),
      "t1",
    ],
    ["same name, another Region", request("carts-dev", "us-east-1"), undefined],
    ["another name, same Region", request("carts-prod", "eu-west-1"), undefined],
  ] as const)("%s", (_, req, id) => {
    const found = findTableCollision(req as never, tables);
    if (!id) return expect(found).toBeUndefined();
    expect(found?.tableId).toBe(id);
    const issue = found?.issue;
    expect(issue).toMatchObject({ path: "tableName", code: "TABLE_ALREADY_MANAGED", severity: "error" });
    expect(issue?.message).toContain(`/tables/${id}`);
    expect(issue?.message).toContain("Change this table");
  });
});

const step = (...kinds: string[]) => ({ changes: kinds.map((kind) => ({ kind })) });

describe("recentChangesFromHistory", () => {
  it("files each approved change under its rate-limit window, once per change request", () => {
    const recent = recentChangesFromHistory([
      { at: "2026-12-01T10:00:00Z", plan: { steps: [step("BILLING_TO_ON_DEMAND", "TAGS_CHANGED")] } as never },
      {
        at: "2026-12-02T10:00:00Z",
        plan: { steps: [step("TTL_DISABLED_FOR_ATTRIBUTE_CHANGE"), step("TTL_ENABLED")] } as never,
      },
      {
        at: "2026-12-03T10:00:00Z",
        plan: { steps: [step("TABLE_CLASS_CHANGED"), step("ENCRYPTION_CHANGED")] } as never,
      },
      { at: "2026-12-04T10:00:00Z", plan: null },
    ]);
    expect(recent).toEqual({
      switchesToOnDemand: [{ at: "2026-12-01T10:00:00Z" }],
      tableClassChanges: [{ at: "2026-12-03T10:00:00Z" }],
      ttlChanges: [{ at: "2026-12-02T10:00:00Z" }],
      encryptionKeyChanges: [{ at: "2026-12-03T10:00:00Z" }],
      capacityDecreases: [],
    });
  });

  it("knows the windows are empty for a table without history (lists given, not unknown)", () => {
    expect(recentChangesFromHistory([]).switchesToOnDemand).toEqual([]);
  });
});
