import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { DrPreview } from "@/lib/domain/dr/types";
import {
  findTableCollision,
  recentChangesFromHistory,
  requestRegions,
  type TableLiveStatus,
} from "@/lib/domain/inventory";
import type { OperationPlan, PlanContext } from "@/lib/domain/plan";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { Tx } from "../audit";
import type { Db } from "../db";

/** ",a,b," so a `contains: ",a,"` filter matches whole Region names on SQLite and PostgreSQL. */
export const encodeRegions = (regions: readonly string[]) => `,${regions.join(",")},`;
export const decodeRegions = (encoded: string) => encoded.split(",").filter(Boolean);

/** The baseline a plan was computed against: the request revision that defined the table. */
export const baselineOf = (table: { definedByRequestKey: string; definedByRevision: number }) =>
  `${table.definedByRequestKey}@${table.definedByRevision}`;

/**
 * Refuses a new table request whose name and Region match a managed table (422 on `tableName`,
 * with the rule and the table's page, where "Change this table" starts a request tied to it).
 */
export async function assertTableNotManaged(
  db: Tx | Db,
  request: Pick<TableRequest, "tableName" | "regions">,
  options: { exceptTableId?: string } = {},
) {
  const candidates = await db.managedTable.findMany({
    where: { name: request.tableName },
    select: { id: true, name: true, regions: true },
  });
  const found = findTableCollision(
    request,
    candidates.filter((t) => t.id !== options.exceptTableId).map((t) => ({ ...t, regions: decodeRegions(t.regions) })),
  );
  if (found) {
    throw new AppError("VALIDATION_FAILED", found.issue.message, {
      issues: [found.issue],
      details: { tableId: found.tableId, changeThisTable: `/requests/new?table=${found.tableId}` },
    });
  }
}

/** What a revision's plan starts from: the live definition, the planner's context, and its baseline. */
export interface Planning {
  live: TableRequest | null;
  /**
   * The approved definition Terraform's state holds, when the plan starts from something else (a
   * revert plans from the drifted live table): the module's moved blocks are judged against it.
   */
  approved?: TableRequest;
  context: PlanContext;
  /** "TW-5@2": the request revision that defined the table; null for a create. */
  baseline: string | null;
  /** For people (the module README): what the plan was computed against. */
  against: string;
}

/**
 * What to plan a revision against: the managed table's approved definition when the request is
 * tied to one (with its size and item count, and the rate-limited changes of its recent history),
 * else nothing (a create). Read outside the write transaction; `assertPlanningCurrent` checks
 * inside it that no approval redefined the table meanwhile.
 */
export async function loadPlanning(db: Tx | Db, tableId: string | null, now = new Date()): Promise<Planning> {
  if (!tableId) return { live: null, context: {}, baseline: null, against: "nothing: the table does not exist yet" };
  const table = await db.managedTable.findUniqueOrThrow({ where: { id: tableId } });
  const approved = await db.changeRequest.findMany({
    where: { tableId, approvedRevision: { not: null }, decidedAt: { gte: new Date(now.getTime() - 31 * 86_400_000) } },
    select: { id: true, approvedRevision: true, decidedAt: true },
  });
  const plans = approved.length
    ? await db.revision.findMany({
        where: { OR: approved.map((a) => ({ changeRequestId: a.id, number: a.approvedRevision as number })) },
        select: { changeRequestId: true, planJson: true },
      })
    : [];
  const history = approved.map((a) => {
    const json = plans.find((p) => p.changeRequestId === a.id)?.planJson;
    return { at: (a.decidedAt ?? now).toISOString(), plan: json ? (JSON.parse(json) as OperationPlan) : null };
  });
  const context: PlanContext = {
    now: now.toISOString(),
    ...(table.sizeGb !== null ? { tableSizeGb: table.sizeGb } : {}),
    ...(table.itemCount !== null ? { itemCount: Math.round(table.itemCount) } : {}),
    recentChanges: recentChangesFromHistory(history),
  };
  return {
    live: JSON.parse(table.definitionJson) as TableRequest,
    context,
    baseline: baselineOf(table),
    against: `managed table ${table.name} (${table.primaryRegion}) as approved in ${table.definedByRequestKey} revision ${table.definedByRevision}`,
  };
}

/** Inside the write: the table still has the definition the plan started from (else 409, plan again). */
export async function assertPlanningCurrent(tx: Tx, tableId: string | null, planning: Planning) {
  if (!tableId || planning.baseline === null) return;
  const table = await tx.managedTable.findUniqueOrThrow({
    where: { id: tableId },
    select: { name: true, definedByRequestKey: true, definedByRevision: true },
  });
  if (baselineOf(table) !== planning.baseline) {
    throw new AppError("VERSION_CONFLICT", `${table.name} was redefined by another approval just now; save again`);
  }
}

/** The columns a managed table takes from the revision that defines it. */
export function tableColumnsFor(
  request: TableRequest,
  revision: { costJson: string; drJson: string },
  definedBy: { key: string; revision: number },
) {
  const estimate = JSON.parse(revision.costJson) as CostEstimate;
  const dr = JSON.parse(revision.drJson) as DrPreview;
  return {
    name: request.tableName,
    primaryRegion: request.regions.primary,
    regions: encodeRegions(requestRegions(request)),
    tier: request.tier,
    monthlyCostUsd: estimate.totalMonthlyUsd,
    drPattern: dr.pattern,
    definitionJson: JSON.stringify(request, null, 2),
    definedByRequestKey: definedBy.key,
    definedByRevision: definedBy.revision,
    searchText: [request.tableName, request.owner.team, request.owner.service, request.tier]
      .join(" ")
      .toLowerCase()
      .slice(0, 2000),
  };
}

export const AWAITING_APPLY: TableLiveStatus = "AWAITING_APPLY";

/**
 * The change-safety baseline of a request tied to a managed table (not an adoption, whose own
 * first revision is the baseline): the table's approved definition, what exists.
 */
export async function loadManagedBaseline(
  tx: Tx | Db,
  cr: { tableId: string | null; importedTableJson: string | null },
): Promise<{ tableId: string; definedBy: string; request: TableRequest } | undefined> {
  if (!cr.tableId || cr.importedTableJson) return undefined;
  const table = await tx.managedTable.findUnique({
    where: { id: cr.tableId },
    select: { id: true, definitionJson: true, definedByRequestKey: true, definedByRevision: true },
  });
  if (!table) return undefined;
  return {
    tableId: table.id,
    definedBy: baselineOf(table),
    request: JSON.parse(table.definitionJson) as TableRequest,
  };
}
