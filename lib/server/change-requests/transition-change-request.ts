import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { NotificationData } from "@/lib/domain/notifications";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { decideTransition, type WorkflowAction } from "@/lib/domain/workflow";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { refreshRoutedRoles } from "../budget/refresh-routed-roles";
import { type Db, getDb } from "../db";
import { recordApprovedTable, recordTableVerification } from "../inventory";
import { observeDecision } from "../metrics";
import { dispatchNotificationsSoon, recordTransitionNotification } from "../notifications/record-notification-event";
import { runTransaction } from "../run-transaction";
import { assertTableNameFree } from "./assert-table-name-free";
import { loadWorkflowState } from "./load-change-request";

export interface TransitionOptions {
  reason?: string;
  /** APPROVE: the revision the approver reviewed. */
  revisionNumber?: number;
  /** The version the caller last saw (If-Match); a different current version is a 409. */
  expectedVersion?: number;
  /** RECORD_VERIFICATION: the live table matched. */
  verified?: boolean;
  details?: Record<string, unknown>;
  /** Extra facts for the event this transition announces (e.g. a live check's classified drift). */
  notification?: Omit<NotificationData, "changeRequest" | "actor" | "requester">;
}

const DECISION_ACTIONS: readonly WorkflowAction[] = ["APPROVE", "REJECT", "REQUEST_CHANGES"];

/**
 * Applies one workflow action in a single transaction: re-reads the state, asks the state machine,
 * writes the new status only if the row still has the version it read (so two approvers can never
 * both win), records the decision and exactly one audit event.
 */
export async function transitionChangeRequest(
  actor: Actor,
  key: string,
  action: Exclude<WorkflowAction, "REVISE">,
  options: TransitionOptions = {},
  db?: Db,
) {
  const database = db ?? (await getDb());
  if (action === "SUBMIT") {
    // Checked outside the transaction: live calls must never hold a database lock.
    const { cr } = await loadWorkflowState(database, actor, key);
    const revision = await database.revision.findUniqueOrThrow({
      where: { changeRequestId_number: { changeRequestId: cr.id, number: cr.currentRevision } },
      select: { requestJson: true, validationJson: true },
    });
    // A draft may have been saved with errors; it goes to review only once it is valid.
    const validation = JSON.parse(revision.validationJson) as { valid: boolean; issues: ValidationIssue[] };
    if (!validation.valid) {
      throw new AppError("VALIDATION_FAILED", `revision ${cr.currentRevision} of ${key} has errors; revise it first`, {
        issues: validation.issues.filter((i) => i.severity === "error"),
      });
    }
    // A change to a managed table (or an adoption) expects the table to exist; a new one must not.
    await assertTableNameFree(JSON.parse(revision.requestJson) as TableRequest, {
      expectExisting: Boolean(cr.tableId || cr.importedTableJson),
      db: database,
    });
  }
  const events: string[] = [];
  try {
    const outcome = await runTransaction(database, async (tx) => {
      // A retried transaction starts over: forget events of an attempt that rolled back.
      events.length = 0;
      const { cr, state } = await loadWorkflowState(tx, actor, key);
      if (options.expectedVersion !== undefined && options.expectedVersion !== cr.version) {
        throw new AppError(
          "VERSION_CONFLICT",
          `${key} changed since you loaded it (version ${options.expectedVersion}, now ${cr.version}); reload and review again`,
          {
            details: { currentVersion: cr.version },
          },
        );
      }
      const result = decideTransition(state, {
        action,
        actor,
        reason: options.reason,
        revisionNumber: options.revisionNumber,
        verified: options.verified,
      });
      if (!result.ok) throw new AppError(result.code, result.message);

      const now = new Date();
      const final = result.to === "APPROVED" || result.to === "REJECTED";
      const updated = await tx.changeRequest.updateMany({
        where: { id: cr.id, version: cr.version },
        data: {
          status: result.to,
          version: { increment: 1 },
          ...(action === "SUBMIT" ? { submittedAt: now } : {}),
          ...(final || action === "REQUEST_CHANGES" ? { decidedAt: now } : {}),
          ...(result.to === "APPROVED" ? { approvedRevision: cr.currentRevision } : {}),
        },
      });
      if (updated.count !== 1) {
        throw new AppError(
          "VERSION_CONFLICT",
          `${key} was changed by someone else at the same moment; reload and try again`,
        );
      }
      // The inventory follows approvals in the same transaction: a create adds its table, a change
      // or an adoption redefines it. A live check of the defining request sets the live status.
      const inventory = result.to === "APPROVED" ? await recordApprovedTable(tx, cr, cr.currentRevision) : undefined;
      if (action === "RECORD_VERIFICATION") {
        await recordTableVerification(tx, cr, result.to === "VERIFIED");
      }
      if (result.decision) {
        await tx.decision.create({
          data: {
            changeRequestId: cr.id,
            revisionNumber: cr.currentRevision,
            kind: result.decision,
            reason: options.reason?.trim() ?? "",
            deciderId: actor.id,
          },
        });
      }
      // Routed approvals count in "of N", so the timeline and the notifications never read "1 of 1"
      // while a role is missing.
      const requiredApprovals =
        state.requiredApprovals + Object.values(state.roleApprovals ?? {}).reduce((n, need) => n + need, 0);
      await recordAuditEvent(tx, actor, {
        action,
        changeRequestId: cr.id,
        fromStatus: result.from,
        toStatus: result.to,
        revisionNumber: cr.currentRevision,
        details: {
          ...(options.reason ? { reason: options.reason.trim() } : {}),
          ...(result.decision === "APPROVE"
            ? {
                approvals: result.approvalsAfter,
                required: requiredApprovals,
                ...(Object.keys(state.roleApprovals ?? {}).length > 0 ? { routedRoles: state.roleApprovals } : {}),
              }
            : {}),
          ...(inventory ? { tableId: inventory.tableId, tableAdded: inventory.created } : {}),
          ...options.details,
        },
      });
      // A submit, an approval (the team's committed cost) or a withdrawal can change whose approval
      // the team's waiting requests need: the queue filters on the stored result.
      if (action !== "RECORD_VERIFICATION") await refreshRoutedRoles(tx, cr.teamId);
      await recordTransitionNotification(
        tx,
        events,
        { action, from: result.from, to: result.to },
        {
          changeRequestId: cr.id,
          actor,
          extra: {
            ...(options.reason?.trim() && (action === "REJECT" || action === "REQUEST_CHANGES")
              ? { reason: options.reason.trim() }
              : {}),
            ...(action === "APPROVE"
              ? { approvals: { given: result.approvalsAfter, required: requiredApprovals } }
              : {}),
            ...options.notification,
          },
        },
      );
      if (result.decision) observeDecision(result.decision, cr.tier, cr.submittedAt, now);
      return { key, status: result.to, version: cr.version + 1, currentRevision: cr.currentRevision };
    });
    await dispatchNotificationsSoon(events);
    return outcome;
  } catch (error) {
    // Denied decisions are part of the record (who tried to approve what), written outside the
    // rolled-back transaction.
    if (
      error instanceof AppError &&
      DECISION_ACTIONS.includes(action) &&
      ["FORBIDDEN", "FOUR_EYES"].includes(error.code)
    ) {
      const cr = await database.changeRequest.findUnique({ where: { key }, select: { id: true, status: true } });
      await recordAuditEvent(database, actor, {
        action: "DECISION_DENIED",
        changeRequestId: cr?.id,
        fromStatus: cr?.status,
        details: { attempted: action, code: error.code, message: error.message },
      }).catch(() => undefined);
    }
    throw error;
  }
}
