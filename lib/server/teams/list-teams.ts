import "server-only";
import { hasPermission } from "@/lib/domain/auth/permissions";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";

/** Slugs of the teams whose requests the actor may see (every team for those who see all), sorted. */
export async function listTeamsForActor(actor: Actor, db?: Db): Promise<string[]> {
  db ??= await getDb();
  const seesAll = hasPermission(actor.role, "requests.read_all");
  const teams = await db.team.findMany({
    where: seesAll ? {} : { id: { in: [...actor.teamIds] } },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  return teams.map((t) => t.slug);
}

/** Slugs of the teams the actor belongs to (those they may request tables for), sorted. */
export async function listMemberTeams(actor: Actor, db?: Db): Promise<string[]> {
  db ??= await getDb();
  const teams = await db.team.findMany({
    where: { id: { in: [...actor.teamIds] } },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  return teams.map((t) => t.slug);
}
