import { formatDateTime, isoOf } from "@/components/ui/format-date";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import styles from "./request-detail.module.css";

/**
 * When a request is rejected or sent back, the reviewer's reason is the first thing its requester
 * needs: shown above everything else, not only deep in the timeline.
 */
export function LatestDecision({ detail }: { detail: Pick<ChangeRequestDetail, "status" | "decisions"> }) {
  const kind =
    detail.status === "REJECTED" ? "REJECT" : detail.status === "CHANGES_REQUESTED" ? "REQUEST_CHANGES" : null;
  if (!kind) return null;
  const decision = detail.decisions.findLast((d) => d.kind === kind);
  if (!decision) return null;
  const rejected = kind === "REJECT";
  return (
    <section
      className={`${styles.latestDecision} ${rejected ? styles.latestRejected : styles.latestChanges}`}
      aria-labelledby="latest-decision-title"
      data-testid="latest-decision"
    >
      <h2 id="latest-decision-title" className={styles.latestTitle}>
        {rejected ? "Rejected" : "Changes requested"} by {decision.decider.name}
      </h2>
      <blockquote className={styles.reason}>{decision.reason}</blockquote>
      <p className={styles.small}>
        On revision {decision.revisionNumber} ·{" "}
        <time dateTime={isoOf(decision.createdAt)}>{formatDateTime(decision.createdAt)}</time>
        {rejected ? "" : " · revise the request to send it back to review"}
      </p>
    </section>
  );
}
