import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { authMode } from "./auth-mode";
import { verifyPassword } from "./password";
import { type ClientInfo, createSession } from "./session";
import { reserveSignInAttempt, settleSignInSuccess } from "./sign-in-throttle";

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Signs in with a local (demo) account; only in local mode. Attempts are throttled per account and
 * per client address before the password is even checked (lib/server/auth/sign-in-throttle.ts);
 * failures are audited without the password.
 */
export async function signInWithPassword(email: string, password: string, client: ClientInfo, db?: Db) {
  const mode = authMode();
  if (mode.kind !== "local") {
    throw new AppError("FORBIDDEN", mode.kind === "oidc" ? "sign in through single sign-on" : mode.reason);
  }
  db ??= await getDb();
  const normalized = email.trim().toLowerCase().slice(0, 320);
  const reservation = await reserveSignInAttempt(db, normalized, client.clientAddress);
  const user = await db.user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password.slice(0, 1024), user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok) {
    await recordAuditEvent(db, undefined, {
      action: "SIGN_IN_FAILED",
      details: { email: normalized, clientAddress: client.clientAddress },
    });
    throw new AppError("UNAUTHENTICATED", "email or password is wrong");
  }
  await settleSignInSuccess(db, reservation);
  return createSession(user.id, "local", client, db);
}
