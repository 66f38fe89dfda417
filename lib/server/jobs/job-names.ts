/** Queue names, shared by the code that enqueues and the definitions that handle them. */
export const JOB_NAMES = {
  /** Fan one outbox event out into deliveries. */
  dispatchNotification: "notifications.dispatch",
  /** Make one attempt of one delivery. */
  deliverNotification: "notifications.deliver",
  /** Every minute: enqueue whatever the outbox and the deliveries still owe (after a crash, a restart). */
  sweepNotifications: "notifications.sweep",
  /** Daily: drop old delivered notifications and job runs. */
  pruneHistory: "maintenance.prune",
} as const;
