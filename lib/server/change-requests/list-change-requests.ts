import "server-only";
import type { ChangeRequestPage } from "@/lib/api/schemas/change-requests";
import type { ChangeRequestStatus } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import {
  decodeCursor,
  encodeCursor,
  type KeysetColumn,
  keysetAfter,
  keysetOrder,
  keysetOrderBy,
} from "../pagination/keyset";
import { decodeFlags } from "./build-revision";
import { countApprovals } from "./count-approvals";
import { visibleTo } from "./visible-to";

export interface ListFilters {
  status?: readonly string[];
  team?: string;
  tier?: string;
  /** Requester's email. */
  requester?: string;
  /** Free text over key, title, table, team and requester. */
  q?: string;
  /** A queue flag: warnings, policy, multi-region, replacement, rebuild, protection. */
  flag?: string;
  order?: "newest" | "oldest";
  cursor?: string;
  limit?: number;
}

export const MAX_PAGE_SIZE = 100;

const ORDERS = {
  newest: keysetOrder("desc", ["createdAt", "date"]),
  oldest: keysetOrder("asc", ["createdAt", "date"]),
} satisfies Record<string, readonly KeysetColumn<keyof Prisma.ChangeRequestOrderByWithRelationInput>[]>;

/**
 * One page of change requests the actor may see, newest (or oldest) first, with a cursor for the
 * next page. The order is (createdAt, id), so pages never skip or repeat a row when new ones arrive.
 * Developers see their teams' requests only; the scope comes from the actor, never from the query.
 */
export async function listChangeRequests(actor: Actor, filters: ListFilters = {}, db?: Db): Promise<ChangeRequestPage> {
  db ??= await getDb();
  const limit = Math.min(Math.max(Math.trunc(filters.limit ?? 50), 1), MAX_PAGE_SIZE);
  const orderName = filters.order ?? "newest";
  const order = ORDERS[orderName];
  const and: Prisma.ChangeRequestWhereInput[] = [visibleTo(actor)];
  if (filters.status?.length) and.push({ status: { in: [...filters.status] } });
  if (filters.team) and.push({ team: { slug: filters.team } });
  if (filters.tier) and.push({ tier: filters.tier });
  if (filters.requester) and.push({ requester: { email: filters.requester.toLowerCase() } });
  if (filters.q?.trim()) and.push({ searchText: { contains: filters.q.trim().toLowerCase().slice(0, 200) } });
  if (filters.flag) and.push({ queueFlags: { some: { flag: filters.flag } } });
  if (filters.cursor) and.push(keysetAfter(order, decodeCursor(filters.cursor, orderName, order)));
  const rows = await db.changeRequest.findMany({
    where: { AND: and },
    orderBy: keysetOrderBy(order),
    take: limit + 1,
    select: {
      id: true,
      key: true,
      title: true,
      tableName: true,
      tier: true,
      status: true,
      version: true,
      regions: true,
      monthlyCostUsd: true,
      flags: true,
      isDemo: true,
      currentRevision: true,
      risk: true,
      tableId: true,
      createdAt: true,
      updatedAt: true,
      submittedAt: true,
      team: { select: { slug: true, name: true } },
      requester: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const approvals = await countApprovals(db, page);
  return {
    items: page.map(({ id, regions, flags, status, createdAt, updatedAt, submittedAt, ...row }) => ({
      ...row,
      // The application writes only the state machine's statuses.
      status: status as ChangeRequestStatus,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      submittedAt: submittedAt?.toISOString() ?? null,
      regions: regions ? regions.split(",") : [],
      flags: decodeFlags(flags),
      approvals: approvals.of({ id, ...row }),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(orderName, [last.createdAt, last.id]) : null,
  };
}
