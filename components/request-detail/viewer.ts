import { can } from "@/lib/domain/auth";
import { isBarredByFourEyes } from "@/lib/domain/workflow";
import type { ChangeRequestDetail } from "@/lib/server/change-requests";

/**
 * Whether the viewer is an approver held back by the four-eyes rule: they requested this change or
 * wrote any of its revisions (the rule itself is lib/domain/workflow's `isBarredByFourEyes`). The
 * server refuses such a decision anyway; this only explains why the approve button is missing.
 */
export function isFourEyesBlocked(
  viewer: { id: string; email: string; role: string; scopes?: readonly string[] },
  detail: Pick<ChangeRequestDetail, "status" | "requester" | "revisions" | "currentRevision">,
): boolean {
  if (!can(viewer, "requests.decide") || detail.status !== "SUBMITTED") return false;
  return isBarredByFourEyes(
    { requesterId: detail.requester.id, revisionAuthorIds: detail.revisions.map((r) => r.createdBy.id) },
    viewer.id,
  );
}
