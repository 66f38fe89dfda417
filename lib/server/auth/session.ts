import "server-only";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { loadActor } from "../load-actor";
import { generateSecret, hashSecret } from "./tokens";

export const SESSION_TTL_HOURS = Number(process.env.SESSION_TTL_HOURS ?? 12);

/** Cookie name: the `__Host-` prefix (Secure, path=/, no domain) wherever the cookie is Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-tw_session" : "tw_session";
}

/** Secure cookies everywhere except plain-HTTP localhost development. */
export function isSecureContext(url: URL, forwardedProto?: string | null): boolean {
  if (forwardedProto) return forwardedProto.split(",")[0]?.trim() === "https";
  if (url.protocol === "https:") return true;
  return !["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export interface ClientInfo {
  clientAddress?: string;
  userAgent?: string;
}

/** Starts a session for a user and records the sign-in. Returns the cookie value (shown only here). */
export async function createSession(
  userId: string,
  via: "local" | "oidc",
  client: ClientInfo,
  db?: Db,
): Promise<{ token: string; expiresAt: Date }> {
  db ??= await getDb();
  const token = generateSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_HOURS * 3_600_000);
  await db.session.create({
    data: {
      id: hashSecret(token),
      userId,
      csrfToken: generateSecret(),
      via,
      clientAddress: client.clientAddress?.slice(0, 100),
      userAgent: client.userAgent?.slice(0, 300),
      expiresAt,
    },
  });
  const actor = await loadActor(userId, { via: "session", ...client }, db);
  await recordAuditEvent(db, actor, { action: "SIGN_IN", details: { via } });
  // Opportunistic clean-up keeps the table small without a scheduler.
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return { token, expiresAt };
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

/** The actor behind a session cookie, or undefined when it is missing, unknown or expired. */
export async function readSession(
  token: string | undefined,
  client: ClientInfo = {},
  db?: Db,
): Promise<SessionActor | undefined> {
  if (!token || token.length > 200) return undefined;
  db ??= await getDb();
  const session = await db.session.findUnique({ where: { id: hashSecret(token) } });
  if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
  const actor = await loadActor(session.userId, { via: "session", ...client }, db);
  if (!actor) return undefined;
  return { actor, csrfToken: session.csrfToken, sessionId: session.id };
}

/** Ends a session (sign-out) and records it. */
export async function deleteSession(token: string | undefined, client: ClientInfo = {}, db?: Db): Promise<void> {
  if (!token) return;
  db ??= await getDb();
  const current = await readSession(token, client, db);
  await db.session.deleteMany({ where: { id: hashSecret(token) } });
  if (current) await recordAuditEvent(db, current.actor, { action: "SIGN_OUT" });
}
