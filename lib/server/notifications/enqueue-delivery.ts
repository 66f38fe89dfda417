import "server-only";
import { jobIdFor } from "../jobs/job-ids";
import { JOB_NAMES } from "../jobs/job-names";
import { enqueueJob } from "../jobs/runtime";

/**
 * Enqueues attempt number `attemptsSoFar + 1` of a delivery. The job id names the delivery and the
 * attempt, so the sweep, a retry and a re-send can all ask for the same attempt and the queue runs
 * it once.
 */
export function enqueueDeliveryAttempt(deliveryId: string, attemptsSoFar: number, startAfter?: Date) {
  return enqueueJob(
    JOB_NAMES.deliverNotification,
    { deliveryId },
    { id: jobIdFor(`deliver:${deliveryId}:${attemptsSoFar}`), ...(startAfter ? { startAfter } : {}) },
  );
}
