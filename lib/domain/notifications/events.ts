/**
 * The notification event catalogue: every event Tablewright emits, named `<entity>.<event>` in
 * snake case. Webhook subscriptions, personal e-mail preferences, the payload `type` and the docs
 * all use these names; code that emits an event only picks one from here.
 */
export const NOTIFICATION_EVENT_TYPES = [
  "change_request.submitted",
  "change_request.changes_requested",
  "change_request.awaiting_second_approval",
  "change_request.approved",
  "change_request.rejected",
  "change_request.withdrawn",
  "change_request.published",
  "change_request.plan_attested",
  "change_request.plan_violated",
  "table.drift_detected",
  "table.verified",
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export interface NotificationEventInfo {
  type: NotificationEventType;
  /** A short label for lists and checkboxes. */
  label: string;
  /** One sentence: when the event happens. */
  description: string;
  /** The request now waits for an approver's decision ("needs your decision" e-mails). */
  needsDecision: boolean;
  /** Something is wrong and someone should look now (shown as urgent in chat and mail). */
  urgent: boolean;
}

const info = (
  type: NotificationEventType,
  label: string,
  description: string,
  flags: Partial<Pick<NotificationEventInfo, "needsDecision" | "urgent">> = {},
): NotificationEventInfo => ({ type, label, description, needsDecision: false, urgent: false, ...flags });

export const NOTIFICATION_EVENTS: Record<NotificationEventType, NotificationEventInfo> = {
  "change_request.submitted": info(
    "change_request.submitted",
    "Submitted for review",
    "A change request was submitted, or a new revision was submitted again: it waits for a decision.",
    { needsDecision: true },
  ),
  "change_request.changes_requested": info(
    "change_request.changes_requested",
    "Changes requested",
    "An approver asked for changes, with a reason.",
  ),
  "change_request.awaiting_second_approval": info(
    "change_request.awaiting_second_approval",
    "Approved, waiting on a second approver",
    "One approval was recorded and the tier needs another one from a different approver.",
    { needsDecision: true },
  ),
  "change_request.approved": info(
    "change_request.approved",
    "Approved",
    "The final approval was given: the module bundle of the approved revision can be applied.",
  ),
  "change_request.rejected": info(
    "change_request.rejected",
    "Rejected",
    "An approver rejected the request, with a reason.",
  ),
  "change_request.withdrawn": info(
    "change_request.withdrawn",
    "Withdrawn",
    "The requester withdrew the request; no decision is needed any more.",
  ),
  "change_request.published": info(
    "change_request.published",
    "Published",
    "The approved module was published to its delivery target (e.g. a pull request).",
  ),
  "change_request.plan_attested": info(
    "change_request.plan_attested",
    "Plan attested",
    "A Terraform plan of the approved module was attested: it does only what was approved.",
  ),
  "change_request.plan_violated": info(
    "change_request.plan_violated",
    "Plan violated the approval",
    "A Terraform plan would do more than (or something other than) what was approved.",
    { urgent: true },
  ),
  "table.drift_detected": info(
    "table.drift_detected",
    "Drift detected",
    "The live table differs from its approved definition; the payload classifies each difference.",
  ),
  "table.verified": info("table.verified", "Table verified", "The live table matches its approved definition."),
};

export function isNotificationEventType(value: string): value is NotificationEventType {
  return (NOTIFICATION_EVENT_TYPES as readonly string[]).includes(value);
}

/** Splits a stored comma-separated list, keeping only known event types in catalogue order. */
export function parseEventList(value: string): NotificationEventType[] {
  const wanted = new Set(value.split(",").map((s) => s.trim()));
  return NOTIFICATION_EVENT_TYPES.filter((type) => wanted.has(type));
}

/** The stored form of an event list: catalogue order, no duplicates. */
export function formatEventList(types: readonly string[]): string {
  return parseEventList(types.join(",")).join(",");
}
