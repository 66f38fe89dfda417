import "server-only";
import {
  type EmailReason,
  type NotificationEnvelope,
  nextRetryDelayMs,
  renderNotificationEmail,
  renderSlackMessage,
} from "@/lib/domain/notifications";
import { type Db, getDb } from "../db";
import { getLogger } from "../logger";
import { observeNotificationAttempt } from "../metrics";
import { runTransaction } from "../run-transaction";
import { type MailSettings, mailSettingsFromEnv, sendMail } from "./mail-transport";
import { type OutboundPolicy, outboundPolicyFromEnv } from "./outbound-guard";
import { OutboundRefusedError, type PostOptions, postGuarded } from "./post-guarded";
import { signedWebhookHeaders } from "./sign-webhook";

export interface DeliverOptions {
  db?: Db;
  now?: () => Date;
  policy?: OutboundPolicy;
  mail?: MailSettings | null;
  timeoutMs?: number;
  resolve?: PostOptions["resolve"];
  random?: () => number;
}

export type DeliveryOutcome =
  | { outcome: "skipped"; reason: string }
  | { outcome: "delivered"; attempts: number; statusCode?: number }
  | { outcome: "retry"; attempts: number; nextAttemptAt: Date; error: string }
  | { outcome: "failed"; attempts: number; error: string };

interface AttemptResult {
  ok: boolean;
  statusCode?: number;
  error?: string;
  responseText?: string;
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

function publicLink(path: string): string {
  const base = process.env.TABLEWRIGHT_PUBLIC_URL?.replace(/\/+$/, "");
  return base ? `${base}${path}` : path;
}

async function attemptHttp(url: string, body: string, headers: Record<string, string>, options: DeliverOptions) {
  try {
    const res = await postGuarded(url, body, {
      policy: options.policy ?? outboundPolicyFromEnv(),
      timeoutMs: options.timeoutMs ?? Number(process.env.TABLEWRIGHT_WEBHOOK_TIMEOUT_MS ?? DEFAULT_WEBHOOK_TIMEOUT_MS),
      headers,
      ...(options.resolve ? { resolve: options.resolve } : {}),
    });
    const ok = res.status >= 200 && res.status < 300;
    return {
      ok,
      statusCode: res.status,
      responseText: res.bodyExcerpt.slice(0, 500),
      ...(ok ? {} : { error: `the receiver answered ${res.status}` }),
    } satisfies AttemptResult;
  } catch (error) {
    const message =
      error instanceof OutboundRefusedError ? error.message : `not delivered: ${(error as Error).message}`;
    return { ok: false, error: message.slice(0, 500) } satisfies AttemptResult;
  }
}

/**
 * Makes one attempt of one delivery and records it: a signed webhook POST, a Slack Block Kit POST
 * or an e-mail. A 2xx answer (or an accepted mail) delivers it; anything else schedules the next
 * attempt on the back-off schedule, or marks it FAILED when none is left. An attempt that is not
 * due, or a delivery that is no longer pending, is skipped: the same job may arrive twice (at least
 * once), and receivers drop duplicates by the delivery id.
 */
export async function deliverNotification(deliveryId: string, options: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? (() => new Date());
  const d = await db.notificationDelivery.findUnique({
    where: { id: deliveryId },
    include: { event: { select: { payloadJson: true, type: true } }, channel: { select: { secret: true } } },
  });
  if (!d) return { outcome: "skipped", reason: "no such delivery" };
  if (d.status !== "PENDING") return { outcome: "skipped", reason: `already ${d.status.toLowerCase()}` };
  if (d.nextAttemptAt.getTime() > now().getTime() + 1_000) return { outcome: "skipped", reason: "not due yet" };
  const envelope = JSON.parse(d.event.payloadJson) as NotificationEnvelope;
  const startedAt = now();
  let result: AttemptResult;
  if (d.kind === "EMAIL") {
    const mail = options.mail === undefined ? mailSettingsFromEnv() : options.mail;
    if (!mail) {
      result = { ok: false, error: "e-mail is not configured (TABLEWRIGHT_SMTP_URL)" };
    } else {
      const content = renderNotificationEmail(
        envelope,
        (d.reason as EmailReason | null) ?? "own",
        publicLink("/settings/notifications"),
      );
      try {
        const answer = await sendMail(mail, {
          to: d.destination,
          ...content,
          deliveryId: d.id,
          eventType: envelope.type,
        });
        result = { ok: true, responseText: answer };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        result = {
          ok: false,
          ...(code ? { statusCode: code } : {}),
          error: `not sent: ${(error as Error).message}`.slice(0, 500),
        };
      }
    }
  } else if (d.kind === "SLACK") {
    const body = JSON.stringify(renderSlackMessage(envelope));
    result = await attemptHttp(
      d.destination,
      body,
      { "content-type": "application/json", "user-agent": "Tablewright-Webhooks/1", "x-tablewright-delivery": d.id },
      options,
    );
  } else {
    const body = JSON.stringify(envelope);
    const headers = signedWebhookHeaders(d.channel?.secret ?? "", d.id, envelope.type, body, startedAt);
    result = await attemptHttp(d.destination, body, headers, options);
  }
  const finishedAt = now();
  const attempts = d.attempts + 1;
  const delay = result.ok
    ? null
    : nextRetryDelayMs(attempts, d.attemptLimit - attempts, (options.random ?? Math.random)());
  const status = result.ok ? "DELIVERED" : delay === null ? "FAILED" : "PENDING";
  const nextAttemptAt = delay === null ? finishedAt : new Date(finishedAt.getTime() + delay);
  const recorded = await runTransaction(db, async (tx) => {
    // Guarded by the attempt count: two runs of the same attempt record it once.
    const updated = await tx.notificationDelivery.updateMany({
      where: { id: d.id, attempts: d.attempts, status: "PENDING" },
      data: {
        status,
        attempts,
        nextAttemptAt,
        lastStatusCode: result.statusCode ?? null,
        lastError: result.ok ? null : (result.error ?? "failed"),
        ...(result.ok ? { deliveredAt: finishedAt } : {}),
      },
    });
    if (updated.count !== 1) return false;
    await tx.notificationAttempt.create({
      data: {
        deliveryId: d.id,
        number: attempts,
        startedAt,
        durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
        statusCode: result.statusCode ?? null,
        error: result.ok ? null : (result.error ?? "failed"),
        responseText: result.responseText ?? null,
      },
    });
    return true;
  });
  if (!recorded) return { outcome: "skipped", reason: "another run recorded this attempt" };
  observeNotificationAttempt(d.kind, status === "DELIVERED" ? "delivered" : status === "FAILED" ? "failed" : "retry");
  if (!result.ok) {
    getLogger().warn(
      { deliveryId: d.id, kind: d.kind, attempts, statusCode: result.statusCode, error: result.error },
      "notifications: delivery attempt failed",
    );
  }
  if (status === "DELIVERED")
    return { outcome: "delivered", attempts, ...(result.statusCode ? { statusCode: result.statusCode } : {}) };
  if (status === "FAILED") return { outcome: "failed", attempts, error: result.error ?? "failed" };
  return { outcome: "retry", attempts, nextAttemptAt, error: result.error ?? "failed" };
}
