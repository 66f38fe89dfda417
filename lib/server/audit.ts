import "server-only";
import type { Actor } from "./actor";
import type { Db } from "./db";

/** A Prisma transaction client (the same model API as Db, without $transaction). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface AuditEntry {
  action: string;
  changeRequestId?: string;
  fromStatus?: string;
  toStatus?: string;
  revisionNumber?: number;
  details?: Record<string, unknown>;
}

/** Appends one audit event. Call it inside the transaction that makes the change it records. */
export async function recordAuditEvent(tx: Tx | Db, actor: Actor | undefined, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.via === "system" ? null : (actor?.id ?? null),
      actorLabel: actor ? `${actor.name} <${actor.email}>${actor.via === "token" ? " (API token)" : ""}` : "anonymous",
      action: entry.action,
      changeRequestId: entry.changeRequestId ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      revisionNumber: entry.revisionNumber ?? null,
      detailsJson: JSON.stringify(entry.details ?? {}),
      clientAddress: actor?.clientAddress?.slice(0, 100) ?? null,
      userAgent: actor?.userAgent?.slice(0, 300) ?? null,
    },
  });
}
