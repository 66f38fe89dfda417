import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/domain/app-error";
import type { Actor } from "./actor";
import { type Db, getDb } from "./db";

const TTL_MS = 24 * 3_600_000;
const PENDING = 0;

export interface StoredResponse<T> {
  status: number;
  /** A replay returns the stored JSON: what `fn` returned, with dates as ISO strings. */
  body: T;
  replayed: boolean;
}

/**
 * Runs a create once per (actor, Idempotency-Key), across every instance: the key is claimed with a
 * pending row (unique index) before the work, the response stored after it. A retry gets the first
 * response; the same key with a different body is refused; a failed attempt frees the key.
 */
export async function runIdempotent<T>(
  actor: Actor,
  key: string | null,
  body: unknown,
  fn: () => Promise<{ status: number; body: T }>,
  db?: Db,
): Promise<StoredResponse<T>> {
  if (!key) return { ...(await fn()), replayed: false };
  if (key.length > 200) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key is longer than 200 characters");
  }
  db ??= await getDb();
  const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const existing = await db.idempotencyRecord.findUnique({ where: { actorId_key: { actorId: actor.id, key } } });
  if (existing) return replay(existing);
  try {
    await db.idempotencyRecord.create({
      data: {
        actorId: actor.id,
        key,
        requestHash,
        status: PENDING,
        responseJson: "null",
        expiresAt: new Date(Date.now() + TTL_MS),
      },
    });
  } catch {
    // Someone claimed the key between our read and insert.
    const raced = await db.idempotencyRecord.findUnique({ where: { actorId_key: { actorId: actor.id, key } } });
    if (raced) return replay(raced);
    throw new AppError("CONFLICT", "could not claim the Idempotency-Key; retry");
  }
  try {
    const result = await fn();
    await db.idempotencyRecord.update({
      where: { actorId_key: { actorId: actor.id, key } },
      data: { status: result.status, responseJson: JSON.stringify(result.body) },
    });
    return { ...result, replayed: false };
  } catch (error) {
    await db.idempotencyRecord.deleteMany({ where: { actorId: actor.id, key, status: PENDING } });
    throw error;
  }

  function replay(record: { requestHash: string; status: number; responseJson: string }): StoredResponse<T> {
    if (record.requestHash !== requestHash) {
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "this Idempotency-Key was used with a different body; use a new key",
      );
    }
    if (record.status === PENDING) {
      throw new AppError("CONFLICT", "a request with this Idempotency-Key is still being processed; retry shortly");
    }
    return { status: record.status, body: JSON.parse(record.responseJson) as T, replayed: true };
  }
}
