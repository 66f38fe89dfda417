import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { assessChangeSafety, diffRevisions } from "@/lib/domain/diff";
import type { TableRequest } from "@/lib/domain/request/schema";
import { decideTransition } from "@/lib/domain/workflow";
import { findAccountTargetForInput } from "../accounts";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { loadTierPolicy } from "../policy";
import { runTransaction } from "../run-transaction";
import { buildRevision, buildSearchText, revisionFlags, revisionRow } from "./build-revision";
import { loadWorkflowState } from "./load-change-request";

/**
 * Adds revision N+1. A submitted or changes-requested request goes back to SUBMITTED and its
 * approvals are cleared (superseded): the new revision must be reviewed afresh.
 */
export async function addRevision(
  actor: Actor,
  key: string,
  input: { request: unknown; expectedVersion?: number },
  db?: Db,
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
  const revision = buildRevision(input.request, {
    policy,
    key,
    number,
    requestedBy: `${actor.name} <${actor.email}>`,
    importExisting,
    accountTarget: await findAccountTargetForInput(input.request, db),
  });

  return runTransaction(db, async (tx) => {
    const { cr, state } = await loadWorkflowState(tx, actor, key);
    const expected = input.expectedVersion ?? peek.cr.version;
    if (cr.version !== expected || cr.currentRevision + 1 !== number) {
      throw new AppError("VERSION_CONFLICT", `${key} changed since you loaded it; reload and apply your edit again`, {
        details: { currentVersion: cr.version },
      });
    }
    const result = decideTransition(state, { action: "REVISE", actor });
    if (!result.ok) throw new AppError(result.code, result.message);
    const team = await tx.team.findUniqueOrThrow({ where: { id: cr.teamId } });
    if (revision.request.owner.team !== team.slug) {
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
    const diff = diffRevisions(
      {
        number: cr.currentRevision,
        request: JSON.parse(previous.requestJson) as TableRequest,
        files: JSON.parse(previous.filesJson),
      },
      { number, request: revision.request, files: JSON.parse(revision.filesJson) },
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
    const safety = assessChangeSafety({
      current: { number, request: revision.request },
      ...(baseline && baselineNumber
        ? {
            [cr.approvedRevision ? "approved" : "imported"]: {
              number: baselineNumber,
              request: JSON.parse(baseline.requestJson) as TableRequest,
            },
          }
        : {}),
    });
    const updated = await tx.changeRequest.updateMany({
      where: { id: cr.id, version: cr.version },
      data: {
        status: result.to,
        version: { increment: 1 },
        currentRevision: number,
        tableName: revision.request.tableName,
        tier: revision.request.tier,
        regions: revision.regions.join(","),
        monthlyCostUsd: revision.monthlyCostUsd,
        flags: revisionFlags(
          revision,
          safety.flags.map((f) => f.kind),
        ),
        searchText: buildSearchText([key, cr.title, revision.request.tableName, team.slug, actor.email]),
        ...(result.to === "SUBMITTED" && cr.status !== "SUBMITTED" ? { submittedAt: new Date() } : {}),
      },
    });
    if (updated.count !== 1)
      throw new AppError("VERSION_CONFLICT", `${key} was changed by someone else at the same moment`);
    await tx.revision.create({ data: revisionRow(revision, cr.id, number, actor.id) });
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
      },
    });
    return { key, status: result.to, version: cr.version + 1, currentRevision: number, flags: safety.flags };
  });
}
