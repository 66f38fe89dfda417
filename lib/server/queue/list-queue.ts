import "server-only";
import type { QueuePage, QueueQuery, QueueSort } from "@/lib/api/schemas/queue";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "../actor";
import { decodeFlags } from "../change-requests/build-revision";
import { countApprovals } from "../change-requests/count-approvals";
import { visibleTo } from "../change-requests/visible-to";
import { type Db, getDb } from "../db";
import { decodeCursor, encodeCursor, type KeysetColumn, keysetAfter, keysetOrderBy } from "../pagination/keyset";

export const QUEUE_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

type Column = KeysetColumn<"submittedAt" | "monthlyCostUsd" | "tierRank" | "id">;

/** Each sort is a keyset order that an index on (status, ...) serves; see prisma/schema.prisma. */
const ORDERS: Record<QueueSort, readonly Column[]> = {
  oldest: [
    { field: "submittedAt", direction: "asc", kind: "date" },
    { field: "id", direction: "asc", kind: "string" },
  ],
  newest: [
    { field: "submittedAt", direction: "desc", kind: "date" },
    { field: "id", direction: "desc", kind: "string" },
  ],
  "cost-desc": [
    { field: "monthlyCostUsd", direction: "desc", kind: "number" },
    { field: "id", direction: "desc", kind: "string" },
  ],
  "cost-asc": [
    { field: "monthlyCostUsd", direction: "asc", kind: "number" },
    { field: "id", direction: "asc", kind: "string" },
  ],
  tier: [
    { field: "tierRank", direction: "asc", kind: "number" },
    { field: "submittedAt", direction: "asc", kind: "date" },
    { field: "id", direction: "asc", kind: "string" },
  ],
};

const COST_RANGES: Record<NonNullable<QueueQuery["cost"]>, Prisma.FloatFilter> = {
  lt100: { lt: 100 },
  "100to1000": { gte: 100, lte: 1000 },
  gt1000: { gt: 1000 },
};

/**
 * The four-eyes rule (lib/domain/workflow `isOwnChange`) as query conditions: the viewer asked for
 * the request, wrote its current revision, or has already approved that revision.
 */
function waitingOnOthers(actor: Actor): Prisma.ChangeRequestWhereInput {
  return {
    OR: [
      { requesterId: actor.id },
      { revisionAuthorId: actor.id },
      { decisions: { some: { deciderId: actor.id, kind: "APPROVE", supersededAt: null } } },
    ],
  };
}

function needsDecisionBy(actor: Actor): Prisma.ChangeRequestWhereInput {
  return {
    requesterId: { not: actor.id },
    revisionAuthorId: { not: actor.id },
    decisions: { none: { deciderId: actor.id, kind: "APPROVE", supersededAt: null } },
  };
}

/** Every filter of the queue as one `where`: the database filters, the page only shows. */
export function queueWhere(actor: Actor, query: QueueQuery, now: Date): Prisma.ChangeRequestWhereInput {
  const and: Prisma.ChangeRequestWhereInput[] = [
    visibleTo(actor),
    // Every path to SUBMITTED sets submittedAt (and the migration backfilled older rows).
    { status: "SUBMITTED", submittedAt: { not: null } },
  ];
  if (query.tier) and.push({ tier: query.tier });
  if (query.team) and.push({ team: { slug: query.team } });
  if (query.flag) and.push({ flags: { contains: `,${query.flag},` } });
  if (query.age) and.push({ submittedAt: { lte: new Date(now.getTime() - Number(query.age) * DAY_MS) } });
  if (query.cost) and.push({ monthlyCostUsd: COST_RANGES[query.cost] });
  if (query.view === "mine") and.push(needsDecisionBy(actor));
  if (query.view === "others") and.push(waitingOnOthers(actor));
  return { AND: and };
}

/**
 * One page of the approval queue: submitted requests the filters allow, in the chosen order, with
 * a cursor for the next page and the count over all pages. Filtering, ordering and paging happen in
 * the query (indexed), so the page costs the same with ten or ten thousand requests waiting.
 */
export async function listQueue(
  actor: Actor,
  query: QueueQuery,
  options: { db?: Db; now?: Date; limit?: number } = {},
): Promise<QueuePage> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const limit = options.limit ?? QUEUE_PAGE_SIZE;
  const order = ORDERS[query.sort];
  const where = queueWhere(actor, query, now);
  const after = query.cursor ? keysetAfter(order, decodeCursor(query.cursor, query.sort, order)) : undefined;
  const [rows, total] = await Promise.all([
    db.changeRequest.findMany({
      where: after ? { AND: [where, after] } : where,
      orderBy: keysetOrderBy(order),
      take: limit + 1,
      select: {
        id: true,
        key: true,
        title: true,
        tier: true,
        tierRank: true,
        monthlyCostUsd: true,
        regions: true,
        flags: true,
        currentRevision: true,
        submittedAt: true,
        requesterId: true,
        revisionAuthorId: true,
        team: { select: { slug: true } },
        requester: { select: { name: true, email: true } },
      },
    }),
    db.changeRequest.count({ where }),
  ]);
  const page = rows.slice(0, limit);
  const approvals = await countApprovals(db, page);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      key: row.key,
      title: row.title,
      tier: row.tier,
      team: row.team,
      requester: row.requester,
      monthlyCostUsd: row.monthlyCostUsd,
      regions: row.regions ? row.regions.split(",") : [],
      flags: decodeFlags(row.flags),
      approvals: approvals.of(row),
      currentRevision: row.currentRevision,
      waitingSince: (row.submittedAt as Date).toISOString(),
      isOwn: row.requesterId === actor.id || row.revisionAuthorId === actor.id,
    })),
    total,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(
            query.sort,
            order.map((column) => last[column.field] as Date | number | string),
          )
        : null,
  };
}
