import styles from "./status-badge.module.css";

const TONE: Record<string, string> = {
  DRAFT: styles.neutral ?? "",
  SUBMITTED: styles.info ?? "",
  CHANGES_REQUESTED: styles.warning ?? "",
  APPROVED: styles.success ?? "",
  REJECTED: styles.danger ?? "",
  WITHDRAWN: styles.neutral ?? "",
  APPLIED: styles.success ?? "",
  VERIFIED: styles.success ?? "",
  DRIFTED: styles.danger ?? "",
};

/** A change request status as a coloured pill with readable text (colour is never the only cue). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`${styles.badge} ${TONE[status] ?? styles.neutral}`}>
      {status.replaceAll("_", " ").toLowerCase()}
    </span>
  );
}

export function DemoBadge() {
  return (
    <span className={`${styles.badge} ${styles.demo}`} title="Created by the demo seed, not a real request">
      demo
    </span>
  );
}
