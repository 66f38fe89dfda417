import "server-only";
import { isAppError } from "@/lib/domain/app-error";
import type { Actor } from "../actor";
import { diffChangeRequestRevisions, getChangeRequest, getChangeSafety } from "../change-requests";

/**
 * The selected request's review: its detail, its change safety against what is live, and the diff
 * against the previous revision. Null when the request does not exist or the viewer may not see it.
 */
export async function loadQueueReview(actor: Actor, key: string) {
  try {
    const [detail, safety] = await Promise.all([getChangeRequest(actor, key), getChangeSafety(actor, key)]);
    const diff =
      detail.currentRevision > 1
        ? await diffChangeRequestRevisions(actor, key, detail.currentRevision - 1, detail.currentRevision)
        : null;
    return { detail, safety, diff };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
