import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { assessChangeSafety, findIgnoredGsiChanges } from "@/lib/domain/diff";
import type { TableRequest } from "@/lib/domain/request/schema";
import { type Acknowledgement, checkAcknowledgement, decideTransition } from "@/lib/domain/workflow";
import { findAccountTargetForInput } from "../accounts";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { refreshRoutedRoles } from "../budget/refresh-routed-roles";
import { type Db, getDb } from "../db";
import { assertPlanningCurrent, loadManagedBaseline, loadPlanning, loadRevertPlanning } from "../inventory";
import { dispatchNotificationsSoon, recordTransitionNotification } from "../notifications/record-notification-event";
import { loadTierPolicy } from "../policy";
import { runTransaction } from "../run-transaction";
import {
  buildRevision,
  currentRevisionColumns,
  describeStoredRequest,
  revisionFlags,
  revisionRow,
} from "./build-revision";
import type { ChangeRequestLiveOptions } from "./create-change-request";
import { diffStoredRevisions } from "./diff-stored-revisions";
import { loadWorkflowState } from "./load-change-request";

/**
 * Adds revision N+1. A submitted or changes-requested request goes back to SUBMITTED and its
 * approvals are cleared (superseded): the new revision must be reviewed afresh.
 */
export async function addRevision(
  actor: Actor,
  key: string,
  input: {
    request: unknown;
    expectedVersion?: number;
    title?: string;
    acknowledgement?: Partial<Acknowledgement>;
  },
  db?: Db,
  options: ChangeRequestLiveOptions = {},
) {
  db ??= await getDb();
  const policy = loadTierPolicy();
  // Render outside the transaction (it is pure and the slowest step), then check nothing moved.
  const peek = await loadWorkflowState(db, actor, key);
  const number = peek.cr.currentRevision + 1;
  // An adopted table keeps its import blocks in every revision, so no later module recreates it.
  const importExisting = peek.cr.importedTableJson
    ? (JSON.parse(peek.cr.importedTableJson) as { tableName: string; region: string })
    : undefined;
  // A revert of drift restores the approved definition: each revision is planned from the live table.
  const planning =
    peek.cr.tableId && peek.cr.driftResolution === "revert"
      ? await loadRevertPlanning(actor, peek.cr.tableId, db, options.liveRead)
      : await loadPlanning(db, peek.cr.tableId);
  // A draft stays a draft when revised, so it may be kept with errors; anything else goes to review.
  const revision = buildRevision(input.request, {
    planning,
    policy,
    key,
    number,
    requestedBy: `${actor.name} <${actor.email}>`,
    importExisting,
    accountTarget: await findAccountTargetForInput(input.request, db),
    allowIncomplete: peek.cr.status === "DRAFT",
  });
  const stored = describeStoredRequest(revision.request);
  const title = input.title?.trim() ? input.title.trim().slice(0, 200) : undefined;

  const events: string[] = [];
  const outcome = await runTransaction(db, async (tx) => {
    events.length = 0;
    const { cr, state } = await loadWorkflowState(tx, actor, key);
    const expected = input.expectedVersion ?? peek.cr.version;
    if (cr.version !== expected || cr.currentRevision + 1 !== number) {
      throw new AppError("VERSION_CONFLICT", `${key} changed since you loaded it; reload and apply your edit again`, {
        details: { currentVersion: cr.version },
      });
    }
    const result = decideTransition(state, { action: "REVISE", actor });
    if (!result.ok) throw new AppError(result.code, result.message);
    if (result.to !== "DRAFT" && !revision.isComplete) {
      throw new AppError("VALIDATION_FAILED", "the table request has errors", {
        issues: revision.analysis.issues.filter((i) => i.severity === "error"),
      });
    }
    const team = await tx.team.findUniqueOrThrow({ where: { id: cr.teamId } });
    const requester = await tx.user.findUniqueOrThrow({
      where: { id: cr.requesterId },
      select: { email: true, name: true },
    });
    if (stored.team !== team.slug) {
      throw new AppError("VALIDATION_FAILED", "a revision cannot move the request to another team", {
        issues: [
          {
            path: "owner.team",
            code: "TEAM_CHANGE_NOT_ALLOWED",
            message: `this request belongs to team "${team.slug}"`,
          },
        ],
      });
    }
    const previous = await tx.revision.findUniqueOrThrow({
      where: { changeRequestId_number: { changeRequestId: cr.id, number: cr.currentRevision } },
      select: { requestJson: true, filesJson: true },
    });
    const diff = diffStoredRevisions(
      { number: cr.currentRevision, ...previous },
      { number, requestJson: revision.requestJson, filesJson: revision.filesJson },
    );
    // The queue's flags (replaces table, rebuilds index...) are measured against what is or will
    // be live, not against the previous draft: before any approval a new table does not exist.
    const baselineNumber = cr.approvedRevision ?? (cr.importedTableJson ? 1 : undefined);
    const baseline = baselineNumber
      ? await tx.revision.findUniqueOrThrow({
          where: { changeRequestId_number: { changeRequestId: cr.id, number: baselineNumber } },
          select: { requestJson: true },
        })
      : undefined;
    const managed = cr.approvedRevision ? undefined : await loadManagedBaseline(tx, cr);
    // Against what is live (the approved or imported revision, else the managed table's approved
    // definition): with autoscaled GSIs the module ignores every GSI change, so an index edit to a
    // live table would never apply. A table not created yet gets all its indexes anyway.
    const liveRequest = baseline ? (JSON.parse(baseline.requestJson) as TableRequest) : managed?.request;
    const ignored = liveRequest && revision.isComplete ? findIgnoredGsiChanges(liveRequest, revision.request) : [];
    if (ignored.length > 0) {
      throw new AppError("VALIDATION_FAILED", "the revision changes indexes its module would never apply", {
        issues: ignored,
      });
    }
    // A draft kept with errors has no module to compare: no change-safety flags until it is valid.
    const safety = !revision.isComplete
      ? { flags: [] }
      : assessChangeSafety({
          current: { number, request: revision.request },
          managed,
          ...(baseline && baselineNumber
            ? {
                [cr.approvedRevision ? "approved" : "imported"]: {
                  number: baselineNumber,
                  request: JSON.parse(baseline.requestJson) as TableRequest,
                },
              }
            : {}),
        });
    const flags = revisionFlags(
      revision,
      safety.flags.map((f) => f.kind),
    );
    // Planned against the table's approved definition (a create plan for a table not yet approved).
    await assertPlanningCurrent(tx, cr.tableId, planning);
    const planned = { plan: revision.plan, baseline: planning.baseline };
    const ackIssues = checkAcknowledgement(planned.plan, input.acknowledgement);
    if (ackIssues.length) throw new AppError("VALIDATION_FAILED", ackIssues[0]?.message ?? "", { issues: ackIssues });
    const updated = await tx.changeRequest.updateMany({
      where: { id: cr.id, version: cr.version },
      data: {
        status: result.to,
        version: { increment: 1 },
        currentRevision: number,
        ...(title ? { title } : {}),
        ...currentRevisionColumns({
          key,
          title: title ?? cr.title,
          teamSlug: team.slug,
          requester,
          revision,
          flags,
          authorId: actor.id,
        }),
        ...(result.to === "SUBMITTED" && cr.status !== "SUBMITTED" ? { submittedAt: new Date() } : {}),
      },
    });
    if (updated.count !== 1)
      throw new AppError("VERSION_CONFLICT", `${key} was changed by someone else at the same moment`);
    await tx.revision.create({
      data: revisionRow(revision, cr.id, number, actor.id, { ...planned, acknowledgement: input.acknowledgement }),
    });
    await tx.queueFlag.deleteMany({ where: { changeRequestId: cr.id } });
    await tx.queueFlag.createMany({ data: flags.map((flag) => ({ changeRequestId: cr.id, flag })) });
    const cleared = await tx.decision.updateMany({
      where: { changeRequestId: cr.id, kind: "APPROVE", supersededAt: null },
      data: { supersededAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: "REVISE",
      changeRequestId: cr.id,
      fromStatus: result.from,
      toStatus: result.to,
      revisionNumber: number,
      details: {
        bundleSha256: revision.bundleSha256,
        clearedApprovals: cleared.count,
        flags: safety.flags.map((f) => f.code),
        changedFields: diff.fieldChanges.length,
        ...(cr.tableId && planned.plan ? { risk: planned.plan.risk } : {}),
      },
    });
    // The new revision's cost and risk decide whose approval it is routed to (the queue filters on it).
    await refreshRoutedRoles(tx, cr.teamId);
    await recordTransitionNotification(
      tx,
      events,
      { action: "REVISE", from: result.from, to: result.to },
      { changeRequestId: cr.id, actor, extra: { resubmitted: true } },
    );
    return {
      key,
      status: result.to,
      version: cr.version + 1,
      currentRevision: number,
      flags: safety.flags,
      ...(planned.plan ? { risk: planned.plan.risk } : {}),
    };
  });
  await dispatchNotificationsSoon(events);
  return outcome;
}
