import { timingSafeEqual } from "node:crypto";
import { buildProblem, problemResponse } from "@/lib/api/problem";
import { readFormBody, wantsJson } from "@/lib/api/read-form-body";
import { isAppError } from "@/lib/domain/app-error";
import { clientInfoFrom, readCookie } from "@/lib/server/auth/authenticate-request";
import { clearSessionCookie, isSameOrigin, redirectWithin } from "@/lib/server/auth/cookies";
import { deleteSession, isSecureContext, readSession, sessionCookieName } from "@/lib/server/auth/session";

const sameSecret = (a: string, b: string) =>
  Buffer.byteLength(a) === Buffer.byteLength(b) && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Ends the session. The form carries the session's CSRF token: without it (another site posting
 * here) the session and the cookie both stay, so nobody can be signed out from elsewhere. A cookie
 * whose session is already gone is simply cleared.
 */
export async function POST(req: Request) {
  let form: URLSearchParams;
  try {
    form = await readFormBody(req);
  } catch (error) {
    if (isAppError(error)) return problemResponse(buildProblem(error.code, error.message));
    throw error;
  }
  const secure = isSecureContext(new URL(req.url), req.headers.get("x-forwarded-proto"));
  const token = readCookie(req.headers, sessionCookieName(secure));
  const session = await readSession(token);
  const csrf = form.get("csrf") ?? "";
  if (session && !(isSameOrigin(req) && csrf && sameSecret(csrf, session.csrfToken))) {
    if (wantsJson(req)) {
      return problemResponse(buildProblem("FORBIDDEN", "sign-out needs the csrf field of your session's form"));
    }
    return redirectWithin("/");
  }
  if (session) await deleteSession(token, clientInfoFrom(req.headers));
  return redirectWithin("/sign-in", 303, { "set-cookie": clearSessionCookie(req) });
}
