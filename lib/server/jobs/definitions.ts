import "server-only";
import { pollPullRequests } from "../delivery/follow-pull-requests";
import { runPublishJob } from "../delivery/publish-change-request";
import {
  type DriftJobDeps,
  driftPlanEveryMinutes,
  planScheduledDriftChecks,
  runScheduledDriftCheck,
} from "../drift/scheduled-drift-checks";
import { deliverNotification } from "../notifications/deliver-notification";
import { dispatchNotificationEvent } from "../notifications/dispatch-notification-event";
import { enqueueDeliveryAttempt } from "../notifications/enqueue-delivery";
import { pruneNotificationHistory, sweepNotifications } from "../notifications/sweep-notifications";
import { JOB_NAMES } from "./job-names";
import type { JobDefinition } from "./types";

const dispatch: JobDefinition<{ eventId?: string }> = {
  name: JOB_NAMES.dispatchNotification,
  concurrency: 2,
  retryLimit: 5,
  retryDelaySeconds: 5,
  expireInSeconds: 60,
  async handler({ eventId }) {
    if (!eventId) return;
    const created = await dispatchNotificationEvent(eventId);
    for (const id of created) await enqueueDeliveryAttempt(id, 0);
  },
};

const deliver: JobDefinition<{ deliveryId?: string }> = {
  name: JOB_NAMES.deliverNotification,
  concurrency: 4,
  // Failed attempts are rescheduled by the delivery itself (its log shows them); these retries are
  // for a run that crashed or whose instance died, so the attempt is made again.
  retryLimit: 5,
  retryDelaySeconds: 10,
  // Longer than an attempt can take (10 s HTTP timeout, 20 s SMTP socket timeout).
  expireInSeconds: 45,
  async handler({ deliveryId }) {
    if (!deliveryId) return;
    const result = await deliverNotification(deliveryId);
    if (result.outcome === "retry") await enqueueDeliveryAttempt(deliveryId, result.attempts, result.nextAttemptAt);
  },
};

const sweep: JobDefinition = {
  name: JOB_NAMES.sweepNotifications,
  schedule: "* * * * *",
  concurrency: 1,
  retryLimit: 1,
  retryDelaySeconds: 5,
  expireInSeconds: 50,
  handler: () => sweepNotifications(),
};

const prune: JobDefinition = {
  name: JOB_NAMES.pruneHistory,
  schedule: "17 3 * * *",
  concurrency: 1,
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  handler: () => pruneNotificationHistory(),
};

/**
 * Scheduled drift checks of managed tables: the planner picks the due tables (per-tier interval)
 * and enqueues one paced check each. Deps are for tests (a table source, an endpoint, a clock).
 */
export function driftJobDefinitions(deps: DriftJobDeps = {}): JobDefinition<object>[] {
  const plan: JobDefinition = {
    name: JOB_NAMES.planDriftChecks,
    schedule: `*/${driftPlanEveryMinutes()} * * * *`,
    concurrency: 1,
    retryLimit: 1,
    retryDelaySeconds: 30,
    expireInSeconds: 120,
    handler: () => planScheduledDriftChecks(deps),
  };
  const check: JobDefinition<{ tableId?: string }> = {
    name: JOB_NAMES.checkDrift,
    // One table at a time per instance: the planner's start times do the pacing.
    concurrency: 1,
    retryLimit: 2,
    retryDelaySeconds: 60,
    // Four read calls per Region, each bounded by TABLEWRIGHT_AWS_TIMEOUT_MS; a global table reads several Regions.
    expireInSeconds: 300,
    async handler({ tableId }) {
      if (!tableId) return;
      await runScheduledDriftCheck(tableId, deps);
    },
  };
  return [plan, check] as JobDefinition<object>[];
}

const publish: JobDefinition<{ changeRequestId?: string; attempt?: number }> = {
  name: JOB_NAMES.publishChangeRequest,
  concurrency: 2,
  // Backoff for a remote that is down is the job's own (it queues the next attempt); these retries
  // are for a run that crashed or whose instance died.
  retryLimit: 2,
  retryDelaySeconds: 30,
  // A shallow clone, a push and two API calls, each bounded by its timeout.
  expireInSeconds: 300,
  handler: (data) => runPublishJob(data),
};

const pollPulls: JobDefinition = {
  name: JOB_NAMES.pollPullRequests,
  schedule: "*/5 * * * *",
  concurrency: 1,
  retryLimit: 1,
  retryDelaySeconds: 60,
  expireInSeconds: 240,
  handler: async () => {
    await pollPullRequests();
  },
};

/** Every job this release knows; both runners take the same list. */
export const JOB_DEFINITIONS = [
  dispatch,
  deliver,
  sweep,
  prune,
  publish,
  pollPulls,
  ...driftJobDefinitions(),
] as JobDefinition<object>[];
