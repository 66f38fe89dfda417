import { isAppError } from "@/lib/domain/app-error";
import { flowCookie, publicOrigin, redirectWithin } from "@/lib/server/auth/cookies";
import { startOidcSignIn } from "@/lib/server/auth/oidc";

/** Starts single sign-on: redirects to the identity provider (authorisation code + PKCE). */
export async function GET(req: Request) {
  const origin = publicOrigin(req);
  try {
    const { url, flowToken } = await startOidcSignIn(origin, new URL(req.url).searchParams.get("returnTo"));
    return new Response(null, {
      status: 302,
      headers: { location: url, "set-cookie": flowCookie(req, flowToken), "cache-control": "no-store" },
    });
  } catch (error) {
    const message = isAppError(error) ? error.message : "single sign-on could not start";
    return redirectWithin(`/sign-in?error=${encodeURIComponent(message)}`);
  }
}
