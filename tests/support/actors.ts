import type { Actor } from "../../lib/server/actor";
import type { Db } from "../../lib/server/db";

let counter = 0;

/** Creates a user (and teams as needed) and returns its actor. */
export async function makeActor(db: Db, role: string, teamSlugs: string[] = []): Promise<Actor> {
  counter++;
  const teamIds: string[] = [];
  for (const slug of teamSlugs) {
    const team = await db.team.upsert({ where: { slug }, create: { slug, name: slug }, update: {} });
    teamIds.push(team.id);
  }
  const email = `${role.toLowerCase()}-${counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
  const user = await db.user.create({
    data: { email, name: `${role} ${counter}`, role, memberships: { create: teamIds.map((teamId) => ({ teamId })) } },
  });
  return {
    id: user.id,
    email,
    name: user.name,
    role,
    teamIds,
    via: "session",
    clientAddress: "127.0.0.1",
    userAgent: "vitest",
  };
}
