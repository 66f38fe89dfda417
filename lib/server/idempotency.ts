import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/domain/app-error";
import type { Actor } from "./actor";
import type { Tx } from "./audit";
import { type Db, getDb } from "./db";

const TTL_MS = 24 * 3_600_000;
/**
 * How long an attempt holds its key. A create takes milliseconds; if the attempt is still PENDING
 * after this, its process most likely died (crash, kill -9, deploy), and a retry may take over.
 * Exactly-once holds even if the first attempt was only slow: the response is written in the
 * create's own transaction and only by the attempt that still holds the claim.
 */
export const IDEMPOTENCY_LEASE_MS = 10_000;
const PENDING = 0;

export interface StoredResponse<T> {
  status: number;
  /** A replay returns the stored JSON: what `fn` returned, with dates as ISO strings. */
  body: T;
  replayed: boolean;
}

/** Handed to the guarded work so it can record its response inside its own transaction. */
export interface IdempotencyClaim {
  /** Writes the response in `tx`; throws (rolling `tx` back) if a retry took the key over meanwhile. */
  complete(tx: Tx | Db, response: { status: number; body: unknown }): Promise<void>;
}

/**
 * Runs a create once per (actor, Idempotency-Key), across every instance. The key is claimed with
 * a PENDING row (unique index) and a short lease before the work; the work records its response
 * through `claim.complete` in the same transaction as what it creates, so a crash leaves either
 * both or neither. A retry gets the first response; the same key with a different body is refused;
 * a failed attempt frees the key; a PENDING row whose lease ran out (its owner died) is taken over.
 */
export async function runIdempotent<T>(
  actor: Actor,
  key: string | null,
  body: unknown,
  fn: (claim: IdempotencyClaim | undefined) => Promise<{ status: number; body: T }>,
  db?: Db,
): Promise<StoredResponse<T>> {
  if (!key) return { ...(await fn(undefined)), replayed: false };
  if (key.length > 200) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key is longer than 200 characters");
  }
  const database = db ?? (await getDb());
  const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const claimToken = randomBytes(16).toString("hex");
  const where = { actorId_key: { actorId: actor.id, key } };
  await database.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: new Date() } } });

  // Two rounds are enough: a lost race re-reads the row the winner wrote.
  let owned = false;
  for (let round = 0; round < 2 && !owned; round++) {
    const existing = await database.idempotencyRecord.findUnique({ where });
    const now = Date.now();
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new AppError(
          "IDEMPOTENCY_KEY_REUSED",
          "this Idempotency-Key was used with a different body; use a new key",
        );
      }
      if (existing.status !== PENDING) {
        return { status: existing.status, body: JSON.parse(existing.responseJson) as T, replayed: true };
      }
      const leaseLeft = (existing.leaseExpiresAt?.getTime() ?? 0) - now;
      if (leaseLeft > 0) {
        throw new AppError("CONFLICT", "a request with this Idempotency-Key is still being processed; retry shortly", {
          details: { retryAfterSeconds: Math.ceil(leaseLeft / 1000) },
        });
      }
      // The attempt holding the key is gone (or far too slow): take it over, exactly once.
      const taken = await database.idempotencyRecord.updateMany({
        where: { id: existing.id, status: PENDING, claimToken: existing.claimToken },
        data: { claimToken, leaseExpiresAt: new Date(now + IDEMPOTENCY_LEASE_MS) },
      });
      owned = taken.count === 1;
    } else {
      owned = await database.idempotencyRecord
        .create({
          data: {
            actorId: actor.id,
            key,
            requestHash,
            status: PENDING,
            responseJson: "null",
            claimToken,
            leaseExpiresAt: new Date(now + IDEMPOTENCY_LEASE_MS),
            expiresAt: new Date(now + TTL_MS),
          },
        })
        .then(() => true)
        .catch(() => false); // someone claimed the key between our read and insert
    }
  }
  if (!owned) throw new AppError("CONFLICT", "could not claim the Idempotency-Key; retry");

  let completed = false;
  const claim: IdempotencyClaim = {
    async complete(tx, response) {
      const written = await tx.idempotencyRecord.updateMany({
        where: { actorId: actor.id, key, claimToken, status: PENDING },
        data: { status: response.status, responseJson: JSON.stringify(response.body) },
      });
      if (written.count !== 1) {
        throw new AppError(
          "CONFLICT",
          "this request took so long that a retry with the same Idempotency-Key took over; the retry's result stands",
        );
      }
      completed = true;
    },
  };
  try {
    const result = await fn(claim);
    // Work that cannot record inside its own transaction records here (not crash-atomic).
    if (!completed) await claim.complete(database, result);
    return { ...result, replayed: false };
  } catch (error) {
    // Free the key for a retry, but only if it is still this attempt's.
    await database.idempotencyRecord
      .deleteMany({ where: { actorId: actor.id, key, claimToken, status: PENDING } })
      .catch(() => undefined);
    throw error;
  }
}
