import { type NextRequest, NextResponse } from "next/server";
import { badRequestPage } from "@/lib/api/bad-request-page";
import { findUrlProblem } from "@/lib/api/check-request-url";
import { buildProblem, problemResponse } from "@/lib/api/problem";

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const isPrefetch = (request: NextRequest) =>
  request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";

/**
 * Runs before every route. First it refuses a URL no route can serve honestly (bad percent-encoding
 * in the path, a NUL, a page parameter given twice, a forged list cursor: lib/api/check-request-url.ts)
 * with a 400: problem+json for the API, a friendly page for people (lib/api/bad-request-page.ts). Then pages get a
 * fresh nonce per view for a strict Content-Security-Policy: scripts run only when Next marked them
 * with the nonce. Styles allow inline attributes (React style props); frames are refused.
 */
export function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const problem = findUrlProblem(request.nextUrl, { page: !isApi });
  if (problem && isApi) {
    return problemResponse(buildProblem("BAD_REQUEST", `the ${problem.where} ${problem.message}`));
  }
  if (isApi) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  if (problem) {
    const page = badRequestPage(`The ${problem.where} ${problem.message}.`);
    page.headers.set("content-security-policy", csp);
    return page;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!isPrefetch(request)) response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Everything but Next's own static files: the URL check must see every route, prefetches included.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
