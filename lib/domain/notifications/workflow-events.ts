import type { ChangeRequestStatus, WorkflowAction } from "../workflow/state-machine";
import type { NotificationEventType } from "./events";

/**
 * The event a workflow transition announces, or null when it announces none (a draft revised, a
 * draft created). An approval that leaves the request SUBMITTED is waiting on another approver.
 */
export function notificationForTransition(
  action: WorkflowAction | "CREATE",
  from: ChangeRequestStatus | null,
  to: ChangeRequestStatus,
): NotificationEventType | null {
  switch (action) {
    case "CREATE":
    case "SUBMIT":
      return to === "SUBMITTED" ? "change_request.submitted" : null;
    case "REVISE":
      // A new revision of a request under review (or sent back) goes to review again.
      return to === "SUBMITTED" && from !== "DRAFT" ? "change_request.submitted" : null;
    case "APPROVE":
      return to === "APPROVED" ? "change_request.approved" : "change_request.awaiting_second_approval";
    case "REJECT":
      return "change_request.rejected";
    case "REQUEST_CHANGES":
      return "change_request.changes_requested";
    case "WITHDRAW":
      return "change_request.withdrawn";
    case "RECORD_VERIFICATION":
      return to === "VERIFIED" ? "table.verified" : "table.drift_detected";
    default:
      return null;
  }
}
