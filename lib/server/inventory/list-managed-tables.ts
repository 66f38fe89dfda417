import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { hasPermission } from "@/lib/domain/auth/permissions";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { decodeRegions } from "./table-records";

export interface TableListFilters {
  team?: string;
  tier?: string;
  region?: string;
  status?: string;
  /** Monthly estimate bounds, USD. */
  minCost?: number;
  maxCost?: number;
  /** Free text over name, team, service and tier. */
  q?: string;
  /** newest (default): most recently added first; cost: most expensive first. */
  sort?: "newest" | "cost";
  cursor?: string;
  limit?: number;
}

export const MAX_TABLE_PAGE_SIZE = 100;

/** The sort key of the last row and its id: a keyset cursor, so deep pages cost what the first does. */
type Cursor = [sort: "newest" | "cost", key: string | number, id: string];

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(value: string, sort: "newest" | "cost"): Cursor {
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    const valid =
      Array.isArray(c) &&
      c[0] === sort &&
      typeof c[2] === "string" &&
      (sort === "cost" ? typeof c[1] === "number" : typeof c[1] === "string" && !Number.isNaN(Date.parse(c[1])));
    if (!valid) throw new Error();
    return c;
  } catch {
    throw new AppError("BAD_REQUEST", "the cursor is not one this API issued for this sort", {
      issues: [
        { path: "cursor", code: "CURSOR_INVALID", message: "pass the nextCursor of a previous page, same sort" },
      ],
    });
  }
}

/**
 * One page of managed tables the actor may see: developers their teams' tables, the platform team
 * every table (the scope comes from the actor, never from the query). Keyset-paginated over
 * (createdAt, id) or (monthlyCostUsd, id), both indexed, so page 200 is as fast as page 1.
 */
export async function listManagedTables(actor: Actor, filters: TableListFilters = {}, db?: Db) {
  db ??= await getDb();
  const limit = Math.min(Math.max(Math.trunc(filters.limit ?? 50), 1), MAX_TABLE_PAGE_SIZE);
  const sort = filters.sort ?? "newest";
  const and: Prisma.ManagedTableWhereInput[] = [];
  if (!hasPermission(actor.role, "requests.read_all")) and.push({ teamId: { in: [...actor.teamIds] } });
  if (filters.team) and.push({ team: { slug: filters.team } });
  if (filters.tier) and.push({ tier: filters.tier });
  if (filters.region) and.push({ regions: { contains: `,${filters.region},` } });
  if (filters.status) and.push({ liveStatus: filters.status });
  if (filters.minCost !== undefined) and.push({ monthlyCostUsd: { gte: filters.minCost } });
  if (filters.maxCost !== undefined) and.push({ monthlyCostUsd: { lte: filters.maxCost } });
  if (filters.q?.trim()) and.push({ searchText: { contains: filters.q.trim().toLowerCase().slice(0, 200) } });
  if (filters.cursor) {
    const [, key, id] = decodeCursor(filters.cursor, sort);
    if (sort === "cost") {
      const cost = key as number;
      and.push({ OR: [{ monthlyCostUsd: { lt: cost } }, { monthlyCostUsd: cost, id: { lt: id } }] });
    } else {
      const at = new Date(key as string);
      and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] });
    }
  }
  const rows = await db.managedTable.findMany({
    where: { AND: and },
    orderBy: sort === "cost" ? [{ monthlyCostUsd: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      name: true,
      primaryRegion: true,
      regions: true,
      account: true,
      tier: true,
      liveStatus: true,
      monthlyCostUsd: true,
      drPattern: true,
      definedByRequestKey: true,
      definedByRevision: true,
      isDemo: true,
      createdAt: true,
      updatedAt: true,
      team: { select: { slug: true, name: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, regions: decodeRegions(row.regions) })),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(
            sort === "cost"
              ? ["cost", last.monthlyCostUsd, last.id]
              : ["newest", last.createdAt.toISOString(), last.id],
          )
        : null,
  };
}

export type ManagedTableListItem = Awaited<ReturnType<typeof listManagedTables>>["items"][number];
