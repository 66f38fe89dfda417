import "server-only";
import type { Actor } from "./actor";
import { type Db, getDb } from "./db";

/** Builds the actor for a stored user (role and team memberships come from the database). */
export async function loadActor(
  userId: string,
  extra: Partial<Pick<Actor, "via" | "scopes" | "clientAddress" | "userAgent">> = {},
  db?: Db,
): Promise<Actor | undefined> {
  db ??= await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { select: { teamId: true } } },
  });
  if (!user) return undefined;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamIds: user.memberships.map((m) => m.teamId),
    via: extra.via ?? "session",
    scopes: extra.scopes,
    clientAddress: extra.clientAddress,
    userAgent: extra.userAgent,
  };
}
