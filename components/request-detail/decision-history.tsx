import { formatDateTime, isoOf } from "@/components/ui/format-date";
import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import styles from "./request-detail.module.css";

const KIND_LABEL: Record<string, string> = {
  APPROVE: "Approved",
  REJECT: "Rejected",
  REQUEST_CHANGES: "Changes requested",
};
const KIND_TONE: Record<string, string | undefined> = {
  APPROVE: styles.tagSuccess,
  REJECT: styles.tagDanger,
  REQUEST_CHANGES: styles.tagWarning,
};

/** Every decision with its reason; approvals a later revision cleared are marked, not hidden. */
export function DecisionHistory({ decisions }: { decisions: ChangeRequestDetail["decisions"] }) {
  if (decisions.length === 0) return <p className={styles.muted}>No decisions yet.</p>;
  return (
    <ul className={styles.decisions} data-testid="decision-history">
      {decisions.map((d) => (
        <li key={`${d.kind}-${isoOf(d.createdAt)}-${d.decider.id}`} className={styles.decision}>
          <p className={styles.revisionTitle}>
            <span className={`${styles.tag} ${KIND_TONE[d.kind] ?? ""}`}>{KIND_LABEL[d.kind] ?? d.kind}</span>
            <span>
              revision {d.revisionNumber} by <strong>{d.decider.name}</strong>
            </span>
            {d.supersededAt && <span className={styles.tag}>cleared by a later revision</span>}
          </p>
          {d.reason && <blockquote className={styles.reason}>{d.reason}</blockquote>}
          <time className={styles.when} dateTime={isoOf(d.createdAt)}>
            {formatDateTime(d.createdAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
