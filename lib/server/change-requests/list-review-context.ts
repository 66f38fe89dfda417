import "server-only";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";

/** What the queue shows about each request beyond the list row: its purpose and the viewer's part in it. */
export interface ReviewContext {
  purpose: string;
  /** The viewer approved the current revision already. */
  approvedByMe: boolean;
  /** The viewer requested it or wrote its current revision: the four-eyes rule keeps them out. */
  isMine: boolean;
}

/**
 * For the queue's rows (by key and current revision): the current revision's purpose, whether the
 * viewer already approved it, and whether the four-eyes rule bars the viewer. Two queries for the
 * whole page. Rows the viewer may not see never reach here (the list was scoped already).
 */
export async function listReviewContext(
  actor: Actor,
  rows: readonly { key: string; currentRevision: number }[],
  db?: Db,
): Promise<Map<string, ReviewContext>> {
  const out = new Map<string, ReviewContext>();
  if (rows.length === 0) return out;
  db ??= await getDb();
  const keys = rows.map((r) => r.key);
  const [revisions, approvals] = await Promise.all([
    db.revision.findMany({
      where: { OR: rows.map((r) => ({ number: r.currentRevision, changeRequest: { key: r.key } })) },
      select: {
        requestJson: true,
        createdById: true,
        changeRequest: { select: { key: true, requesterId: true } },
      },
    }),
    db.decision.findMany({
      where: { deciderId: actor.id, kind: "APPROVE", supersededAt: null, changeRequest: { key: { in: keys } } },
      select: { revisionNumber: true, changeRequest: { select: { key: true } } },
    }),
  ]);
  const current = new Map(rows.map((r) => [r.key, r.currentRevision]));
  const approved = new Set(
    approvals.filter((a) => current.get(a.changeRequest.key) === a.revisionNumber).map((a) => a.changeRequest.key),
  );
  for (const revision of revisions) {
    const key = revision.changeRequest.key;
    out.set(key, {
      purpose: purposeOf(revision.requestJson),
      approvedByMe: approved.has(key),
      isMine: revision.changeRequest.requesterId === actor.id || revision.createdById === actor.id,
    });
  }
  return out;
}

function purposeOf(requestJson: string): string {
  try {
    const purpose = (JSON.parse(requestJson) as { owner?: { purpose?: unknown } }).owner?.purpose;
    return typeof purpose === "string" ? purpose : "";
  } catch {
    return "";
  }
}
