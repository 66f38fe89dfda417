import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { DrPreview } from "@/lib/domain/dr/types";
import type { DriftOutcome } from "@/lib/domain/drift";
import type { OperationPlan } from "@/lib/domain/plan";
import type { TableRequest } from "@/lib/domain/request/schema";
import { canEditRequest, canSeeRequest } from "@/lib/domain/workflow";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { decodeRegions } from "./table-records";

/** Table ids are cuids; anything else is a 404 without a query. */
export function tableIdParam(value: string | undefined): string {
  if (!value || !/^[a-z0-9]{10,40}$/.test(value)) throw new AppError("NOT_FOUND", `no managed table "${value ?? ""}"`);
  return value;
}

/**
 * A managed table as its page and the API show it: the approved definition, live status, cost,
 * DR pattern, and the timeline of the change requests tied to it (newest first) with each one's
 * plan risk. A table of another team is reported exactly like a missing one (404).
 */
export async function getManagedTable(actor: Actor, id: string, db?: Db) {
  db ??= await getDb();
  const table = await db.managedTable.findUnique({
    where: { id },
    include: { team: { select: { slug: true, name: true } } },
  });
  if (!table || !canSeeRequest({ teamId: table.teamId }, actor)) {
    throw new AppError("NOT_FOUND", `managed table ${id} not found`);
  }
  const [requests, defining] = await Promise.all([
    db.changeRequest.findMany({
      where: { tableId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        key: true,
        title: true,
        status: true,
        risk: true,
        currentRevision: true,
        approvedRevision: true,
        importedTableJson: true,
        createdAt: true,
        decidedAt: true,
        requester: { select: { name: true, email: true } },
      },
    }),
    db.revision.findFirst({
      where: { number: table.definedByRevision, changeRequest: { key: table.definedByRequestKey } },
      select: { costJson: true, drJson: true, planJson: true },
    }),
  ]);
  const { definitionJson, regions, teamId, searchText, lastDriftOutcome, ...rest } = table;
  const outcome = lastDriftOutcome ? (JSON.parse(lastDriftOutcome) as DriftOutcome) : null;
  return {
    ...rest,
    lastDriftStatus: outcome?.status ?? null,
    /** The most serious class the last completed check found (null: in sync, or not kept then). */
    lastDriftWorst: outcome?.worst ?? null,
    regions: decodeRegions(regions),
    definition: JSON.parse(definitionJson) as TableRequest,
    estimate: defining ? (JSON.parse(defining.costJson) as CostEstimate) : null,
    drPreview: defining ? (JSON.parse(defining.drJson) as DrPreview) : null,
    /** The plan the defining revision was approved with. */
    lastPlan: defining?.planJson ? (JSON.parse(defining.planJson) as OperationPlan) : null,
    canChange: canEditRequest({ teamId }, actor),
    // The oldest request brought the table in (a create or an import); every later one changes it.
    history: requests.map(({ importedTableJson, ...r }, i) => ({
      ...r,
      kind: importedTableJson
        ? ("import" as const)
        : i === requests.length - 1
          ? ("create" as const)
          : ("change" as const),
      definesTable: r.key === table.definedByRequestKey,
    })),
  };
}

export type ManagedTableDetail = Awaited<ReturnType<typeof getManagedTable>>;

/** The table a "Change this table" form starts from, if the actor may change it. */
export async function loadTableForChange(actor: Actor, id: string, db?: Db) {
  const detail = await getManagedTable(actor, id, db);
  if (!detail.canChange) throw new AppError("FORBIDDEN", `only members of team ${detail.team.slug} may change it`);
  return detail;
}
