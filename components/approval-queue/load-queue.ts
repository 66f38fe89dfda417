import "server-only";
import { formatAge } from "@/components/change-requests/change-request-table";
import { isFourEyesBlocked } from "@/components/request-detail/viewer";
import { isAppError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/server/actor";
import {
  type ChangeRequestListItem,
  diffChangeRequestRevisions,
  getChangeRequest,
  getChangeSafety,
  listChangeRequests,
  listReviewContext,
} from "@/lib/server/change-requests";
import { getDb } from "@/lib/server/db";
import type { QueueRow } from "./queue-list";
import { arrangeQueue, type QueueQuery } from "./queue-query";

const MAX_PAGES = 5;
const PAGE_SIZE = 100;

/** Every submitted request the filters allow (up to 500), arranged, with approval counts. */
export async function loadQueue(actor: Actor, query: QueueQuery) {
  const db = await getDb();
  const items: ChangeRequestListItem[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await listChangeRequests(actor, {
      status: ["SUBMITTED"],
      tier: query.tier,
      team: query.team,
      flag: query.flag,
      order: "oldest",
      cursor,
      limit: PAGE_SIZE,
    });
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
    truncated = page === MAX_PAGES - 1;
  }
  const now = new Date();
  const arranged = arrangeQueue(
    items.map((item) => ({ ...item, waitingSince: item.submittedAt ?? item.createdAt })),
    query,
    now,
  );
  const [teams, context] = await Promise.all([
    db.team.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
    listReviewContext(actor, arranged),
  ]);
  const rows: QueueRow[] = arranged.map((item) => {
    const facts = context.get(item.key);
    return {
      purpose: facts?.purpose ?? "",
      approvedByMe: facts?.approvedByMe ?? false,
      isMine: facts?.isMine ?? item.requester.email === actor.email,
      key: item.key,
      title: item.title,
      tier: item.tier,
      team: item.team.slug,
      requester: item.requester.name,
      monthlyCostUsd: item.monthlyCostUsd,
      regions: item.regions,
      flags: item.flags,
      approvals: item.approvals,
      waiting: formatAge(item.waitingSince, now),
      waitingSinceIso: item.waitingSince.toISOString(),
      currentRevision: item.currentRevision,
      isOwn: item.requester.email === actor.email,
    };
  });
  return { rows, teams: teams.map((t) => t.slug), truncated };
}

/** The selected request's review: its detail, the diff against the previous revision, the decision controls. */
export async function loadQueueReview(actor: Actor, key: string) {
  try {
    const [detail, safety] = await Promise.all([getChangeRequest(actor, key), getChangeSafety(actor, key)]);
    const diff =
      detail.currentRevision > 1
        ? await diffChangeRequestRevisions(actor, key, detail.currentRevision - 1, detail.currentRevision)
        : null;
    return {
      detail,
      safety,
      diff,
      decision: {
        changeRequestKey: detail.key,
        version: detail.version,
        currentRevision: detail.currentRevision,
        availableActions: detail.availableActions,
        isFourEyesBlocked: isFourEyesBlocked(actor, detail),
      },
    };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return { detail: null, safety: null, diff: null, decision: null };
    throw error;
  }
}
