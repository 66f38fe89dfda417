import styles from "@/components/ui/status-badge.module.css";
import { isTableLiveStatus, TABLE_LIVE_STATUS_LABELS } from "@/lib/domain/inventory";

const TONE: Record<string, string | undefined> = {
  AWAITING_APPLY: styles.info,
  VERIFIED: styles.success,
  DRIFTED: styles.danger,
  UNKNOWN: styles.neutral,
};

/** A managed table's live status as a pill with its words. */
export function LiveStatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`${styles.badge} ${TONE[status] ?? styles.neutral}`}
      data-testid="live-status"
      data-status={status}
    >
      {isTableLiveStatus(status) ? TABLE_LIVE_STATUS_LABELS[status] : status}
    </span>
  );
}
