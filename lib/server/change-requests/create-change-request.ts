import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { assessChangeSafety } from "@/lib/domain/diff";
import type { RenderContext } from "@/lib/domain/terraform/model";
import { validateTableRequest } from "@/lib/domain/validation";
import { type Acknowledgement, canEditRequest, canSeeRequest, checkAcknowledgement } from "@/lib/domain/workflow";
import { findAccountTarget } from "../accounts";
import type { Actor } from "../actor";
import { recordAuditEvent, type Tx } from "../audit";
import { refreshRoutedRoles } from "../budget/refresh-routed-roles";
import { type Db, getDb } from "../db";
import {
  assertPlanningCurrent,
  assertTableNotManaged,
  type DriftResolutionKind,
  type LiveReadOptions,
  loadManagedBaseline,
  loadPlanning,
  loadRevertPlanning,
  type Planning,
} from "../inventory";
import { encodeRegions, tableColumnsFor } from "../inventory/table-records";
import { dispatchNotificationsSoon, recordNotificationEvent } from "../notifications/record-notification-event";
import { loadTierPolicy } from "../policy";
import { runTransaction } from "../run-transaction";
import { allocateChangeRequestNumber, keyForNumber } from "./allocate-key";
import { assertTableNameFree } from "./assert-table-name-free";
import {
  buildRevision,
  currentRevisionColumns,
  describeStoredRequest,
  revisionFlags,
  revisionRow,
} from "./build-revision";

export interface CreateChangeRequestInput {
  request: unknown;
  title?: string;
  /** Submit for review straight away (otherwise it stays a draft). */
  submit?: boolean;
  /** Adopting an existing table (brownfield import): the module gets Terraform `import` blocks. */
  importExisting?: RenderContext["importExisting"];
  /** What the import measured: size and item count (for plan durations) and the account. */
  importFacts?: { sizeGb?: number; itemCount?: number; account?: string };
  /** Changing a managed table: the request is tied to it and planned against its approved definition. */
  tableId?: string;
  /** A destructive plan's acknowledgement with the migration note. */
  acknowledgement?: Partial<Acknowledgement>;
  /**
   * Resolving the drift of `tableId`: "revert" plans from the live table as AWS describes it now
   * (the request restores the approved definition); "adopt" plans from the approved definition to
   * the request (the live table), as any change does.
   */
  driftResolution?: DriftResolutionKind;
}

export interface ChangeRequestLiveOptions {
  /** How a revert reads the live table (tests pass a client; by default the configured AWS access). */
  liveRead?: LiveReadOptions;
}

/** The managed table a change request names, if the actor may change it (else 404 / 403 on `tableId`). */
async function resolveTable(db: Db, actor: Actor, tableId: string, teamId: string) {
  const table = await db.managedTable.findUnique({ where: { id: tableId }, select: { id: true, teamId: true } });
  if (!table || !canSeeRequest({ teamId: table.teamId }, actor)) {
    throw new AppError("VALIDATION_FAILED", "the managed table does not exist", {
      issues: [{ path: "tableId", code: "TABLE_UNKNOWN", message: `no managed table "${tableId}" you can see` }],
    });
  }
  if (table.teamId !== teamId) {
    throw new AppError("VALIDATION_FAILED", "a change request belongs to the team that owns the table", {
      issues: [
        { path: "owner.team", code: "TABLE_TEAM_MISMATCH", message: "the owning team must be the table's team" },
      ],
    });
  }
  return table;
}

/** Finds the owning team named in the request and checks the actor may create requests for it. */
async function resolveOwningTeam(db: Db, actor: Actor, teamSlug: string) {
  const team = await db.team.findUnique({ where: { slug: teamSlug } });
  if (!team) {
    throw new AppError("VALIDATION_FAILED", "the owning team does not exist", {
      issues: [{ path: "owner.team", code: "TEAM_UNKNOWN", message: `no team with the slug "${teamSlug}"` }],
    });
  }
  if (!canEditRequest({ teamId: team.id }, actor)) {
    throw new AppError("FORBIDDEN", `you are not a member of team ${teamSlug}`, {
      issues: [{ path: "owner.team", code: "TEAM_NOT_MEMBER", message: `you are not a member of team "${teamSlug}"` }],
    });
  }
  return team;
}

/**
 * Creates a change request with its first revision (validated, priced, previewed, rendered and
 * zipped), as a draft or submitted, with one audit event per transition, all in one transaction.
 * A draft is stored whatever its validation state (its issues go with it); submitting needs a
 * valid request. Either way the request must name a team the actor belongs to.
 */
export interface CreatedChangeRequest {
  key: string;
  status: string;
  version: number;
  currentRevision: number;
  /** The managed table the request is tied to (a change or an adoption); null for a new table. */
  tableId: string | null;
}

export async function createChangeRequest(
  actor: Actor,
  input: CreateChangeRequestInput,
  db?: Db,
  /** Runs inside the create's transaction with its result (e.g. to store an idempotent response atomically). */
  beforeCommit?: (tx: Tx, created: CreatedChangeRequest) => Promise<void>,
  options: ChangeRequestLiveOptions = {},
): Promise<CreatedChangeRequest> {
  db ??= await getDb();
  if (input.driftResolution && !input.tableId) {
    throw new AppError("VALIDATION_FAILED", "a drift resolution names the table whose drift it resolves", {
      issues: [
        { path: "tableId", code: "SCHEMA_REQUIRED", message: "Name the managed table whose drift this resolves." },
      ],
    });
  }
  const policy = loadTierPolicy();
  const isDraft = !input.submit;
  // A draft may be kept with errors; its request, when its shape parses, still names a table.
  const check = validateTableRequest(input.request, policy);
  const stored = describeStoredRequest(input.request);
  // The account the team/tier is mapped to: the live name check and the module's provider use it.
  const accountTarget =
    stored.team && stored.tier ? await findAccountTarget({ team: stored.team, tier: stored.tier }, db) : undefined;
  if (!isDraft) {
    if (!check.valid || !check.request) {
      throw new AppError("VALIDATION_FAILED", "the table request has errors", {
        issues: check.issues.filter((i) => i.severity === "error"),
      });
    }
    // An import or a change expects the table to exist already; a new table must not.
    await assertTableNameFree(check.request, {
      expectExisting: Boolean(input.importExisting || input.tableId),
      accountTarget,
    });
  }
  if (!stored.team) {
    throw new AppError("VALIDATION_FAILED", "a draft needs its owning team", {
      issues: [{ path: "owner.team", code: "SCHEMA_REQUIRED", message: "Choose the team that owns the table." }],
    });
  }
  const team = await resolveOwningTeam(db, actor, stored.team);
  if (input.tableId) await resolveTable(db, actor, input.tableId, team.id);
  // A new table (or an adoption) must not be one the portal already manages: change that one instead.
  else if (check.request) await assertTableNotManaged(db, check.request);
  const number = await allocateChangeRequestNumber(db);
  const key = keyForNumber(number);
  // An adoption is planned against the table as read (the request mirrors it): nothing to change.
  // A revert of drift is planned from the live table, not from the definition it restores.
  const planning: Planning = input.importExisting
    ? {
        live: check.request ?? null,
        context: {},
        baseline: `${key}@1`,
        against: `the existing table ${input.importExisting.tableName} (${input.importExisting.region}) as imported`,
      }
    : input.tableId && input.driftResolution === "revert"
      ? await loadRevertPlanning(actor, input.tableId, db, { ...options.liveRead, requireDrift: true })
      : await loadPlanning(db, input.tableId ?? null);
  const revision = buildRevision(input.request, {
    planning,
    policy,
    key,
    number: 1,
    requestedBy: `${actor.name} <${actor.email}>`,
    importExisting: input.importExisting,
    accountTarget,
    allowIncomplete: isDraft,
    validation: check,
  });
  const { tableName, tier } = describeStoredRequest(revision.request);
  const title = (input.title?.trim() || (tableName ? `${tableName} (${tier || "draft"})` : "Untitled draft")).slice(
    0,
    200,
  );
  const status = input.submit ? "SUBMITTED" : "DRAFT";
  const now = new Date();

  const events: string[] = [];
  const created = await runTransaction(db, async (tx) => {
    events.length = 0;
    // An adoption adds its table to the inventory at once: it exists, and the request mirrors it.
    const adopted = input.importExisting
      ? await tx.managedTable.create({
          data: {
            ...tableColumnsFor(revision.request, revision, { key, revision: 1 }),
            regions: encodeRegions(revision.regions),
            teamId: team.id,
            liveStatus: "VERIFIED",
            account: input.importFacts?.account ?? "",
            sizeGb: input.importFacts?.sizeGb ?? null,
            itemCount: input.importFacts?.itemCount ?? null,
          },
        })
      : undefined;
    const tableId = input.tableId ?? adopted?.id ?? null;
    if (input.tableId) await assertPlanningCurrent(tx, input.tableId, planning);
    const { plan } = revision;
    const baseline = planning.baseline;
    const ackIssues = checkAcknowledgement(plan, input.acknowledgement);
    if (ackIssues.length) throw new AppError("VALIDATION_FAILED", ackIssues[0]?.message ?? "", { issues: ackIssues });
    // A change is flagged (replaces the table, rebuilds an index...) against the table's definition.
    const managed = input.tableId ? await loadManagedBaseline(tx, { tableId, importedTableJson: null }) : undefined;
    // A draft kept with errors has no module to compare: no change-safety flags until it is valid.
    const safety =
      managed && revision.isComplete
        ? assessChangeSafety({ current: { number: 1, request: revision.request }, managed })
        : undefined;
    const flags = revisionFlags(
      revision,
      (safety?.flags ?? []).map((f) => f.kind),
    );
    const cr = await tx.changeRequest.create({
      data: {
        number,
        key,
        title,
        status,
        teamId: team.id,
        requesterId: actor.id,
        currentRevision: 1,
        ...currentRevisionColumns({
          key,
          title,
          teamSlug: team.slug,
          requester: actor,
          revision,
          flags,
          authorId: actor.id,
        }),
        queueFlags: { create: flags.map((flag) => ({ flag })) },
        importedTableJson: input.importExisting ? JSON.stringify(input.importExisting) : null,
        driftResolution: input.tableId ? (input.driftResolution ?? null) : null,
        tableId,
        submittedAt: input.submit ? now : null,
      },
    });
    await tx.revision.create({
      data: revisionRow(revision, cr.id, 1, actor.id, { baseline, acknowledgement: input.acknowledgement }),
    });
    await recordAuditEvent(tx, actor, {
      action: "CHANGE_REQUEST_CREATED",
      changeRequestId: cr.id,
      toStatus: "DRAFT",
      revisionNumber: 1,
      details: {
        key,
        bundleSha256: revision.bundleSha256,
        ...(tableId ? { tableId, ...(plan ? { risk: plan.risk } : {}) } : {}),
        ...(input.driftResolution ? { driftResolution: input.driftResolution } : {}),
      },
    });
    if (input.submit) {
      await recordAuditEvent(tx, actor, {
        action: "SUBMIT",
        changeRequestId: cr.id,
        fromStatus: "DRAFT",
        toStatus: "SUBMITTED",
        revisionNumber: 1,
      });
      events.push(
        await recordNotificationEvent(tx, { type: "change_request.submitted", changeRequestId: cr.id, actor }),
      );
    }
    if (input.submit) await refreshRoutedRoles(tx, team.id);
    const result = { key: cr.key, status: cr.status, version: cr.version, currentRevision: 1, tableId: cr.tableId };
    await beforeCommit?.(tx, result);
    return result;
  });
  await dispatchNotificationsSoon(events);
  return created;
}
