import "server-only";
import { forwardedHostAndProto } from "../http/forwarded";
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

/**
 * Login CSRF guard for form posts: the Origin (when sent) must be the host this request was sent to
 * (X-Forwarded-Host only behind a trusted proxy), whichever of the portal's names the browser used.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return req.headers.get("sec-fetch-site") !== "cross-site";
  try {
    return new URL(origin).host === forwardedHostAndProto(req.headers, new URL(req.url)).host;
  } catch {
    return false;
  }
}

/**
 * The origin people use to reach the portal, for the OIDC redirect URI and absolute links:
 * TABLEWRIGHT_PUBLIC_URL when set; otherwise the host the browser asked for. X-Forwarded-Host is
 * believed only with TABLEWRIGHT_TRUSTED_PROXIES (lib/server/http/forwarded.ts), so a client cannot
 * make the portal build links to another site. Redirects within the portal use relative Locations.
 */
export function publicOrigin(req: Request): string {
  if (process.env.TABLEWRIGHT_PUBLIC_URL) return process.env.TABLEWRIGHT_PUBLIC_URL.replace(/\/$/, "");
  const { host, proto } = forwardedHostAndProto(req.headers, new URL(req.url));
  return `${proto}://${host}`;
}

/** A redirect within the portal: a relative Location, so no header can send the browser elsewhere. */
export function redirectWithin(path: string, status = 303, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set("location", path.startsWith("/") && !path.startsWith("//") ? path : "/");
  all.set("cache-control", "no-store");
  return new Response(null, { status, headers: all });
}
