import "server-only";
import type { OperationPlan } from "@/lib/domain/plan";
import type { Actor } from "../actor";
import type { Db } from "../db";

/** What the queue shows about a request beyond its columns: its purpose and the viewer's approval. */
export interface ReviewFacts {
  purpose: string;
  /** The viewer approved the current revision already (it waits on another approver). */
  approvedByMe: boolean;
  /** A change to a managed table: its operation plan's risk and number of steps (null for a create). */
  plan: { risk: string; steps: number } | null;
  /** The AWS account the current revision's module targets (its mapping at render time); null: default. */
  account: { accountId: string; name: string | null } | null;
}

/**
 * For one page of the queue (by id and current revision): the current revision's purpose and
 * whether the viewer already approved it. Two queries for the whole page, both on the page's ids.
 * Whether it is the viewer's own (four-eyes) comes from the request's columns (listQueue, `isOwn`).
 */
export async function listReviewFacts(
  db: Db,
  actor: Pick<Actor, "id">,
  rows: readonly { id: string; currentRevision: number }[],
): Promise<Map<string, ReviewFacts>> {
  const out = new Map<string, ReviewFacts>();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const [revisions, approvals] = await Promise.all([
    db.revision.findMany({
      where: { OR: rows.map((r) => ({ changeRequestId: r.id, number: r.currentRevision })) },
      select: { changeRequestId: true, requestJson: true, planJson: true, accountTargetJson: true },
    }),
    db.decision.findMany({
      where: { deciderId: actor.id, kind: "APPROVE", supersededAt: null, changeRequestId: { in: ids } },
      select: { changeRequestId: true, revisionNumber: true },
    }),
  ]);
  const current = new Map(rows.map((r) => [r.id, r.currentRevision]));
  const approved = new Set(
    approvals.filter((a) => current.get(a.changeRequestId) === a.revisionNumber).map((a) => a.changeRequestId),
  );
  for (const revision of revisions) {
    out.set(revision.changeRequestId, {
      purpose: purposeOf(revision.requestJson),
      approvedByMe: approved.has(revision.changeRequestId),
      plan: changePlanOf(revision.planJson),
      account: accountOf(revision.accountTargetJson),
    });
  }
  return out;
}

function changePlanOf(json: string | null): ReviewFacts["plan"] {
  if (!json) return null;
  const plan = JSON.parse(json) as OperationPlan;
  return plan.kind === "create" ? null : { risk: plan.risk, steps: plan.steps.length };
}

function accountOf(json: string | null): ReviewFacts["account"] {
  const target = json ? (JSON.parse(json) as { accountId: string; name?: string } | null) : null;
  return target ? { accountId: target.accountId, name: target.name ?? null } : null;
}

function purposeOf(requestJson: string): string {
  try {
    const purpose = (JSON.parse(requestJson) as { owner?: { purpose?: unknown } }).owner?.purpose;
    return typeof purpose === "string" ? purpose : "";
  } catch {
    return "";
  }
}
