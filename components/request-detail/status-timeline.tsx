import { formatDateTime, isoOf } from "@/components/ui/format-date";
import styles from "./request-detail.module.css";

export interface TimelineEvent {
  id: number | string;
  at: Date | string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  revisionNumber: number | null;
  details: Record<string, unknown>;
}

/** "Pat Platform <pat@example.com>" -> "Pat Platform": the audit label keeps the email for the record. */
function personOf(label: string): string {
  return /^(.+?) <[^>]+>$/.exec(label)?.[1] ?? label;
}

const statusText = (status: string) => status.replaceAll("_", " ").toLowerCase();

/** The audit action as a phrase after the actor's name ("Pat approved revision 2"). */
function phraseFor(event: TimelineEvent): string {
  const rev = event.revisionNumber ? ` revision ${event.revisionNumber}` : "";
  const d = event.details;
  switch (event.action) {
    case "CHANGE_REQUEST_CREATED":
      return "created the request";
    case "SUBMIT":
      return `submitted${rev} for review`;
    case "APPROVE":
      return typeof d.approvals === "number" && typeof d.required === "number"
        ? `approved${rev} (${d.approvals} of ${d.required} approvals)`
        : `approved${rev}`;
    case "REJECT":
      return `rejected${rev}`;
    case "REQUEST_CHANGES":
      return `requested changes to${rev}`;
    case "REVISE":
      return `added${rev}`;
    case "WITHDRAW":
      return "withdrew the request";
    case "COMMENT":
      return `commented on${rev}`;
    case "BUNDLE_DOWNLOADED":
      return `downloaded the bundle of${rev}`;
    case "PLAN_ATTESTED":
      return `posted a Terraform plan that matches${rev}`;
    case "PLAN_VIOLATIONS":
      return typeof d.findings === "number"
        ? `posted a Terraform plan that differs from${rev} (${d.findings} finding${d.findings === 1 ? "" : "s"})`
        : `posted a Terraform plan that differs from${rev}`;
    case "DECISION_DENIED":
      return `was refused (${String(d.attempted ?? "decision")
        .toLowerCase()
        .replaceAll("_", " ")}): ${String(d.message ?? d.code ?? "")}`;
    case "RECORD_VERIFICATION":
      return "recorded a live check of the table";
    default:
      return event.action.toLowerCase().replaceAll("_", " ");
  }
}

const TONE: Record<string, string | undefined> = {
  APPROVE: styles.dotSuccess,
  REJECT: styles.dotDanger,
  REQUEST_CHANGES: styles.dotWarning,
  DECISION_DENIED: styles.dotDanger,
};

/** The status timeline: every audited step, oldest first, with who, what, when and why. */
export function StatusTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className={styles.muted}>No history recorded yet.</p>;
  return (
    <ol className={styles.timeline} aria-label="Status timeline" data-testid="status-timeline">
      {events.map((event) => (
        <li key={event.id} className={styles.timelineItem}>
          <span className={`${styles.dot} ${TONE[event.action] ?? ""}`} aria-hidden="true" />
          <div>
            <p className={styles.timelineLine}>
              <strong title={event.actor}>{personOf(event.actor)}</strong> {phraseFor(event)}
              {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
                <span className={styles.transition}>
                  {statusText(event.fromStatus)} → {statusText(event.toStatus)}
                </span>
              )}
            </p>
            {typeof event.details.reason === "string" && event.details.reason && (
              <blockquote className={styles.reason}>{event.details.reason}</blockquote>
            )}
            <time className={styles.when} dateTime={isoOf(event.at)}>
              {formatDateTime(event.at)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
