import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { assessChangeSafety, flagChangeSafety } from "./change-safety";
import { diffRevisions } from "./diff-revisions";

const base: TableRequest = TableRequestSchema.parse(
  JSON.parse(readFileSync("examples/requests/valid/active-passive-standby.json", "utf8")),
);
const edit = (fn: (r: TableRequest) => void): TableRequest => {
  const copy = structuredClone(base);
  fn(copy);
  return copy;
};
const codes = (after: TableRequest) => flagChangeSafety(base, after).map((f) => f.code);

describe("flagChangeSafety", () => {
  it("flags nothing when nothing that matters changed", () => {
    expect(codes(edit((r) => (r.tags.Owner = "someone")))).toEqual([]);
  });

  it.each([
    ["TABLE_RENAMED", (r: TableRequest) => (r.tableName = "invoices-v2")],
    ["TABLE_KEY_CHANGED", (r: TableRequest) => (r.partitionKey = { name: "id", type: "S" })],
    ["TABLE_KEY_CHANGED", (r: TableRequest) => (r.sortKey = { name: "version", type: "N" })],
    [
      "LSI_CHANGED",
      (r: TableRequest) => {
        r.sortKey = { name: "v", type: "N" };
        r.localSecondaryIndexes = [{ name: "by-date", sortKey: { name: "d", type: "S" }, projection: { type: "ALL" } }];
      },
    ],
    ["CONSISTENCY_MODE_CHANGED", (r: TableRequest) => (r.regions.consistency = "STRONG")],
  ])("%s is a replacement", (code, fn) => {
    const flags = flagChangeSafety(base, edit(fn));
    expect(flags.find((f) => f.code === code)?.kind).toBe("replacement");
  });

  it("flags a lower warm throughput as a replacement, and neither a raise nor leaving it out", () => {
    const warm = TableRequestSchema.parse({ ...base, warmThroughput: { readUnitsPerSecond: 30_000 } });
    const lower = { ...warm, warmThroughput: { readUnitsPerSecond: 20_000 } };
    expect(flagChangeSafety(warm, lower).map((f) => [f.code, f.kind])).toEqual([
      ["WARM_THROUGHPUT_DECREASED", "replacement"],
    ]);
    expect(flagChangeSafety(warm, { ...warm, warmThroughput: { readUnitsPerSecond: 40_000 } })).toEqual([]);
    expect(flagChangeSafety(warm, { ...warm, warmThroughput: undefined })).toEqual([]);
  });

  it("flags a GSI whose keys change as rebuilt, and all of them as ALL_GSIS_RECREATED", () => {
    const after = edit((r) => {
      (r.globalSecondaryIndexes[0] as { partitionKey: { name: string } }).partitionKey.name = "accountId";
    });
    expect(codes(after)).toEqual(["GSI_RECREATED", "ALL_GSIS_RECREATED"]);
  });

  it("flags added and removed indexes", () => {
    expect(codes(edit((r) => (r.globalSecondaryIndexes = [])))).toEqual(["GSI_REMOVED", "ALL_GSIS_RECREATED"]);
    const added = edit((r) =>
      r.globalSecondaryIndexes.push({
        name: "by-status",
        partitionKey: { name: "status", type: "S" },
        projection: { type: "KEYS_ONLY" },
        contributorInsights: false,
      }),
    );
    expect(codes(added)).toEqual(["GSI_ADDED"]);
  });

  it.each([
    ["PITR_DISABLED", (r: TableRequest) => (r.pointInTimeRecovery.enabled = false)],
    ["PITR_PERIOD_SHORTENED", (r: TableRequest) => (r.pointInTimeRecovery.recoveryPeriodInDays = 7)],
    ["DELETION_PROTECTION_DISABLED", (r: TableRequest) => (r.deletionProtection = false)],
    ["REGIONS_REMOVED", (r: TableRequest) => (r.regions.replicas = [])],
  ])("%s lowers protection", (code, fn) => {
    const flags = flagChangeSafety(base, edit(fn));
    expect(flags.find((f) => f.code === code)?.kind).toBe("protection");
  });
});

describe("diffRevisions", () => {
  it("lists changed request fields and gives a unified diff per changed file", () => {
    const after = edit((r) => (r.pointInTimeRecovery.recoveryPeriodInDays = 14));
    const diff = diffRevisions(
      { number: 1, request: base, files: { "main.tf": "a = 1\nb = 35\n", "README.md": "same\n" } },
      { number: 2, request: after, files: { "main.tf": "a = 1\nb = 14\n", "README.md": "same\n", "new.tf": "x\n" } },
    );
    expect(diff.fieldChanges).toEqual([
      { label: "PITR recovery period (days)", path: "pointInTimeRecovery.recoveryPeriodInDays", before: 35, after: 14 },
    ]);
    expect(diff.fileDiffs.map((f) => [f.path, f.status])).toEqual([
      ["main.tf", "modified"],
      ["new.tf", "added"],
    ]);
    expect(diff.fileDiffs[0]?.patch).toContain("-b = 35\n+b = 14");
    expect(diff.flags.map((f) => f.code)).toEqual(["PITR_PERIOD_SHORTENED"]);
  });
});

describe("assessChangeSafety: against what is or will be live", () => {
  const rebuilt = edit((r) => {
    const gsi = r.globalSecondaryIndexes[0];
    if (gsi) gsi.projection = { type: "KEYS_ONLY" };
  });

  it("before any approval a new table is not created yet: no flags, even when revision 2 changes an index of revision 1", () => {
    // The false alarm of the issue: revision 1 was never approved, so there is no index to rebuild.
    expect(flagChangeSafety(base, rebuilt).map((f) => f.kind)).toContain("rebuild");
    const safety = assessChangeSafety({ current: { number: 2, request: rebuilt } });
    expect(safety).toEqual({ baseline: { kind: "none" }, revision: 2, flags: [] });
  });

  it("measures against the last approved revision when there is one", () => {
    const safety = assessChangeSafety({
      current: { number: 3, request: rebuilt },
      approved: { number: 1, request: base },
    });
    expect(safety.baseline).toEqual({ kind: "approved", revision: 1 });
    expect(safety.flags.map((f) => f.code)).toEqual(["GSI_RECREATED", "ALL_GSIS_RECREATED"]);
  });

  it("an adopted table is measured against the table as imported (it exists before any approval)", () => {
    const safety = assessChangeSafety({
      current: { number: 2, request: rebuilt },
      imported: { number: 1, request: base },
    });
    expect(safety.baseline).toEqual({ kind: "imported", revision: 1 });
    expect(safety.flags.map((f) => f.code)).toContain("GSI_RECREATED");
  });

  it("the approved revision wins over the imported one", () => {
    const safety = assessChangeSafety({
      current: { number: 2, request: rebuilt },
      approved: { number: 2, request: rebuilt },
      imported: { number: 1, request: base },
    });
    expect(safety).toEqual({ baseline: { kind: "approved", revision: 2 }, revision: 2, flags: [] });
  });
});
