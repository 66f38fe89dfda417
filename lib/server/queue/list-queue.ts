import "server-only";
import type { QueuePage, QueueQuery, QueueSort } from "@/lib/api/schemas/queue";
import { hasPermission } from "@/lib/domain/auth/permissions";
import { isOwnChange } from "@/lib/domain/workflow";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "../actor";
import { encodeRoutedRoles } from "../budget/refresh-routed-roles";
import { decodeFlags } from "../change-requests/build-revision";
import { countApprovals } from "../change-requests/count-approvals";
import { visibleTo } from "../change-requests/visible-to";
import { type Db, getDb } from "../db";
import {
  decodeCursor,
  encodeCursor,
  type KeysetColumn,
  keysetAfter,
  keysetOrder,
  keysetOrderBy,
} from "../pagination/keyset";
import { listReviewFacts } from "./list-review-facts";

export const QUEUE_PAGE_SIZE = 50;
/** Counting stops here ("1,000+ waiting"): an exact count of a huge queue would read every row. */
export const QUEUE_COUNT_CAP = 1_000;
const DAY_MS = 86_400_000;

type Column = KeysetColumn<"submittedAt" | "monthlyCostUsd" | "tierRank" | "id">;

/** Each sort is a keyset order that an index on (status, ...) serves; see prisma/schema.prisma. */
const ORDERS: Record<QueueSort, readonly Column[]> = {
  oldest: keysetOrder("asc", ["submittedAt", "date"]),
  newest: keysetOrder("desc", ["submittedAt", "date"]),
  "cost-desc": keysetOrder("desc", ["monthlyCostUsd", "number"]),
  "cost-asc": keysetOrder("asc", ["monthlyCostUsd", "number"]),
  tier: keysetOrder("asc", ["tierRank", "number"], ["submittedAt", "date"]),
};

const COST_RANGES: Record<NonNullable<QueueQuery["cost"]>, Prisma.FloatFilter> = {
  lt100: { lt: 100 },
  "100to1000": { gte: 100, lte: 1000 },
  gt1000: { gt: 1000 },
};

/**
 * "Waiting on others" for the viewer, by the four-eyes rule (lib/domain/workflow `isOwnChange`)
 * plus approvals already given: the submitted requests they asked for or wrote, and those whose
 * current revision they approved. Read from the viewer's side (indexed by requester, author and
 * decider), so the set costs what the viewer did, not what the queue holds.
 */
async function waitingOnOthersIds(db: Db, actor: Actor): Promise<string[]> {
  const [own, approved] = await Promise.all([
    db.changeRequest.findMany({
      where: {
        status: "SUBMITTED",
        OR: [{ requesterId: actor.id }, { revisions: { some: { createdById: actor.id } } }],
      },
      select: { id: true },
    }),
    // Every standing approval of theirs (the main query keeps the submitted ones): an index range
    // on the decider, where a join to the requests' status would read the whole table.
    db.decision.findMany({
      where: { deciderId: actor.id, kind: "APPROVE", supersededAt: null },
      select: { changeRequestId: true },
    }),
  ]);
  return [...new Set([...own.map((r) => r.id), ...approved.map((d) => d.changeRequestId)])];
}

/** What the viewer may still approve: not theirs, not written by them, not approved by them yet. */
function needsDecisionBy(actor: Actor): Prisma.ChangeRequestWhereInput {
  return {
    requesterId: { not: actor.id },
    // Any revision's author, not only the current one's (lib/domain/workflow `isOwnChange`).
    revisions: { none: { createdById: actor.id } },
    decisions: { none: { deciderId: actor.id, kind: "APPROVE", supersededAt: null } },
  };
}

/**
 * Requests the viewer's role may decide at all: a holder of `requests.decide` decides any; a
 * holder of only `requests.decide_routed` (budget approvers) only those the tier policy's routing
 * sends to that role (ChangeRequest.routedRoles, kept current by lib/server/budget). Undefined:
 * no restriction.
 */
function decidableBy(actor: Actor): Prisma.ChangeRequestWhereInput | undefined {
  if (hasPermission(actor.role, "requests.decide")) return undefined;
  if (!hasPermission(actor.role, "requests.decide_routed")) return { id: { in: [] } };
  return { routedRoles: { contains: encodeRoutedRoles([actor.role]) } };
}

/** Whether the viewer's role may decide a listed request (the same rule as `decidableBy`). */
function mayDecideRow(actor: Actor, routedRoles: string): boolean {
  if (hasPermission(actor.role, "requests.decide")) return true;
  return hasPermission(actor.role, "requests.decide_routed") && routedRoles.includes(encodeRoutedRoles([actor.role]));
}

/** Every submitted request the viewer may see: the queue before its filters. */
function waiting(actor: Actor): Prisma.ChangeRequestWhereInput {
  // Every path to SUBMITTED sets submittedAt (and the migration backfilled older rows).
  return { AND: [visibleTo(actor), { status: "SUBMITTED", submittedAt: { not: null } }] };
}

/** Every filter of the queue as one `where`: the database filters, the page only shows. */
async function queueWhere(db: Db, actor: Actor, query: QueueQuery, now: Date) {
  const and: Prisma.ChangeRequestWhereInput[] = [waiting(actor)];
  if (query.tier) and.push({ tier: query.tier });
  if (query.team) and.push({ team: { slug: query.team } });
  if (query.flag) and.push({ queueFlags: { some: { flag: query.flag } } });
  if (query.age) and.push({ submittedAt: { lte: new Date(now.getTime() - Number(query.age) * DAY_MS) } });
  if (query.cost) and.push({ monthlyCostUsd: COST_RANGES[query.cost] });
  const decidable = decidableBy(actor);
  if (query.view === "mine") and.push(needsDecisionBy(actor), ...(decidable ? [decidable] : []));
  if (query.view === "others") {
    const waitingIds = { id: { in: await waitingOnOthersIds(db, actor) } };
    // What the viewer's role cannot decide waits on the approvers it is routed to.
    and.push(decidable ? { OR: [waitingIds, { NOT: decidable }] } : waitingIds);
  }
  return { AND: and };
}

/**
 * One page of the approval queue: submitted requests the filters allow, in the chosen order, with
 * a cursor for the next page, and how many requests wait in all (filters aside, counted up to
 * QUEUE_COUNT_CAP). Filtering, ordering and paging happen in the query on indexes, so the page
 * costs about the same with ten or ten thousand requests waiting.
 */
export async function listQueue(
  actor: Actor,
  query: QueueQuery,
  options: { db?: Db; now?: Date; limit?: number; countCap?: number } = {},
): Promise<QueuePage> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const limit = options.limit ?? QUEUE_PAGE_SIZE;
  const countCap = options.countCap ?? QUEUE_COUNT_CAP;
  const order = ORDERS[query.sort];
  const where = await queueWhere(db, actor, query, now);
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
        risk: true,
        routedRoles: true,
        submittedAt: true,
        requesterId: true,
        revisions: { select: { createdById: true } },
        team: { select: { slug: true } },
        requester: { select: { name: true, email: true } },
      },
    }),
    // Filters aside, capped, and in the (status, submittedAt, id) index's order: an index range of
    // at most countCap + 1 entries. A filtered count would read every row a selective filter skips.
    db.changeRequest.count({ where: waiting(actor), orderBy: keysetOrderBy(ORDERS.oldest), take: countCap + 1 }),
  ]);
  const page = rows.slice(0, limit);
  const [approvals, facts] = await Promise.all([countApprovals(db, page), listReviewFacts(db, actor, page)]);
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
      isOwn: isOwnChange(
        { requesterId: row.requesterId, revisionAuthorIds: row.revisions.map((r) => r.createdById) },
        actor,
      ),
      purpose: facts.get(row.id)?.purpose ?? "",
      approvedByMe: facts.get(row.id)?.approvedByMe ?? false,
      plan: facts.get(row.id)?.plan ?? null,
      mayDecide: mayDecideRow(actor, row.routedRoles),
      routedRoles: row.routedRoles.split(",").filter(Boolean),
      account: facts.get(row.id)?.account ?? null,
    })),
    total: Math.min(total, countCap),
    totalCapped: total > countCap,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(
            query.sort,
            order.map((column) => last[column.field] as Date | number | string),
          )
        : null,
  };
}
