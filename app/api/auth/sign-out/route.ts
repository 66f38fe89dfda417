import { clientInfoFrom, readCookie } from "@/lib/server/auth/authenticate-request";
import { clearSessionCookie, isSameOrigin, publicOrigin } from "@/lib/server/auth/cookies";
import { deleteSession, isSecureContext, readSession, sessionCookieName } from "@/lib/server/auth/session";

/** Ends the session. The form carries the session's CSRF token, so another site cannot sign you out. */
export async function POST(req: Request) {
  const origin = publicOrigin(req);
  const secure = isSecureContext(new URL(req.url), req.headers.get("x-forwarded-proto"));
  const token = readCookie(req.headers, sessionCookieName(secure));
  const form = await req.formData().catch(() => undefined);
  const session = await readSession(token);
  if (session && isSameOrigin(req) && form?.get("csrf") === session.csrfToken) {
    await deleteSession(token, clientInfoFrom(req.headers));
  }
  return new Response(null, {
    status: 303,
    headers: { location: `${origin}/sign-in`, "set-cookie": clearSessionCookie(req) },
  });
}
