import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Permission } from "@/lib/domain/auth";
import { can } from "@/lib/domain/auth";
import { clientInfoFrom } from "./authenticate-request";
import { isSecureContext, readSession, type SessionActor, sessionCookieName } from "./session";

/** The signed-in session for a server component, or undefined. */
export async function getPageSession(): Promise<SessionActor | undefined> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const host = headerList.get("host") ?? "localhost";
  const secure = isSecureContext(new URL(`http://${host}/`), headerList.get("x-forwarded-proto"));
  return readSession(cookieStore.get(sessionCookieName(secure))?.value, clientInfoFrom(headerList));
}

/**
 * The session a page needs: anonymous visitors go to the sign-in page (and come back), and a
 * signed-in person without the permission gets the forbidden page, never the content.
 */
export async function requirePageSession(returnTo: string, permission?: Permission): Promise<SessionActor> {
  const session = await getPageSession();
  if (!session) redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  if (permission && !can(session.actor, permission)) redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return session;
}
