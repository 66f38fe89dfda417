import { can } from "@/lib/domain/auth";
import type { ChangeRequestDetail } from "@/lib/server/change-requests";

/**
 * Whether the viewer is an approver held back by the four-eyes rule: they requested this change or
 * wrote its current revision. The server refuses such a decision anyway; this only explains why
 * the approve button is missing.
 */
export function isFourEyesBlocked(
  viewer: { id: string; email: string; role: string; scopes?: readonly string[] },
  detail: Pick<ChangeRequestDetail, "status" | "requester" | "revisions" | "currentRevision">,
): boolean {
  if (!can(viewer, "requests.decide") || detail.status !== "SUBMITTED") return false;
  const author = detail.revisions.find((r) => r.number === detail.currentRevision)?.createdBy;
  return detail.requester.id === viewer.id || author?.email === viewer.email;
}
