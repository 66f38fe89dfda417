import { buildProblem, problemResponse } from "@/lib/api/problem";
import { readFormBody, wantsJson } from "@/lib/api/read-form-body";
import { AppError, isAppError } from "@/lib/domain/app-error";
import { safeReturnTo } from "@/lib/domain/auth";
import { clientInfoFrom } from "@/lib/server/auth/authenticate-request";
import { isSameOrigin, redirectWithin, sessionCookie } from "@/lib/server/auth/cookies";
import { signInWithPassword } from "@/lib/server/auth/local-sign-in";

/**
 * Local (demo) account sign-in. A browser's form post is answered with a redirect (back to the form
 * with the error, or on to returnTo); a script that accepts JSON gets 200 or a problem document
 * (401, 429 with Retry-After while throttled). An oversized or non-form body is a 413 / 415 problem
 * for both, like the API.
 */
export async function POST(req: Request) {
  const json = wantsJson(req);
  let form: URLSearchParams;
  try {
    form = await readFormBody(req);
  } catch (error) {
    const e = isAppError(error) ? error : new AppError("BAD_REQUEST", "send the sign-in form");
    return problemResponse(buildProblem(e.code, e.message));
  }
  const returnTo = safeReturnTo(form.get("returnTo") ?? "/");
  try {
    if (!isSameOrigin(req)) throw new AppError("FORBIDDEN", "the sign-in form must be sent from this site");
    const { token } = await signInWithPassword(
      form.get("email") ?? "",
      form.get("password") ?? "",
      clientInfoFrom(req.headers),
    );
    const cookie = { "set-cookie": sessionCookie(req, token) };
    if (json)
      return Response.json({ signedIn: true, returnTo }, { headers: { ...cookie, "cache-control": "no-store" } });
    return redirectWithin(returnTo, 303, cookie);
  } catch (error) {
    const e = isAppError(error) ? error : new AppError("INTERNAL", "sign-in failed; try again");
    if (!isAppError(error))
      console.error(
        JSON.stringify({ level: "error", msg: "sign-in failed", error: String((error as Error)?.stack ?? error) }),
      );
    const retryAfter = e.details.retryAfterSeconds;
    if (json) {
      return problemResponse(
        buildProblem(e.code, e.message, { details: e.details }),
        typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {},
      );
    }
    const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    return redirectWithin(
      `/sign-in?error=${encodeURIComponent(`${message}.`)}&returnTo=${encodeURIComponent(returnTo)}`,
    );
  }
}
