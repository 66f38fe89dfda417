import "server-only";
import type { Actor } from "../actor";
import { authenticateApiToken } from "./api-tokens";
import { isSecureContext, readSession, sessionCookieName } from "./session";

export interface RequestAuth {
  actor?: Actor;
  via: "token" | "session" | "none";
  /** The session's CSRF token, for checking cookie-authenticated state changes. */
  csrfToken?: string;
  /** A bearer token was sent but is unknown, revoked or expired. */
  invalidToken?: boolean;
}

export function clientInfoFrom(headers: Headers) {
  return {
    clientAddress: headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || undefined,
    userAgent: headers.get("user-agent") ?? undefined,
  };
}

export function readCookie(headers: Headers, name: string): string | undefined {
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Who sent a request: a bearer token wins over a session cookie; the client's ids are never trusted. */
export async function authenticateRequest(req: Request): Promise<RequestAuth> {
  const client = clientInfoFrom(req.headers);
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match?.[1] ? await authenticateApiToken(match[1], client) : undefined;
    return actor ? { actor, via: "token" } : { via: "none", invalidToken: true };
  }
  const url = new URL(req.url);
  const secure = isSecureContext(url, req.headers.get("x-forwarded-proto"));
  const token = readCookie(req.headers, sessionCookieName(secure));
  const session = await readSession(token, client);
  return session ? { actor: session.actor, via: "session", csrfToken: session.csrfToken } : { via: "none" };
}
