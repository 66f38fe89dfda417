import "server-only";
import { hasPermission } from "@/lib/domain/auth/permissions";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "../actor";

/**
 * The rows a list may show the actor, as a query condition: their teams' requests, or every
 * team's for those allowed to see all. Taken from the actor, never from the query string.
 */
export function visibleTo(actor: Actor): Prisma.ChangeRequestWhereInput {
  return hasPermission(actor.role, "requests.read_all") ? {} : { teamId: { in: [...actor.teamIds] } };
}
