import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { hasPermission } from "@/lib/domain/auth/permissions";
import { isRiskLevel } from "@/lib/domain/plan";
import type { TierRules } from "@/lib/domain/policy/schema";
import { requiredApprovalsFor } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "../actor";
import { type Db, getDb } from "../db";
import { loadTierPolicy } from "../policy";
import { decodeFlags } from "./build-revision";

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

interface Cursor {
  createdAt: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    if (typeof createdAt !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(createdAt)))
      throw new Error();
    return { createdAt, id };
  } catch {
    throw new AppError("BAD_REQUEST", "the cursor is not one this API issued", {
      issues: [{ path: "cursor", code: "CURSOR_INVALID", message: "pass the nextCursor of a previous page" }],
    });
  }
}

/**
 * One page of change requests the actor may see, newest (or oldest) first, with a cursor for the
 * next page. The order is (createdAt, id), so pages never skip or repeat a row when new ones arrive.
 * Developers see their teams' requests only; the scope comes from the actor, never from the query.
 */
export async function listChangeRequests(actor: Actor, filters: ListFilters = {}, db?: Db) {
  db ??= await getDb();
  const limit = Math.min(Math.max(Math.trunc(filters.limit ?? 50), 1), MAX_PAGE_SIZE);
  const ascending = filters.order === "oldest";
  const and: Prisma.ChangeRequestWhereInput[] = [];
  if (!hasPermission(actor.role, "requests.read_all")) and.push({ teamId: { in: [...actor.teamIds] } });
  if (filters.status?.length) and.push({ status: { in: [...filters.status] } });
  if (filters.team) and.push({ team: { slug: filters.team } });
  if (filters.tier) and.push({ tier: filters.tier });
  if (filters.requester) and.push({ requester: { email: filters.requester.toLowerCase() } });
  if (filters.q?.trim()) and.push({ searchText: { contains: filters.q.trim().toLowerCase().slice(0, 200) } });
  if (filters.flag) and.push({ flags: { contains: `,${filters.flag},` } });
  if (filters.cursor) {
    const c = decodeCursor(filters.cursor);
    const at = new Date(c.createdAt);
    const cmp = ascending ? "gt" : "lt";
    and.push({ OR: [{ createdAt: { [cmp]: at } }, { createdAt: at, id: { [cmp]: c.id } }] });
  }
  const rows = await db.changeRequest.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: ascending ? "asc" : "desc" }, { id: ascending ? "asc" : "desc" }],
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
  // Approvals of each request's current revision, in one grouped query for the whole page.
  const approvals = await db.decision.groupBy({
    by: ["changeRequestId", "revisionNumber"],
    where: { changeRequestId: { in: page.map((r) => r.id) }, kind: "APPROVE", supersededAt: null },
    _count: { _all: true },
  });
  const approvalCount = new Map(approvals.map((a) => [`${a.changeRequestId}:${a.revisionNumber}`, a._count._all]));
  const tiers = loadTierPolicy().tiers as Record<string, TierRules | undefined>;
  return {
    items: page.map(({ id, regions, flags, ...row }) => ({
      ...row,
      regions: regions ? regions.split(",") : [],
      flags: decodeFlags(flags),
      approvals: {
        count: approvalCount.get(`${id}:${row.currentRevision}`) ?? 0,
        required: requiredApprovalsFor(
          tiers[row.tier] ?? { requiredApprovals: 1 },
          isRiskLevel(row.risk) ? row.risk : undefined,
        ).approvals,
      },
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export type ChangeRequestListItem = Awaited<ReturnType<typeof listChangeRequests>>["items"][number];
