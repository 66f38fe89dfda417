/** Queue names, shared by the code that enqueues and the definitions that handle them. */
export const JOB_NAMES = {
  /** Fan one outbox event out into deliveries. */
  dispatchNotification: "notifications.dispatch",
  /** Make one attempt of one delivery. */
  deliverNotification: "notifications.deliver",
  /** Every minute: enqueue whatever the outbox and the deliveries still owe (after a crash, a restart). */
  sweepNotifications: "notifications.sweep",
  /** Every 5 minutes: enqueue a drift check for each managed table that is due (per-tier interval). */
  planDriftChecks: "drift.plan",
  /** Check one managed table for drift (paced by the planner's start times). */
  checkDrift: "drift.check",
  /** Daily: drop old delivered notifications and job runs. */
  pruneHistory: "maintenance.prune",
} as const;
