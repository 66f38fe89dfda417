import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/**
 * Webhook signing in the Standard Webhooks scheme (standardwebhooks.com), so receivers can verify
 * with an off-the-shelf library or a few lines of their own (docs/notifications.md):
 *
 *   webhook-id:        the delivery id (the same on every retry and re-send: drop duplicates by it)
 *   webhook-timestamp: Unix seconds when this attempt was signed (reject old ones: replay)
 *   webhook-signature: "v1," + base64(HMAC-SHA256(secret bytes, "<id>.<timestamp>.<body>"))
 *
 * The secret is "whsec_" + base64 of 32 random bytes; the bytes after the prefix are the HMAC key.
 */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret,
    "base64",
  );
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The headers of one signed attempt. */
export function signedWebhookHeaders(
  secret: string,
  deliveryId: string,
  eventType: string,
  body: string,
  now: Date,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1_000);
  return {
    "content-type": "application/json",
    "user-agent": "Tablewright-Webhooks/1",
    "webhook-id": deliveryId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, deliveryId, timestamp, body),
    "x-tablewright-event": eventType,
  };
}
