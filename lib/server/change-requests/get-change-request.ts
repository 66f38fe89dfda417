import "server-only";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { DrPreview } from "@/lib/domain/dr/types";
import { isTableLiveStatus } from "@/lib/domain/inventory";
import { isRiskLevel, type OperationPlan } from "@/lib/domain/plan";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { availableActions, countApprovals, isFourEyesBlocked } from "@/lib/domain/workflow";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { toPublication } from "../delivery/publication-row";
import { isDriftResolutionKind } from "../inventory/load-drift-resolution";
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
 * what the actor may do next. Timestamps are ISO strings: the page and the API show the same shape.
 */
export async function getChangeRequest(actor: Actor, key: string, db?: Db): Promise<ChangeRequestDetail> {
  db ??= await getDb();
  const { cr, state, routing } = await loadWorkflowState(db, actor, key);
  const progress = countApprovals(state, state.approverRoles ?? []);
  const [team, requester, revisions, decisions, comments, current, publication] = await Promise.all([
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
        accountTargetJson: true,
      },
    }),
    db.publication.findUnique({ where: { changeRequestId: cr.id } }),
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
    status: state.status,
    version: cr.version,
    isDemo: cr.isDemo,
    team,
    requester,
    currentRevision: cr.currentRevision,
    approvedRevision: cr.approvedRevision,
    regions: cr.regions ? cr.regions.split(",") : [],
    monthlyCostUsd: cr.monthlyCostUsd,
    flags: decodeFlags(cr.flags),
    createdAt: cr.createdAt.toISOString(),
    updatedAt: cr.updatedAt.toISOString(),
    submittedAt: cr.submittedAt?.toISOString() ?? null,
    decidedAt: cr.decidedAt?.toISOString() ?? null,
    // `required` counts routed approvals too, so "count of required" reads right everywhere.
    approvals: {
      count: state.approverIds.length,
      required: state.requiredApprovals + progress.roles.reduce((n, r) => n + r.need, 0),
      roles: progress.roles,
    },
    routing,
    availableActions: availableActions(state, actor),
    fourEyesBlocked: isFourEyesBlocked(state, actor),
    /** The managed table this request changes (or created, once approved). */
    table: table && {
      ...table,
      // The application writes only these statuses; anything else reads as not known.
      liveStatus: isTableLiveStatus(table.liveStatus) ? table.liveStatus : "UNKNOWN",
    },
    risk: isRiskLevel(cr.risk) ? cr.risk : null,
    driftResolution: isDriftResolutionKind(cr.driftResolution) ? cr.driftResolution : null,
    revisions: revisions.map(({ planJson, planBaseline, acknowledgementJson, ...r }) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      operationPlan: parsePlan(planJson),
      planBaseline,
      acknowledgement: acknowledgementJson ? (JSON.parse(acknowledgementJson) as StoredAcknowledgement) : null,
    })),
    decisions: decisions.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      supersededAt: d.supersededAt?.toISOString() ?? null,
    })),
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    publication: publication ? toPublication(publication) : null,
    current: {
      number: cr.currentRevision,
      /** False for a draft saved with errors: no module, and no estimate or DR preview if its shape is broken. */
      isComplete: validation.valid,
      bundleSha256: current.bundleSha256,
      request: JSON.parse(current.requestJson) as TableRequest,
      validation,
      estimate: JSON.parse(current.costJson) as CostEstimate | null,
      drPreview: JSON.parse(current.drJson) as DrPreview | null,
      files: JSON.parse(current.filesJson) as Record<string, string>,
      operationPlan: parsePlan(current.planJson),
      acknowledgement: current.acknowledgementJson
        ? (JSON.parse(current.acknowledgementJson) as StoredAcknowledgement)
        : null,
      // Revisions from before the snapshot column have none recorded: the page says so.
      accountRecorded: current.accountTargetJson !== null,
      account: current.accountTargetJson ? (JSON.parse(current.accountTargetJson) as AssumeRoleTarget | null) : null,
    },
  };
}
