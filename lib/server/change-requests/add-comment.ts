import "server-only";
import { AppError } from "@/lib/domain/app-error";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { runTransaction } from "../run-transaction";
import { loadWorkflowState } from "./load-change-request";

export const MAX_COMMENT_LENGTH = 5_000;

/** Adds a comment on the current revision; anyone who can see the request may comment. */
export async function addComment(actor: Actor, key: string, body: string, db?: Db) {
  db ??= await getDb();
  const text = body.trim();
  if (text.length === 0 || text.length > MAX_COMMENT_LENGTH) {
    throw new AppError("VALIDATION_FAILED", "a comment needs 1 to 5000 characters", {
      issues: [{ path: "body", code: "COMMENT_LENGTH", message: `between 1 and ${MAX_COMMENT_LENGTH} characters` }],
    });
  }
  return runTransaction(db, async (tx) => {
    const { cr } = await loadWorkflowState(tx, actor, key);
    const comment = await tx.comment.create({
      data: { changeRequestId: cr.id, revisionNumber: cr.currentRevision, authorId: actor.id, body: text },
    });
    await recordAuditEvent(tx, actor, {
      action: "COMMENT",
      changeRequestId: cr.id,
      revisionNumber: cr.currentRevision,
      details: { commentId: comment.id },
    });
    return { id: comment.id, revisionNumber: comment.revisionNumber, body: comment.body, createdAt: comment.createdAt };
  });
}
