import "server-only";
import type { Actor } from "../actor";
import { clientAddressFrom } from "../http/forwarded";
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

/** Where a request came from, for sessions and the audit trail (never a client-written header). */
export function clientInfoFrom(headers: Headers) {
  return {
    clientAddress: clientAddressFrom(headers),
    userAgent: headers.get("user-agent")?.slice(0, 300) ?? undefined,
  };
}

/** A cookie's value; a malformed percent-encoding reads as no cookie rather than an error. */
export function readCookie(headers: Headers, name: string): string | undefined {
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
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
