import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { requiredRoleApprovals } from "@/lib/domain/budget/route-approvals";
import { isRiskLevel } from "@/lib/domain/plan";
import {
  type ChangeRequestStatus,
  canSeeRequest,
  requiredApprovalsFor,
  type WorkflowState,
} from "@/lib/domain/workflow";
import type { Actor } from "../actor";
import type { Tx } from "../audit";
import { routeChangeRequest } from "../budget/route-change-request";
import type { Db } from "../db";
import { loadTierPolicy } from "../policy";

/**
 * Loads a change request by key with what the state machine needs. A request the actor may not see
 * is reported exactly like a missing one (404), so keys of other teams' requests leak nothing.
 */
export async function loadWorkflowState(tx: Tx | Db, actor: Actor, key: string) {
  const cr = await tx.changeRequest.findUnique({ where: { key } });
  if (!cr || !canSeeRequest({ teamId: cr.teamId }, actor)) {
    throw new AppError("NOT_FOUND", `change request ${key} not found`);
  }
  const [authors, approvals, routing] = await Promise.all([
    // Every revision's author: the four-eyes rule bars all of them (lib/domain/workflow).
    tx.revision.findMany({
      where: { changeRequestId: cr.id },
      select: { createdById: true },
      distinct: ["createdById"],
    }),
    tx.decision.findMany({
      where: { changeRequestId: cr.id, kind: "APPROVE", revisionNumber: cr.currentRevision, supersededAt: null },
      select: { deciderId: true, decider: { select: { role: true } } },
    }),
    routeChangeRequest(tx, cr),
  ]);
  const requirement = requiredApprovalsFor(
    loadTierPolicy().tiers[cr.tier as "dev" | "staging" | "prod"] ?? { requiredApprovals: 1 },
    isRiskLevel(cr.risk) ? cr.risk : undefined,
  );
  const state: WorkflowState = {
    status: cr.status as ChangeRequestStatus,
    teamId: cr.teamId,
    requesterId: cr.requesterId,
    currentRevision: cr.currentRevision,
    revisionAuthorIds: authors.map((a) => a.createdById),
    approverIds: approvals.map((a) => a.deciderId),
    approverRoles: approvals.map((a) => a.decider.role),
    requiredApprovals: requirement.approvals,
    platformRoleRequired: requirement.platformRoleRequired,
    roleApprovals: requiredRoleApprovals(routing.routes),
  };
  return { cr, state, routing };
}
