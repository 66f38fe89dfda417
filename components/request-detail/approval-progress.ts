import type { ChangeRequestDetail } from "@/lib/api/schemas/change-requests";
import { ROLE_LABELS, type Role } from "@/lib/domain/auth/permissions";

type ProgressInput = Pick<ChangeRequestDetail, "status" | "approvals" | "decisions" | "currentRevision">;

/** Who approved the current revision (approvals of earlier revisions were cleared by the revision). */
export function currentApprovers(detail: Pick<ChangeRequestDetail, "decisions" | "currentRevision">): string[] {
  return detail.decisions
    .filter((d) => d.kind === "APPROVE" && d.revisionNumber === detail.currentRevision && !d.supersededAt)
    .map((d) => d.decider.name);
}

const ORDINAL = ["first", "second", "third", "fourth", "fifth"];

/**
 * Where a submitted request stands in review, in a sentence: after the first of two prod
 * approvals it reads "Waiting on a second approver", so nobody mistakes one approval for done.
 * Undefined when the request is not waiting for approvals.
 */
export function describeApprovalProgress(detail: ProgressInput): string | undefined {
  if (detail.status !== "SUBMITTED") return undefined;
  const { count, required } = detail.approvals;
  const routed = (detail.approvals.roles ?? []).filter((r) => r.have < r.need);
  const routedText = routed
    .map(
      (r) =>
        `${r.need - r.have === 1 ? "one approval" : `${r.need - r.have} approvals`} from a ${(ROLE_LABELS[r.role as Role] ?? r.role).toLowerCase()}`,
    )
    .join(" and ");
  if (routed.length > 0 && count >= required - routed.reduce((n, r) => n + r.need - r.have, 0)) {
    // The platform's approvals are in; only the routed role's are missing.
    return `Waiting on ${routedText} (approval routing).`;
  }
  if (count >= required) return undefined;
  if (count === 0) return `Waiting for review: ${required === 1 ? "one approval" : `${required} approvals`} needed.`;
  const who = currentApprovers(detail);
  const next = ORDINAL[count] ?? `${count + 1}th`;
  const by = who.length > 0 ? ` Approved by ${who.join(" and ")};` : "";
  const more = required - count === 1 ? "one more approval" : `${required - count} more approvals`;
  return `Waiting on a ${next} approver.${by} ${more} from someone else ${required - count === 1 ? "is" : "are"} needed.`;
}
