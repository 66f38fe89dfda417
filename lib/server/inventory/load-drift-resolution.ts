import "server-only";
import { type DynamoDbApi, type LiveCheckStatus, readImpliedTableRequest } from "@/lib/aws";
import { AppError } from "@/lib/domain/app-error";
import { adoptLiveDefinition } from "@/lib/domain/drift";
import { type OperationPlan, type PlanContext, planTableChange } from "@/lib/domain/plan";
import { type TableRequest, TableRequestSchema } from "@/lib/domain/request/schema";
import { findAccountTarget } from "../accounts";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { loadTierPolicy } from "../policy";
import { loadTableForChange } from "./get-managed-table";
import { loadPlanning, type Planning } from "./table-records";

/** "adopt": make the approved definition what AWS has; "revert": re-apply the approved definition. */
export type DriftResolutionKind = "adopt" | "revert";

export const isDriftResolutionKind = (value: unknown): value is DriftResolutionKind =>
  value === "adopt" || value === "revert";

export type DriftResolution =
  | {
      ok: true;
      kind: DriftResolutionKind;
      table: { id: string; name: string };
      /** What the form starts from: the live table (adopt) or the approved definition (revert). */
      request: TableRequest;
      /** What the plan goes from: the approved definition (adopt) or the live table (revert). */
      planFrom: { live: TableRequest; context: PlanContext; against: string };
      /** The operation plan of the pre-filled request, as the form shows it before any edit. */
      plan: OperationPlan;
      /** What the import path could not read or had to guess. */
      notes: string[];
    }
  | {
      ok: false;
      kind: DriftResolutionKind;
      table: { id: string; name: string };
      reason: "off" | "unavailable" | "not-found" | "unreadable";
      message: string;
    };

/** Where the live read goes: tests and callers that already hold a client pass one. */
export interface LiveReadOptions {
  api?: DynamoDbApi;
  status?: LiveCheckStatus;
}

type LiveRead =
  | { ok: true; approved: TableRequest; live: TableRequest; notes: string[] }
  | { ok: false; reason: "off" | "unavailable" | "not-found" | "unreadable"; message: string };

/**
 * The live table as a request (through the import path, in the team/tier's account), with what
 * AWS cannot describe kept from the approved definition. AWS trouble is a result, never a throw.
 */
async function readLiveDefinition(
  table: Awaited<ReturnType<typeof loadTableForChange>>,
  db: Db,
  options: LiveReadOptions,
): Promise<LiveRead> {
  const approved = table.definition;
  const accountTarget = await findAccountTarget({ team: approved.owner.team, tier: approved.tier }, db);
  const implied = await readImpliedTableRequest(
    { team: approved.owner.team, tier: approved.tier, region: table.primaryRegion, tableName: table.name },
    {
      ...(options.api ? { api: options.api } : {}),
      ...(options.status ? { status: options.status } : {}),
      accountTarget,
      policy: loadTierPolicy(),
    },
  );
  if (!implied.ok) {
    const message =
      implied.reason === "off"
        ? `${table.name} cannot be read from AWS: ${implied.message.replace(/\.$/, "")}`
        : implied.reason === "not-found"
          ? `AWS has ${implied.message} (the table may have been deleted)`
          : `AWS could not be reached to read ${table.name}: ${implied.message}`;
    return { ok: false, reason: implied.reason, message };
  }
  const parsed = TableRequestSchema.safeParse(implied.request);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      reason: "unreadable",
      message: `the live table does not make a valid request (${first?.path.join(".") || "request"}: ${first?.message ?? "invalid"})`,
    };
  }
  return { ok: true, approved, live: adoptLiveDefinition(approved, parsed.data), notes: implied.notes };
}

async function loadDriftedTable(actor: Actor, tableId: string, db: Db) {
  const table = await loadTableForChange(actor, tableId, db);
  if (table.lastDriftStatus !== "drifted") {
    throw new AppError("CONFLICT", `the last drift check of ${table.name} found no drift to adopt or revert`, {
      issues: [
        { path: "driftResolution", code: "NO_DRIFT", message: `the last drift check of ${table.name} found no drift` },
      ],
    });
  }
  return table;
}

const liveAgainst = (table: {
  name: string;
  primaryRegion: string;
  definedByRequestKey: string;
  definedByRevision: number;
}) =>
  `the live table ${table.name} (${table.primaryRegion}) as AWS describes it now, drifted from ${table.definedByRequestKey} revision ${table.definedByRevision}`;

/**
 * Resolving a drift found by the last check, for a member of the table's team: reads the live
 * table through the import path (readImpliedTableRequest, the team/tier's account) and returns
 * the request the form starts from and what its plan is computed against. Adopting plans from the
 * approved definition to the live one, so the approval records reality (and the server's own plan
 * of the saved request is the same); reverting plans from the live table back to the approved
 * definition (and saving it with `driftResolution: "revert"` plans the same, loadRevertPlanning).
 * AWS trouble is a result with the reason, never a throw; a table whose last check found no drift
 * is CONFLICT.
 */
export async function loadDriftResolution(
  actor: Actor,
  tableId: string,
  kind: DriftResolutionKind,
  options: { db?: Db } & LiveReadOptions = {},
): Promise<DriftResolution> {
  const db = options.db ?? (await getDb());
  const table = await loadDriftedTable(actor, tableId, db);
  const ref = { id: table.id, name: table.name };
  const read = await readLiveDefinition(table, db, options);
  if (!read.ok) return { ok: false, kind, table: ref, reason: read.reason, message: read.message };
  const { approved, live } = read;
  const planning = await loadPlanning(db, table.id);
  const resolution =
    kind === "adopt"
      ? { request: live, planFrom: { live: approved, context: planning.context, against: planning.against } }
      : { request: approved, planFrom: { live, context: planning.context, against: liveAgainst(table) } };
  return {
    ok: true,
    kind,
    table: ref,
    ...resolution,
    plan: planTableChange(resolution.planFrom.live, resolution.request, resolution.planFrom.context),
    notes: read.notes,
  };
}

/**
 * What a saved revert is planned against: the live (drifted) table as AWS describes it now, so the
 * stored plan shows approvers what re-applying the approved definition will do (planning against
 * the approved definition, which the revert restores, would be "no difference"). The baseline
 * stays the approved revision: Terraform's state holds that definition, and approving checks that
 * nothing redefined the table meanwhile. AWS unreadable is a CONFLICT on `driftResolution`. Every
 * revision of a revert is planned this way (ChangeRequest.driftResolution keeps the intent).
 */
export async function loadRevertPlanning(
  actor: Actor,
  tableId: string,
  db: Db,
  /** requireDrift: starting a revert needs drift; a later revision plans from whatever is live. */
  options: LiveReadOptions & { requireDrift?: boolean } = {},
): Promise<Planning & { live: TableRequest }> {
  const table = options.requireDrift
    ? await loadDriftedTable(actor, tableId, db)
    : await loadTableForChange(actor, tableId, db);
  const read = await readLiveDefinition(table, db, options);
  if (!read.ok) {
    throw new AppError("CONFLICT", `the revert cannot be planned: ${read.message}`, {
      issues: [{ path: "driftResolution", code: "LIVE_TABLE_UNREADABLE", message: read.message }],
    });
  }
  const planning = await loadPlanning(db, table.id);
  return { ...planning, live: read.live, approved: read.approved, against: liveAgainst(table) };
}
