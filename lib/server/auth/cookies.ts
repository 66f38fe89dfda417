import "server-only";
import { isSecureContext, SESSION_TTL_HOURS, sessionCookieName } from "./session";

export const FLOW_COOKIE = "tw_oidc_flow";

/** Set-Cookie for the session: httpOnly, SameSite=Lax, Secure outside plain-HTTP localhost. */
export function sessionCookie(req: Request, token: string, maxAgeSeconds = SESSION_TTL_HOURS * 3600): string {
  const secure = isSecureContext(new URL(req.url), req.headers.get("x-forwarded-proto"));
  return [
    `${sessionCookieName(secure)}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearSessionCookie(req: Request): string {
  return sessionCookie(req, "", 0);
}

export function flowCookie(req: Request, value: string, maxAgeSeconds = 600): string {
  const secure = isSecureContext(new URL(req.url), req.headers.get("x-forwarded-proto"));
  return [
    `${FLOW_COOKIE}=${encodeURIComponent(value)}`,
    "Path=/api/auth/oidc",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** Login CSRF guard for form posts: the Origin (when sent) must be this site. */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return req.headers.get("sec-fetch-site") !== "cross-site";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Where to send the browser back to, relative to the host it used (not the server's bind address). */
export function publicOrigin(req: Request): string {
  if (process.env.TABLEWRIGHT_PUBLIC_URL) return process.env.TABLEWRIGHT_PUBLIC_URL.replace(/\/$/, "");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  const proto =
    req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(req.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}
