import "server-only";
import { assessChangeSafety, type ChangeSafety } from "@/lib/domain/diff";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { loadManagedBaseline } from "../inventory";
import { loadWorkflowState } from "./load-change-request";

/**
 * The current revision's change-safety flags against what is or will be live: the approved
 * revision, else (for an adopted table) the revision that mirrors the imported table, else
 * nothing ("not created yet"). Never against an earlier unapproved draft.
 */
export async function getChangeSafety(actor: Actor, key: string, db?: Db): Promise<ChangeSafety> {
  db ??= await getDb();
  const { cr } = await loadWorkflowState(db, actor, key);
  const baseline = cr.approvedRevision ?? (cr.importedTableJson ? 1 : undefined);
  const numbers = [...new Set([cr.currentRevision, ...(baseline ? [baseline] : [])])];
  const rows = await db.revision.findMany({
    where: { changeRequestId: cr.id, number: { in: numbers } },
    select: { number: true, requestJson: true },
  });
  const requestOf = (n: number) => {
    const row = rows.find((r) => r.number === n);
    return row ? { number: n, request: JSON.parse(row.requestJson) as TableRequest } : undefined;
  };
  const current = requestOf(cr.currentRevision);
  if (!current) throw new Error(`${key} has no revision ${cr.currentRevision}`);
  return assessChangeSafety({
    current,
    managed: cr.approvedRevision ? undefined : await loadManagedBaseline(db, cr),
    approved: cr.approvedRevision ? requestOf(cr.approvedRevision) : undefined,
    imported: !cr.approvedRevision && cr.importedTableJson ? requestOf(1) : undefined,
  });
}
