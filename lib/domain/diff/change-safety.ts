import type { GlobalSecondaryIndex, TableRequest } from "../request/schema";

export type ChangeFlagKind = "replacement" | "rebuild" | "protection";

export interface ChangeFlag {
  code: string;
  kind: ChangeFlagKind;
  path: string;
  message: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The shape of a GSI that DynamoDB cannot change in place: keys and projection. */
const gsiShape = (g: GlobalSecondaryIndex) => ({ pk: g.partitionKey, sk: g.sortKey, projection: g.projection });

const lowersWarmThroughput = (before: TableRequest["warmThroughput"], after: TableRequest["warmThroughput"]) =>
  !!before &&
  !!after &&
  (["readUnitsPerSecond", "writeUnitsPerSecond"] as const).some((side) => {
    const b = before[side];
    const a = after[side];
    return b !== undefined && a !== undefined && a < b;
  });

/**
 * Flags changes a reviewer must not miss: those that make Terraform replace the table (and lose its
 * data), rebuild indexes, or lower the table's protection.
 */
export function flagChangeSafety(before: TableRequest, after: TableRequest): ChangeFlag[] {
  const flags: ChangeFlag[] = [];
  const flag = (code: string, kind: ChangeFlagKind, path: string, message: string) =>
    flags.push({ code, kind, path, message });

  if (before.tableName !== after.tableName) {
    flag(
      "TABLE_RENAMED",
      "replacement",
      "tableName",
      `renaming ${before.tableName} to ${after.tableName} creates a new, empty table and destroys the old one`,
    );
  }
  if (!same(before.partitionKey, after.partitionKey) || !same(before.sortKey, after.sortKey)) {
    flag(
      "TABLE_KEY_CHANGED",
      "replacement",
      before.sortKey !== after.sortKey && same(before.partitionKey, after.partitionKey) ? "sortKey" : "partitionKey",
      "changing the table's key schema replaces the table: all items are lost unless migrated",
    );
  }
  if (!same(before.localSecondaryIndexes, after.localSecondaryIndexes)) {
    flag(
      "LSI_CHANGED",
      "replacement",
      "localSecondaryIndexes",
      "local secondary indexes can only be defined at creation: any change replaces the table",
    );
  }
  if (before.regions.consistency !== after.regions.consistency) {
    flag(
      "CONSISTENCY_MODE_CHANGED",
      "replacement",
      "regions.consistency",
      `multi-Region consistency is fixed at creation: ${before.regions.consistency} to ${after.regions.consistency} replaces the global table`,
    );
  }

  // [DG] warm-throughput: DynamoDB never lowers warm throughput; [TF] table.go replaces the table
  // for a lower value (ForceNewIfChange) until hashicorp/terraform-provider-aws#49032.
  if (lowersWarmThroughput(before.warmThroughput, after.warmThroughput)) {
    flag(
      "WARM_THROUGHPUT_DECREASED",
      "replacement",
      "warmThroughput",
      "warm throughput cannot be lowered: DynamoDB refuses it, and providers before the fix for it replace the table (all items lost); keep the live value",
    );
  }

  const beforeGsis = new Map(before.globalSecondaryIndexes.map((g) => [g.name, g]));
  const afterGsis = new Map(after.globalSecondaryIndexes.map((g) => [g.name, g]));
  let recreated = 0;
  for (const [name, old] of beforeGsis) {
    const next = afterGsis.get(name);
    if (!next) {
      flag(
        "GSI_REMOVED",
        "rebuild",
        "globalSecondaryIndexes",
        `index ${name} is deleted; queries that use it will fail`,
      );
      recreated++;
    } else if (!same(gsiShape(old), gsiShape(next))) {
      flag(
        "GSI_RECREATED",
        "rebuild",
        `globalSecondaryIndexes[${after.globalSecondaryIndexes.indexOf(next)}]`,
        `index ${name} changes keys or projection: it is deleted and rebuilt (backfilled), unavailable meanwhile`,
      );
      recreated++;
    }
  }
  for (const name of afterGsis.keys()) {
    if (!beforeGsis.has(name)) {
      flag(
        "GSI_ADDED",
        "rebuild",
        "globalSecondaryIndexes",
        `index ${name} is created and backfilled; only one index can be created per update`,
      );
    }
  }
  if (beforeGsis.size > 0 && recreated === beforeGsis.size) {
    flag("ALL_GSIS_RECREATED", "rebuild", "globalSecondaryIndexes", "every existing index is deleted or rebuilt");
  }

  if (before.pointInTimeRecovery.enabled && !after.pointInTimeRecovery.enabled) {
    flag(
      "PITR_DISABLED",
      "protection",
      "pointInTimeRecovery.enabled",
      "point-in-time recovery is turned off: the restore window is lost (re-enabling starts a new one)",
    );
  } else if (
    after.pointInTimeRecovery.enabled &&
    after.pointInTimeRecovery.recoveryPeriodInDays < before.pointInTimeRecovery.recoveryPeriodInDays
  ) {
    flag(
      "PITR_PERIOD_SHORTENED",
      "protection",
      "pointInTimeRecovery.recoveryPeriodInDays",
      `the recovery period shrinks from ${before.pointInTimeRecovery.recoveryPeriodInDays} to ${after.pointInTimeRecovery.recoveryPeriodInDays} days`,
    );
  }
  if (before.deletionProtection && !after.deletionProtection) {
    flag("DELETION_PROTECTION_DISABLED", "protection", "deletionProtection", "deletion protection is turned off");
  }
  const beforeRegions = new Set([before.regions.primary, ...before.regions.replicas.map((r) => r.region)]);
  const afterRegions = new Set([after.regions.primary, ...after.regions.replicas.map((r) => r.region)]);
  const dropped = [...beforeRegions].filter((r) => !afterRegions.has(r));
  if (dropped.length > 0) {
    flag(
      "REGIONS_REMOVED",
      "protection",
      "regions.replicas",
      `the table leaves ${dropped.join(", ")}: the replica and its data there are deleted`,
    );
  }
  if (before.backup?.enabled && !after.backup?.enabled) {
    flag("BACKUP_DISABLED", "protection", "backup.enabled", "AWS Backup plan is removed");
  } else if (before.backup?.copyRegion && after.backup?.enabled && !after.backup.copyRegion) {
    flag("BACKUP_COPY_REMOVED", "protection", "backup.copyRegion", "backups are no longer copied to another Region");
  }
  return flags;
}

/** What the change-safety flags were measured against: the live (or soon live) table, if any. */
export type ChangeSafetyBaseline =
  /** The last approved revision: what is, or will be, applied. */
  | { kind: "approved"; revision: number }
  /** An adopted table: the first revision mirrors the table as it exists in AWS. */
  | { kind: "imported"; revision: number }
  /** A change to a managed table: the table's approved definition (request `definedBy`, e.g. "TW-5@2"). */
  | { kind: "managed"; tableId: string; definedBy: string }
  /** No revision was approved and nothing was imported: no table exists yet. */
  | { kind: "none" };

export interface ChangeSafety {
  baseline: ChangeSafetyBaseline;
  /** The revision assessed (the current one). */
  revision: number;
  flags: ChangeFlag[];
}

export interface ChangeSafetyInput {
  current: { number: number; request: TableRequest };
  /** The last approved revision, when there is one. */
  approved?: { number: number; request: TableRequest };
  /** For an adopted table, the revision that describes the table as it was read from AWS. */
  imported?: { number: number; request: TableRequest };
  /** For a change to a managed table, the table's approved definition (what exists). */
  managed?: { tableId: string; definedBy: string; request: TableRequest };
}

/**
 * Change-safety flags against what is (or will be) live, never against an earlier draft: a
 * replacement or an index rebuild needs a table to replace. Before any approval, a new table has
 * nothing live, so there are no flags and the baseline says so ("not created yet"); an adopted
 * table is measured against the table as imported.
 */
export function assessChangeSafety(input: ChangeSafetyInput): ChangeSafety {
  const { current, approved, imported, managed } = input;
  const base = approved
    ? { baseline: { kind: "approved", revision: approved.number } as const, request: approved.request }
    : managed
      ? {
          baseline: { kind: "managed", tableId: managed.tableId, definedBy: managed.definedBy } as const,
          request: managed.request,
        }
      : imported
        ? { baseline: { kind: "imported", revision: imported.number } as const, request: imported.request }
        : undefined;
  if (!base) return { baseline: { kind: "none" }, revision: current.number, flags: [] };
  return { baseline: base.baseline, revision: current.number, flags: flagChangeSafety(base.request, current.request) };
}
