import "server-only";

/** Notifications: the outbox, delivery (webhooks, Slack, e-mail), the SSRF guard, team webhooks, preferences. */
export { type DeliveryOutcome, deliverNotification } from "./deliver-notification";
export { dispatchNotificationEvent } from "./dispatch-notification-event";
export {
  type CreateWebhookInput,
  createWebhook,
  type DeliveryView,
  deleteWebhook,
  findNotificationTeam,
  listNotificationTeams,
  listWebhookDeliveries,
  listWebhooks,
  resendDelivery,
  type WebhookView,
} from "./manage-webhooks";
export {
  getNotificationPreferences,
  type PreferencesView,
  saveNotificationPreferences,
} from "./notification-preferences";
export { checkDestination, type OutboundPolicy, outboundPolicyFromEnv } from "./outbound-guard";
export { dispatchNotificationsSoon, recordNotificationEvent } from "./record-notification-event";
export { pruneNotificationHistory, sweepNotifications } from "./sweep-notifications";
