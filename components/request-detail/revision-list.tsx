import { formatDateTime, isoOf } from "@/components/ui/format-date";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import styles from "./request-detail.module.css";

/** Every revision with its author, prices date and the SHA-256 of its bundle (what approvers sign off). */
export function RevisionList({
  revisions,
  current,
  approved,
}: {
  revisions: ChangeRequestDetail["revisions"];
  current: number;
  approved: number | null;
}) {
  return (
    <ol className={styles.revisions} aria-label="Revisions" data-testid="revision-list">
      {[...revisions].reverse().map((rev) => (
        <li key={rev.number} className={styles.revision}>
          <p className={styles.revisionTitle}>
            <strong>Revision {rev.number}</strong>
            {rev.number === current && <span className={styles.tag}>current</span>}
            {rev.number === approved && <span className={`${styles.tag} ${styles.tagSuccess}`}>approved</span>}
          </p>
          <p className={styles.small}>
            {rev.createdBy.name} · <time dateTime={isoOf(rev.createdAt)}>{formatDateTime(rev.createdAt)}</time> · prices
            of {rev.pricesAsOf}
          </p>
          <p className={styles.small}>
            <span className={styles.muted}>SHA-256 </span>
            <code className={styles.checksum}>{rev.bundleSha256}</code>
          </p>
        </li>
      ))}
    </ol>
  );
}
