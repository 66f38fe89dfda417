import * as z from "zod";
import { NOTIFICATION_EVENT_TYPES, NotificationPreferencesSchema } from "@/lib/domain/notifications";

/** Request and response shapes of the notification endpoints (webhooks, deliveries, preferences). */

const Timestamp = z.string().meta({ format: "date-time" });
const EventTypeSchema = z.enum(NOTIFICATION_EVENT_TYPES).meta({ id: "NotificationEventType" });

export const WebhookIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
export const DeliveryParamsSchema = z.object({ id: z.string().min(1).max(100), delivery: z.string().min(1).max(100) });

export const WebhookListQuerySchema = z.object({
  team: z.string().max(100).optional().meta({ description: "Only this team's." }),
});

export const CreateWebhookBodySchema = z
  .strictObject({
    url: z
      .string()
      .max(2_000)
      .meta({ description: "http(s) URL that receives a POST per event.", example: "https://hooks.example.com/tw" }),
    team: z.string().max(100).meta({ description: "Slug of your team that owns the webhook.", example: "checkout" }),
    events: z
      .array(EventTypeSchema)
      .min(1, "subscribe to at least one event")
      .max(NOTIFICATION_EVENT_TYPES.length * 2)
      .meta({ example: ["change_request.submitted", "change_request.approved"] }),
    kind: z.enum(["webhook", "slack"]).default("webhook").meta({
      description: "webhook: signed JSON payloads; slack: Block Kit messages for a Slack-compatible incoming webhook.",
    }),
    description: z.string().max(200).default(""),
  })
  .meta({ id: "CreateWebhookBody" });

export const WebhookSchema = z
  .object({
    id: z.string(),
    team: z.string(),
    kind: z.enum(["webhook", "slack"]),
    url: z.string().meta({ description: "Query string (and for Slack the path) hidden: they are often secrets." }),
    events: z.array(EventTypeSchema),
    description: z.string(),
    createdAt: Timestamp,
    lastDelivery: z.object({ status: z.string(), at: Timestamp, statusCode: z.number().int().nullable() }).nullable(),
  })
  .meta({ id: "Webhook" });

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().nullable().meta({
    description:
      "webhook: the signing secret (whsec_...), shown once; verify the webhook-signature header with it. slack: null.",
  }),
}).meta({ id: "CreatedWebhook" });

export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) }).meta({ id: "WebhookList" });

export const DeliveryAttemptSchema = z
  .object({
    number: z.number().int(),
    startedAt: Timestamp,
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "DeliveryAttempt" });

export const DeliverySchema = z
  .object({
    id: z.string().meta({ description: "Sent as the webhook-id header on every attempt: drop duplicates by it." }),
    eventId: z.string(),
    eventType: EventTypeSchema,
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.number().int(),
    attemptLimit: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: Timestamp.nullable().meta({ description: "When a pending delivery is tried next." }),
    deliveredAt: Timestamp.nullable(),
    createdAt: Timestamp,
    attemptLog: z.array(DeliveryAttemptSchema),
  })
  .meta({ id: "Delivery" });

export const DeliveryListSchema = z.object({ deliveries: z.array(DeliverySchema) }).meta({ id: "DeliveryList" });

export const DeliveryListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "Newest first; default 50." }),
});

export const ResendResultSchema = z
  .object({ id: z.string(), status: z.literal("PENDING"), attempts: z.number().int(), attemptLimit: z.number().int() })
  .meta({ id: "ResendResult" });

export const NotificationPreferencesResultSchema = z
  .object({
    email: z.object({
      enabled: z.boolean().meta({ description: "Whether this portal sends e-mail (an SMTP server is configured)." }),
      address: z.string(),
    }),
    canDecide: z.boolean(),
    preferences: NotificationPreferencesSchema,
  })
  .meta({ id: "NotificationPreferencesResult" });

export { NotificationPreferencesSchema };

/** One schema, two uses: the server builds these and the client components render them. */
export type WebhookView = z.infer<typeof WebhookSchema>;
export type DeliveryView = z.infer<typeof DeliverySchema>;
export type NotificationPreferencesResult = z.infer<typeof NotificationPreferencesResultSchema>;
