import styles from "@/components/approval-queue/approval-queue.module.css";
import { loadQueue, loadQueueReview } from "@/components/approval-queue/load-queue";
import { QueueFilters } from "@/components/approval-queue/queue-filters";
import { filterQueryString, hasFilters, parseQueueQuery } from "@/components/approval-queue/queue-query";
import { QueueReview } from "@/components/approval-queue/queue-review";
import { QueueWorkspace } from "@/components/approval-queue/queue-workspace";
import { orderQueue } from "@/components/approval-queue/split-queue";
import pageStyles from "@/components/ui/page.module.css";
import { requirePageSession } from "@/lib/server/auth/page-session";

export const metadata = { title: "Approval queue" };

/** The platform team's queue: every team's submitted requests, filtered, sorted and reviewed in place. */
export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const search = await searchParams;
  const { actor } = await requirePageSession("/queue", "requests.decide");
  const query = parseQueueQuery(search);
  const { rows, teams, truncated } = await loadQueue(actor, query);
  // Without a selection, open the first request that needs the viewer's decision.
  const selectedKey = query.selected ?? orderQueue(rows)[0]?.key;
  const review = selectedKey ? await loadQueueReview(actor, selectedKey) : null;

  return (
    <>
      <div className={pageStyles.pageHeader}>
        <h1>
          Approval queue <span className={pageStyles.muted}>({rows.length} waiting)</span>
        </h1>
      </div>
      <QueueFilters query={query} teams={teams} />
      {truncated && (
        <p className={pageStyles.notice}>Showing the first {rows.length} submitted requests; narrow the filters.</p>
      )}
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
          decision={review?.decision ?? null}
          review={
            review?.detail && review.safety ? (
              <QueueReview detail={review.detail} safety={review.safety} diff={review.diff} />
            ) : (
              <p className={pageStyles.error} role="alert">
                {selectedKey} was not found, or you may no longer see it.
              </p>
            )
          }
        />
      )}
    </>
  );
}
