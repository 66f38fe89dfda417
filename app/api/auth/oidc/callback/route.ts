import { isAppError } from "@/lib/domain/app-error";
import { safeReturnTo } from "@/lib/domain/auth";
import { clientInfoFrom, readCookie } from "@/lib/server/auth/authenticate-request";
import { FLOW_COOKIE, flowCookie, publicOrigin, redirectWithin, sessionCookie } from "@/lib/server/auth/cookies";
import { finishOidcSignIn } from "@/lib/server/auth/oidc";

/** The identity provider sends the browser back here with the authorisation code. */
export async function GET(req: Request) {
  const origin = publicOrigin(req);
  const incoming = new URL(req.url);
  const callbackUrl = new URL(`${origin}${incoming.pathname}${incoming.search}`);
  try {
    const result = await finishOidcSignIn(
      callbackUrl,
      readCookie(req.headers, FLOW_COOKIE),
      clientInfoFrom(req.headers),
    );
    const headers = new Headers();
    headers.append("set-cookie", sessionCookie(req, result.token));
    headers.append("set-cookie", flowCookie(req, "", 0));
    return redirectWithin(safeReturnTo(result.returnTo), 303, headers);
  } catch (error) {
    const message = isAppError(error) ? error.message : "single sign-on failed";
    return redirectWithin(`/sign-in?error=${encodeURIComponent(message)}`);
  }
}
