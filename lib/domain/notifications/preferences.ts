import * as z from "zod";
import { NOTIFICATION_EVENT_TYPES, type NotificationEventType } from "./events";

/**
 * What a person wants e-mailed: events about their own requests, events about any request of their
 * teams, and (approvers) "needs your decision". Stored per person; no row means these defaults.
 */
export interface NotificationPreferences {
  own: NotificationEventType[];
  team: NotificationEventType[];
  needsDecision: boolean;
}

/** Quiet by default: what happened to your own request, and what is waiting for your decision. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  own: [
    "change_request.changes_requested",
    "change_request.approved",
    "change_request.rejected",
    "change_request.published",
    "change_request.plan_violated",
    "table.drift_detected",
  ],
  team: [],
  needsDecision: true,
};

const EventTypeSchema = z.enum(NOTIFICATION_EVENT_TYPES);

export const NotificationPreferencesSchema = z
  .strictObject({
    own: z
      .array(EventTypeSchema)
      .max(NOTIFICATION_EVENT_TYPES.length * 2)
      .meta({ description: "Event types e-mailed about your own requests." }),
    team: z
      .array(EventTypeSchema)
      .max(NOTIFICATION_EVENT_TYPES.length * 2)
      .meta({ description: "Event types e-mailed about any request of your teams." }),
    needsDecision: z.boolean().meta({ description: "Approvers: e-mail when a request waits for your decision." }),
  })
  .meta({ id: "NotificationPreferences" });
