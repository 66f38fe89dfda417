import "server-only";
import type { DeliveryView, WebhookView } from "@/lib/api/schemas/notifications";
import { AppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth/scopes";
import {
  checkWebhookUrl,
  DELIVERY_MAX_ATTEMPTS,
  formatEventList,
  maskWebhookUrl,
  type NotificationEventType,
  parseEventList,
} from "@/lib/domain/notifications";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit";
import { type Db, getDb } from "../db";
import { runTransaction } from "../run-transaction";
import { enqueueDeliveryAttempt } from "./enqueue-delivery";
import { checkDestination, normalizeAddress, outboundPolicyFromEnv } from "./outbound-guard";
import { generateWebhookSecret } from "./sign-webhook";

/** More is almost certainly a loop in someone's automation. */
export const MAX_CHANNELS_PER_TEAM = 50;

/** The wire shapes of the REST API's answers; the pages hand the same objects to the client components. */
export type { DeliveryView, WebhookView };

const isAdmin = (actor: Actor) => can({ role: actor.role }, "admin");

/** Teams whose channels the actor may see and manage: their own (admins: every team). */
function visibleTeamFilter(actor: Actor) {
  return isAdmin(actor) ? {} : { teamId: { in: [...actor.teamIds] } };
}

/** A channel the actor may manage, or a 404 that says nothing about other teams' channels. */
async function loadChannel(db: Db, actor: Actor, id: string) {
  const channel = await db.notificationChannel.findFirst({ where: { id, ...visibleTeamFilter(actor) } });
  if (!channel) throw new AppError("NOT_FOUND", `no webhook "${id}"`);
  return channel;
}

function view(
  channel: { id: string; kind: string; url: string; events: string; description: string; createdAt: Date },
  teamSlug: string,
  last?: { status: string; updatedAt: Date; lastStatusCode: number | null } | null,
): WebhookView {
  return {
    id: channel.id,
    team: teamSlug,
    kind: channel.kind === "SLACK" ? "slack" : "webhook",
    url: maskWebhookUrl(channel.url, channel.kind),
    events: parseEventList(channel.events),
    description: channel.description,
    createdAt: channel.createdAt.toISOString(),
    lastDelivery: last
      ? { status: last.status, at: last.updatedAt.toISOString(), statusCode: last.lastStatusCode }
      : null,
  };
}

/** The webhooks of the actor's teams (admins: all), newest first; `team` narrows to one team. */
export async function listWebhooks(actor: Actor, filter: { team?: string } = {}, db?: Db): Promise<WebhookView[]> {
  db ??= await getDb();
  const channels = await db.notificationChannel.findMany({
    where: {
      ...visibleTeamFilter(actor),
      ...(filter.team ? { teamId: (await db.team.findUnique({ where: { slug: filter.team } }))?.id ?? "-" } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  const teams = await db.team.findMany({ where: { id: { in: [...new Set(channels.map((c) => c.teamId))] } } });
  const slugs = new Map(teams.map((t) => [t.id, t.slug]));
  const last = await Promise.all(
    channels.map((c) =>
      db.notificationDelivery.findFirst({
        where: { channelId: c.id, attempts: { gt: 0 } },
        orderBy: { updatedAt: "desc" },
        select: { status: true, updatedAt: true, lastStatusCode: true },
      }),
    ),
  );
  return channels.map((c, i) => view(c, slugs.get(c.teamId) ?? "", last[i]));
}

export interface CreateWebhookInput {
  url: string;
  team: string;
  events: string[];
  kind?: "webhook" | "slack";
  description?: string;
}

/**
 * Registers a team channel. The URL must be http(s), and an address literal that the outbound
 * policy can never reach is refused now; host names are checked when each delivery resolves them.
 * The signing secret of a webhook is returned once, here.
 */
export async function createWebhook(actor: Actor, input: CreateWebhookInput, db?: Db) {
  db ??= await getDb();
  const problem = checkWebhookUrl(input.url);
  if (problem) {
    throw new AppError("VALIDATION_FAILED", "the webhook URL is not acceptable", {
      issues: [{ path: "url", code: problem.code, message: problem.message }],
    });
  }
  const url = new URL(input.url);
  const literal = normalizeAddress(url.hostname);
  if (literal) {
    const check = checkDestination(outboundPolicyFromEnv(), url.hostname, literal.address);
    if (!check.allowed) {
      throw new AppError("VALIDATION_FAILED", "the webhook URL points where notifications may not go", {
        issues: [{ path: "url", code: "WEBHOOK_URL_REFUSED", message: check.reason }],
      });
    }
  }
  const team = await db.team.findUnique({ where: { slug: input.team } });
  if (!team) {
    throw new AppError("VALIDATION_FAILED", "the team does not exist", {
      issues: [{ path: "team", code: "TEAM_UNKNOWN", message: `no team with the slug "${input.team}"` }],
    });
  }
  if (!isAdmin(actor) && !actor.teamIds.includes(team.id)) {
    throw new AppError("FORBIDDEN", `you are not a member of team ${team.slug}`, {
      issues: [{ path: "team", code: "TEAM_NOT_MEMBER", message: `you are not a member of team "${team.slug}"` }],
    });
  }
  const kind = input.kind === "slack" ? "SLACK" : "WEBHOOK";
  const secret = kind === "WEBHOOK" ? generateWebhookSecret() : "";
  const channel = await runTransaction(db, async (tx) => {
    const count = await tx.notificationChannel.count({ where: { teamId: team.id } });
    if (count >= MAX_CHANNELS_PER_TEAM) {
      throw new AppError(
        "CONFLICT",
        `team ${team.slug} already has ${count} webhooks (at most ${MAX_CHANNELS_PER_TEAM})`,
      );
    }
    const created = await tx.notificationChannel.create({
      data: {
        teamId: team.id,
        kind,
        url: input.url,
        secret,
        events: formatEventList(input.events),
        description: input.description?.trim() ?? "",
        createdById: actor.id,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "WEBHOOK_CREATED",
      details: {
        webhookId: created.id,
        team: team.slug,
        kind,
        url: maskWebhookUrl(input.url, kind),
        events: parseEventList(created.events),
      },
    });
    return created;
  });
  return { ...view(channel, team.slug, null), secret: kind === "WEBHOOK" ? secret : null };
}

/** Deletes a channel of one of the actor's teams, with its delivery log. */
export async function deleteWebhook(actor: Actor, id: string, db?: Db) {
  db ??= await getDb();
  const channel = await loadChannel(db, actor, id);
  await runTransaction(db, async (tx) => {
    await tx.notificationChannel.delete({ where: { id: channel.id } });
    await recordAuditEvent(tx, actor, {
      action: "WEBHOOK_DELETED",
      details: { webhookId: channel.id, url: maskWebhookUrl(channel.url, channel.kind) },
    });
  });
  return { id: channel.id, deleted: true };
}

/** The delivery log of a channel, newest first, each with its attempts. */
export async function listWebhookDeliveries(actor: Actor, id: string, options: { limit?: number } = {}, db?: Db) {
  db ??= await getDb();
  const channel = await loadChannel(db, actor, id);
  const rows = await db.notificationDelivery.findMany({
    where: { channelId: channel.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    include: { event: { select: { type: true } }, attemptLog: { orderBy: { id: "asc" } } },
  });
  return rows.map(
    (d): DeliveryView => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.event.type as NotificationEventType,
      status: d.status as DeliveryView["status"],
      attempts: d.attempts,
      attemptLimit: d.attemptLimit,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      attemptLog: d.attemptLog.map((a) => ({
        number: a.number,
        startedAt: a.startedAt.toISOString(),
        durationMs: a.durationMs,
        statusCode: a.statusCode,
        error: a.error,
      })),
    }),
  );
}

/**
 * Sends a delivery again now, with a fresh set of attempts. It keeps its id (the webhook-id
 * header), so a receiver that already processed it drops it: re-sending is always safe.
 */
export async function resendDelivery(actor: Actor, channelId: string, deliveryId: string, db?: Db) {
  db ??= await getDb();
  const channel = await loadChannel(db, actor, channelId);
  const delivery = await db.notificationDelivery.findFirst({ where: { id: deliveryId, channelId: channel.id } });
  if (!delivery) throw new AppError("NOT_FOUND", `no delivery "${deliveryId}" for this webhook`);
  const attemptLimit = delivery.attempts + DELIVERY_MAX_ATTEMPTS;
  await runTransaction(db, async (tx) => {
    await tx.notificationDelivery.update({
      where: { id: delivery.id },
      data: { status: "PENDING", attemptLimit, nextAttemptAt: new Date() },
    });
    await recordAuditEvent(tx, actor, {
      action: "WEBHOOK_DELIVERY_RESENT",
      details: { webhookId: channel.id, deliveryId: delivery.id, previousStatus: delivery.status },
    });
  });
  await enqueueDeliveryAttempt(delivery.id, delivery.attempts);
  return { id: delivery.id, status: "PENDING" as const, attempts: delivery.attempts, attemptLimit };
}

/** Teams whose notifications the actor manages: their own (admins: every team), by name. */
export async function listNotificationTeams(actor: Actor, db?: Db) {
  db ??= await getDb();
  return db.team.findMany({
    where: isAdmin(actor) ? {} : { id: { in: [...actor.teamIds] } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}

/** The team by slug if the actor may manage its notifications, else null (pages then refuse). */
export async function findNotificationTeam(actor: Actor, slug: string, db?: Db) {
  db ??= await getDb();
  const team = await db.team.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!team || (!isAdmin(actor) && !actor.teamIds.includes(team.id))) return null;
  return team;
}
