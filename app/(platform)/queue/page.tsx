import Link from "next/link";
import styles from "@/components/approval-queue/approval-queue.module.css";
import { QueueFilters } from "@/components/approval-queue/queue-filters";
import type { QueueRow } from "@/components/approval-queue/queue-list";
import { filterQueryString, hasFilters, parseQueueQuery } from "@/components/approval-queue/queue-query";
import { QueueReview } from "@/components/approval-queue/queue-review";
import { QueueWorkspace } from "@/components/approval-queue/queue-workspace";
import { orderQueue } from "@/components/approval-queue/split-queue";
import { formatAge } from "@/components/ui/format-date";
import pageStyles from "@/components/ui/page.module.css";
import type { QueueItem, QueueQuery } from "@/lib/api/schemas/queue";
import { isAppError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/server/actor";
import { requirePageSession } from "@/lib/server/auth/page-session";
import { listQueue, loadQueueReview } from "@/lib/server/queue";
import { listTeamsForActor } from "@/lib/server/teams/list-teams";

export const metadata = { title: "Approval queue" };

function toRow(item: QueueItem, now: Date): QueueRow {
  return {
    key: item.key,
    title: item.title,
    tier: item.tier,
    team: item.team.slug,
    requester: item.requester.name,
    monthlyCostUsd: item.monthlyCostUsd,
    regions: item.regions,
    flags: item.flags,
    approvals: item.approvals,
    // Formatted here so the server render and the browser's agree.
    waiting: formatAge(item.waitingSince, now),
    waitingSinceIso: item.waitingSince,
    currentRevision: item.currentRevision,
    isOwn: item.isOwn,
    purpose: item.purpose,
    approvedByMe: item.approvedByMe,
    ...(item.plan ? { plan: item.plan } : {}),
    mayDecide: item.mayDecide,
    routedRoles: item.routedRoles,
    ...(item.account ? { account: item.account } : {}),
  };
}

/** A cursor from an old link (another sort, a tampered value) starts the queue from the top. */
async function loadPage(actor: Actor, query: QueueQuery) {
  try {
    return { query, page: await listQueue(actor, query) };
  } catch (error) {
    if (!isAppError(error) || error.code !== "BAD_REQUEST" || !query.cursor) throw error;
    const fromTop = { ...query, cursor: undefined };
    return { query: fromTop, page: await listQueue(actor, fromTop) };
  }
}

/** The platform team's queue: every team's submitted requests, filtered, sorted and paged in the database. */
export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const search = await searchParams;
  const { actor } = await requirePageSession("/queue", "requests.decide_routed");
  const [{ query, page }, teams] = await Promise.all([
    loadPage(actor, parseQueueQuery(search)),
    listTeamsForActor(actor),
  ]);
  const now = new Date();
  const rows = page.items.map((item) => toRow(item, now));
  // Without a selection, open the first request that needs the viewer's decision.
  const selectedKey = query.selected ?? orderQueue(rows)[0]?.key;
  const review = selectedKey ? await loadQueueReview(actor, selectedKey) : null;
  const next = page.nextCursor ? `/queue?${filterQueryString(query, { cursor: page.nextCursor })}` : undefined;
  const first = query.cursor ? `/queue?${filterQueryString(query, { cursor: undefined })}` : undefined;

  return (
    <>
      <div className={pageStyles.pageHeader}>
        <h1>
          Approval queue{" "}
          <span className={pageStyles.muted}>
            ({page.total.toLocaleString("en")}
            {page.totalCapped ? "+" : ""} waiting)
          </span>
        </h1>
      </div>
      {/* Keyed by the filters: the selects are uncontrolled, so "Clear" (a client-side navigation)
          must remount them or they keep showing, and resubmit, the old values. */}
      <QueueFilters key={filterQueryString(query, { cursor: undefined })} query={query} teams={teams} />
      {rows.length === 0 && !review ? (
        <div className={styles.empty} data-testid="queue-empty">
          <h2>{hasFilters(query) ? "No submitted requests match these filters" : "Nothing waiting for review"}</h2>
          <p>
            {hasFilters(query)
              ? "Clear or change the filters to see the rest of the queue."
              : "Submitted requests from every team appear here. Take a break."}
          </p>
        </div>
      ) : (
        <QueueWorkspace
          rows={rows}
          selectedKey={selectedKey}
          filterQuery={filterQueryString(query)}
          view={query.view}
          paged={Boolean(next || first)}
          decision={
            review
              ? {
                  changeRequestKey: review.detail.key,
                  version: review.detail.version,
                  currentRevision: review.detail.currentRevision,
                  availableActions: review.detail.availableActions,
                  isFourEyesBlocked: review.detail.fourEyesBlocked,
                }
              : null
          }
          review={
            review ? (
              <QueueReview detail={review.detail} safety={review.safety} diff={review.diff} />
            ) : (
              <p className={pageStyles.error} role="alert">
                {selectedKey} was not found, or you may no longer see it.
              </p>
            )
          }
        />
      )}
      {(next || first) && (
        <nav aria-label="Queue pages" className={pageStyles.muted}>
          {first && <Link href={first}>First page</Link>}
          {first && next && " · "}
          {next && <Link href={next}>Next page</Link>}
        </nav>
      )}
    </>
  );
}
