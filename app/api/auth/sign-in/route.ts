import { isAppError } from "@/lib/domain/app-error";
import { clientInfoFrom } from "@/lib/server/auth/authenticate-request";
import { isSameOrigin, publicOrigin, sessionCookie } from "@/lib/server/auth/cookies";
import { signInWithPassword } from "@/lib/server/auth/local-sign-in";
import { safeReturnTo } from "@/lib/server/auth/oidc";

/** Local (demo) account sign-in from the sign-in page's form; answers with a redirect either way. */
export async function POST(req: Request) {
  const origin = publicOrigin(req);
  const form = await req.formData().catch(() => undefined);
  const returnTo = safeReturnTo(String(form?.get("returnTo") ?? "/"));
  const back = (error: string) =>
    Response.redirect(
      `${origin}/sign-in?error=${encodeURIComponent(error)}&returnTo=${encodeURIComponent(returnTo)}`,
      303,
    );
  if (!isSameOrigin(req)) return back("The sign-in form must be sent from this site.");
  if (!form) return back("Send the sign-in form.");
  try {
    const { token } = await signInWithPassword(
      String(form.get("email") ?? ""),
      String(form.get("password") ?? ""),
      clientInfoFrom(req.headers),
    );
    return new Response(null, {
      status: 303,
      headers: { location: `${origin}${returnTo}`, "set-cookie": sessionCookie(req, token) },
    });
  } catch (error) {
    return back(isAppError(error) ? error.message : "Sign-in failed; try again.");
  }
}
