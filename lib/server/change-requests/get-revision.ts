import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { CostEstimate } from "@/lib/domain/cost/types";
import { diffCost } from "@/lib/domain/diff";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { diffStoredRevisions } from "./diff-stored-revisions";
import { loadWorkflowState } from "./load-change-request";

async function findRevision(db: Db, changeRequestId: string, key: string, number: number) {
  const revision = await db.revision.findUnique({ where: { changeRequestId_number: { changeRequestId, number } } });
  if (!revision) throw new AppError("NOT_FOUND", `${key} has no revision ${number}`);
  return revision;
}

/**
 * The stored bundle of the approved revision, byte for byte what was reviewed (never re-rendered).
 * Other revisions are refused: only an approved module may be downloaded for applying.
 */
export async function getRevisionBundle(
  actor: Actor,
  key: string,
  number: number,
  db?: Db,
  options: { ifNoneMatch?: string | null } = {},
) {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  // Only the digest first: a 304 (the client holds these bytes) never reads the zip from the database.
  const where = { changeRequestId_number: { changeRequestId: cr.id, number } };
  const revision = await db.revision.findUnique({ where, select: { bundleSha256: true } });
  if (!revision) throw new AppError("NOT_FOUND", `${key} has no revision ${number}`);
  if (cr.approvedRevision !== number) {
    throw new AppError(
      "CONFLICT",
      cr.approvedRevision
        ? `revision ${number} of ${key} is not the approved one; revision ${cr.approvedRevision} is`
        : `${key} has no approved revision yet (status ${cr.status.toLowerCase().replaceAll("_", " ")})`,
    );
  }
  const filename = `${key}-r${number}-${cr.tableName}.zip`;
  // A conditional request for bytes the client already holds is not a download: no audit event.
  if (options.ifNoneMatch === `"${revision.bundleSha256}"`) {
    return { notModified: true as const, sha256: revision.bundleSha256, filename };
  }
  const stored = await db.revision.findUnique({ where, select: { bundle: true } });
  if (!stored) throw new AppError("NOT_FOUND", `${key} has no revision ${number}`);
  await recordAuditEvent(db, actor, {
    action: "BUNDLE_DOWNLOADED",
    changeRequestId: cr.id,
    revisionNumber: number,
    details: { sha256: revision.bundleSha256 },
  });
  return { notModified: false as const, bytes: stored.bundle, sha256: revision.bundleSha256, filename };
}

/** The change-safety diff between two revisions of one request. */
export async function diffChangeRequestRevisions(actor: Actor, key: string, from: number, to: number, db?: Db) {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const [a, b] = await Promise.all([findRevision(db, cr.id, key, from), findRevision(db, cr.id, key, to)]);
  const diff = diffStoredRevisions(a, b);
  // A draft saved with a broken shape has no estimate: no cost change to show for it.
  const before = JSON.parse(a.costJson) as CostEstimate | null;
  const after = JSON.parse(b.costJson) as CostEstimate | null;
  return { ...diff, ...(before && after ? { costChange: diffCost(before, after) } : {}) };
}

/** The audit trail of one request, oldest first (the status timeline). */
export async function listChangeRequestAudit(actor: Actor, key: string, db?: Db) {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const events = await db.auditEvent.findMany({ where: { changeRequestId: cr.id }, orderBy: { id: "asc" } });
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actorLabel,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    revisionNumber: e.revisionNumber,
    details: JSON.parse(e.detailsJson) as Record<string, unknown>,
  }));
}
