import type { NotificationEventType, NotificationPreferences } from "@/lib/domain/notifications";

/** What the pages hand to the client components (the shapes of the REST API's answers). */
export interface WebhookRow {
  id: string;
  team: string;
  kind: "webhook" | "slack";
  url: string;
  events: NotificationEventType[];
  description: string;
  createdAt: string;
  lastDelivery: { status: string; at: string; statusCode: number | null } | null;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: NotificationEventType;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  attemptLimit: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attemptLog: {
    number: number;
    startedAt: string;
    durationMs: number;
    statusCode: number | null;
    error: string | null;
  }[];
}

export interface PreferencesData {
  email: { enabled: boolean; address: string };
  canDecide: boolean;
  preferences: NotificationPreferences;
}
