import "server-only";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { DrPreview } from "@/lib/domain/dr/types";
import { isRiskLevel, type OperationPlan } from "@/lib/domain/plan";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { availableActions } from "@/lib/domain/workflow";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { decodeFlags } from "./build-revision";
import { loadWorkflowState } from "./load-change-request";

export interface StoredAcknowledgement {
  destructive: true;
  migrationNote: string;
  at: string;
}

/** A stored plan; revisions from before the inventory have none. */
const parsePlan = (json: string | null) => (json ? (JSON.parse(json) as OperationPlan) : null);

const person = { select: { id: true, name: true, email: true } } as const;

/**
 * A change request as the detail page and the API show it: the current revision's request,
 * validation, estimate, DR preview and files; every revision's checksum; decisions; comments;
 * what the actor may do next.
 */
export async function getChangeRequest(actor: Actor, key: string, db?: Db) {
  db ??= await getDb();
  const { cr, state } = await loadWorkflowState(db, actor, key);
  const [team, requester, revisions, decisions, comments, current] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: cr.teamId }, select: { slug: true, name: true } }),
    db.user.findUniqueOrThrow({ where: { id: cr.requesterId }, ...person }),
    db.revision.findMany({
      where: { changeRequestId: cr.id },
      orderBy: { number: "asc" },
      select: {
        number: true,
        createdAt: true,
        bundleSha256: true,
        pricesAsOf: true,
        planJson: true,
        planBaseline: true,
        acknowledgementJson: true,
        createdBy: person,
      },
    }),
    db.decision.findMany({
      where: { changeRequestId: cr.id },
      orderBy: { createdAt: "asc" },
      select: { kind: true, reason: true, revisionNumber: true, supersededAt: true, createdAt: true, decider: person },
    }),
    db.comment.findMany({
      where: { changeRequestId: cr.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, revisionNumber: true, createdAt: true, author: person },
    }),
    db.revision.findUniqueOrThrow({
      where: { changeRequestId_number: { changeRequestId: cr.id, number: cr.currentRevision } },
      select: {
        requestJson: true,
        validationJson: true,
        costJson: true,
        drJson: true,
        filesJson: true,
        bundleSha256: true,
        planJson: true,
        acknowledgementJson: true,
      },
    }),
  ]);
  const table = cr.tableId
    ? await db.managedTable.findUnique({
        where: { id: cr.tableId },
        select: { id: true, name: true, primaryRegion: true, liveStatus: true },
      })
    : null;
  const validation = JSON.parse(current.validationJson) as { valid: boolean; issues: ValidationIssue[] };
  return {
    key: cr.key,
    title: cr.title,
    tableName: cr.tableName,
    tier: cr.tier,
    status: cr.status,
    version: cr.version,
    isDemo: cr.isDemo,
    team,
    requester,
    currentRevision: cr.currentRevision,
    approvedRevision: cr.approvedRevision,
    regions: cr.regions ? cr.regions.split(",") : [],
    monthlyCostUsd: cr.monthlyCostUsd,
    flags: decodeFlags(cr.flags),
    createdAt: cr.createdAt,
    updatedAt: cr.updatedAt,
    submittedAt: cr.submittedAt,
    decidedAt: cr.decidedAt,
    approvals: { count: state.approverIds.length, required: state.requiredApprovals },
    availableActions: availableActions(state, actor),
    /** The managed table this request changes (or created, once approved). */
    table,
    risk: isRiskLevel(cr.risk) ? cr.risk : null,
    revisions: revisions.map(({ planJson, planBaseline, acknowledgementJson, ...r }) => ({
      ...r,
      operationPlan: parsePlan(planJson),
      planBaseline,
      acknowledgement: acknowledgementJson ? (JSON.parse(acknowledgementJson) as StoredAcknowledgement) : null,
    })),
    decisions,
    comments,
    current: {
      number: cr.currentRevision,
      bundleSha256: current.bundleSha256,
      request: JSON.parse(current.requestJson) as TableRequest,
      validation,
      estimate: JSON.parse(current.costJson) as CostEstimate,
      drPreview: JSON.parse(current.drJson) as DrPreview,
      files: JSON.parse(current.filesJson) as Record<string, string>,
      operationPlan: parsePlan(current.planJson),
      acknowledgement: current.acknowledgementJson
        ? (JSON.parse(current.acknowledgementJson) as StoredAcknowledgement)
        : null,
    },
  };
}

export type ChangeRequestDetail = Awaited<ReturnType<typeof getChangeRequest>>;
