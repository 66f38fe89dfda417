import "server-only";
import type { Actor } from "./actor";
import { type Db, getDb } from "./db";

/** The slugs of the teams the actor belongs to, for pickers (alphabetical). */
export async function listActorTeamSlugs(actor: Pick<Actor, "teamIds">, db?: Db): Promise<string[]> {
  db ??= await getDb();
  const teams = await db.team.findMany({
    where: { id: { in: [...actor.teamIds] } },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  return teams.map((t) => t.slug);
}
