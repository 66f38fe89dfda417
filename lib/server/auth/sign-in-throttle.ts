import "server-only";
import { AppError } from "@/lib/domain/app-error";
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  checkThrottle,
  currentFailures,
  recordFailure,
  type ThrottlePolicy,
  type ThrottleState,
} from "@/lib/domain/auth/sign-in-throttle";
import type { Db } from "../db";

interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
  /**
   * Strict keys (accounts) serialise attempts through the row's version: two guesses at the same
   * moment cannot both use one free slot. Address keys count without that guard, so an office behind
   * one NAT address never gets a spurious refusal because two colleagues signed in at once.
   */
  strict: boolean;
}

export interface SignInReservation {
  keys: ThrottleKey[];
}

function keysFor(email: string, clientAddress: string | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email.slice(0, 320)}`, policy: ACCOUNT_THROTTLE, strict: true }];
  if (clientAddress)
    keys.push({ key: `address:${clientAddress.slice(0, 100)}`, policy: ADDRESS_THROTTLE, strict: false });
  return keys;
}

function refuse(retryAfterMs: number): never {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  throw new AppError("RATE_LIMITED", `too many failed sign-ins; try again in ${seconds} s`, {
    details: { retryAfterSeconds: seconds },
  });
}

/**
 * Counts an attempt before the password is checked (so parallel guesses are counted too) and
 * refuses it with RATE_LIMITED while the account or the client address must wait. A successful
 * sign-in gives the count back (`settleSignInSuccess`). Shared by every instance: the counts live
 * in the database (SignInThrottle).
 */
export async function reserveSignInAttempt(
  db: Db,
  email: string,
  clientAddress: string | undefined,
  now = Date.now(),
): Promise<SignInReservation> {
  const keys = keysFor(email, clientAddress);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const stateOf = (key: string): { state: ThrottleState; version?: number } => {
    const row = rows.find((r) => r.key === key);
    return row
      ? { state: { failures: row.failures, lastFailureAt: row.lastFailureAt.getTime() }, version: row.version }
      : { state: { failures: 0, lastFailureAt: undefined } };
  };
  let wait = 0;
  for (const k of keys) {
    const decision = checkThrottle(stateOf(k.key).state, now, k.policy);
    if (!decision.allowed) wait = Math.max(wait, decision.retryAfterMs);
  }
  if (wait > 0) refuse(wait);

  const at = new Date(now);
  for (const k of keys) {
    const { state, version } = stateOf(k.key);
    const next = recordFailure(state, now, k.policy);
    if (version === undefined) {
      const created = await db.signInThrottle
        .create({ data: { key: k.key, failures: next.failures, lastFailureAt: at } })
        .then(() => true)
        .catch(() => false);
      if (created) continue;
      // Another attempt created the row a moment ago.
      if (k.strict) refuse(1_000);
      await db.signInThrottle.update({
        where: { key: k.key },
        data: { failures: { increment: 1 }, lastFailureAt: at },
      });
    } else if (k.strict) {
      const updated = await db.signInThrottle.updateMany({
        where: { key: k.key, version },
        data: { failures: next.failures, lastFailureAt: at, version: { increment: 1 } },
      });
      if (updated.count !== 1) refuse(1_000);
    } else {
      await db.signInThrottle.update({
        where: { key: k.key },
        data:
          currentFailures(state, now, k.policy) === 0
            ? { failures: 1, lastFailureAt: at }
            : { failures: { increment: 1 }, lastFailureAt: at },
      });
    }
  }
  return { keys };
}

/** A correct password: the account starts afresh, and the address gets its attempt back. */
export async function settleSignInSuccess(db: Db, reservation: SignInReservation, now = Date.now()): Promise<void> {
  for (const k of reservation.keys) {
    if (k.strict) await db.signInThrottle.deleteMany({ where: { key: k.key } });
    else
      await db.signInThrottle.updateMany({
        where: { key: k.key, failures: { gt: 0 } },
        data: { failures: { decrement: 1 } },
      });
  }
  // Opportunistic clean-up keeps the table small without a scheduler.
  const forgetAfter = Math.max(ACCOUNT_THROTTLE.forgetAfterMs, ADDRESS_THROTTLE.forgetAfterMs);
  await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now - forgetAfter) } } });
}
