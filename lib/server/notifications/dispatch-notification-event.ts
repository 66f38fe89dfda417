import "server-only";
import { randomUUID } from "node:crypto";
import { hasPermission, ROLES } from "@/lib/domain/auth/permissions";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  DELIVERY_MAX_ATTEMPTS,
  type NotificationEnvelope,
  type NotificationPreferences,
  parseEventList,
  type RecipientCandidate,
  selectEmailRecipients,
} from "@/lib/domain/notifications";
import { type Db, getDb } from "../db";
import { runTransaction } from "../run-transaction";
import { mailSettingsFromEnv } from "./mail-transport";

const DECIDING_ROLES = ROLES.filter((role) => hasPermission(role, "requests.decide"));

export function preferencesFromRow(
  row: { ownEvents: string; teamEvents: string; needsDecision: boolean } | null | undefined,
): NotificationPreferences {
  if (!row) return DEFAULT_NOTIFICATION_PREFERENCES;
  return { own: parseEventList(row.ownEvents), team: parseEventList(row.teamEvents), needsDecision: row.needsDecision };
}

interface Destination {
  dedupKey: string;
  kind: "WEBHOOK" | "SLACK" | "EMAIL";
  destination: string;
  channelId?: string;
  recipientId?: string;
  reason?: string;
}

/** The people who might be e-mailed about an event, with how they relate to its request. */
async function emailCandidates(db: Db, envelope: NotificationEnvelope, changeRequestId: string) {
  const cr = await db.changeRequest.findUnique({
    where: { id: changeRequestId },
    select: { id: true, teamId: true, requesterId: true, status: true, currentRevision: true },
  });
  if (!cr) return [];
  const revision = envelope.data.changeRequest.revision;
  // Dispatch may run later than the event (a worker was down): nobody is asked to decide on a
  // revision that is no longer the one waiting for a decision.
  const stillWaiting = cr.status === "SUBMITTED" && cr.currentRevision === revision;
  const [users, author, approvals] = await Promise.all([
    db.user.findMany({
      where: {
        OR: [
          { id: cr.requesterId },
          { memberships: { some: { teamId: cr.teamId } } },
          { role: { in: [...DECIDING_ROLES] } },
        ],
      },
      select: {
        id: true,
        email: true,
        role: true,
        memberships: { where: { teamId: cr.teamId }, select: { teamId: true } },
      },
    }),
    db.revision.findUnique({
      where: { changeRequestId_number: { changeRequestId: cr.id, number: revision } },
      select: { createdById: true },
    }),
    db.decision.findMany({
      where: { changeRequestId: cr.id, revisionNumber: revision, kind: "APPROVE", supersededAt: null },
      select: { deciderId: true },
    }),
  ]);
  const preferences = await db.notificationPreference.findMany({ where: { userId: { in: users.map((u) => u.id) } } });
  const byUser = new Map(preferences.map((p) => [p.userId, p]));
  const approved = new Set(approvals.map((a) => a.deciderId));
  return users.map(
    (u): RecipientCandidate => ({
      userId: u.id,
      email: u.email,
      isRequester: u.id === cr.requesterId,
      isTeamMember: u.memberships.length > 0,
      canDecideNow:
        stillWaiting &&
        hasPermission(u.role, "requests.decide") &&
        u.id !== cr.requesterId &&
        u.id !== author?.createdById &&
        !approved.has(u.id),
      preferences: preferencesFromRow(byUser.get(u.id)),
    }),
  );
}

/**
 * Fans one outbox event out into deliveries: one per team channel subscribed to its type, and one
 * per person who wants the e-mail (when SMTP is configured). Idempotent: a delivery's dedup key is
 * unique, and an event is marked dispatched in the same transaction that creates its deliveries.
 * Returns the ids of the deliveries it created (to be enqueued).
 */
export async function dispatchNotificationEvent(
  eventId: string,
  options: { db?: Db; now?: Date } = {},
): Promise<string[]> {
  const db = options.db ?? (await getDb());
  const event = await db.notificationEvent.findUnique({ where: { id: eventId } });
  if (!event || event.dispatchedAt) return [];
  const envelope = JSON.parse(event.payloadJson) as NotificationEnvelope;
  const destinations: Destination[] = [];
  if (event.teamId) {
    const channels = await db.notificationChannel.findMany({
      where: { teamId: event.teamId },
      orderBy: { createdAt: "asc" },
    });
    for (const channel of channels) {
      if (!parseEventList(channel.events).includes(envelope.type)) continue;
      destinations.push({
        dedupKey: `${event.id}:${channel.id}`,
        kind: channel.kind === "SLACK" ? "SLACK" : "WEBHOOK",
        destination: channel.url,
        channelId: channel.id,
      });
    }
  }
  if (mailSettingsFromEnv() && event.changeRequestId) {
    const candidates = await emailCandidates(db, envelope, event.changeRequestId);
    for (const r of selectEmailRecipients({ type: envelope.type, actorId: event.actorId }, candidates)) {
      destinations.push({
        dedupKey: `${event.id}:user:${r.userId}`,
        kind: "EMAIL",
        destination: r.email,
        recipientId: r.userId,
        reason: r.reason,
      });
    }
  }
  const now = options.now ?? new Date();
  return runTransaction(db, async (tx) => {
    const existing = new Set(
      (await tx.notificationDelivery.findMany({ where: { eventId }, select: { dedupKey: true } })).map(
        (d) => d.dedupKey,
      ),
    );
    const created: string[] = [];
    for (const d of destinations) {
      if (existing.has(d.dedupKey)) continue;
      const id = `msg_${randomUUID().replaceAll("-", "")}`;
      await tx.notificationDelivery.create({
        data: {
          id,
          eventId,
          dedupKey: d.dedupKey,
          kind: d.kind,
          destination: d.destination,
          channelId: d.channelId ?? null,
          recipientId: d.recipientId ?? null,
          reason: d.reason ?? null,
          attemptLimit: DELIVERY_MAX_ATTEMPTS,
          nextAttemptAt: now,
        },
      });
      created.push(id);
    }
    await tx.notificationEvent.updateMany({ where: { id: eventId, dispatchedAt: null }, data: { dispatchedAt: now } });
    return created;
  });
}
