import "server-only";
import { randomUUID } from "node:crypto";
import {
  buildNotificationEnvelope,
  type NotificationData,
  type NotificationEventType,
  notificationForTransition,
} from "@/lib/domain/notifications";
import type { ChangeRequestStatus, WorkflowAction } from "@/lib/domain/workflow/state-machine";
import type { Actor } from "../actor";
import type { Tx } from "../audit";
import { jobIdFor } from "../jobs/job-ids";
import { JOB_NAMES } from "../jobs/job-names";
import { enqueueJob } from "../jobs/runtime";

export interface NotificationEventInput {
  type: NotificationEventType;
  changeRequestId: string;
  /** Who caused it; system actors (scheduled checks) appear as null. */
  actor: Actor | null | undefined;
  extra?: Omit<NotificationData, "changeRequest" | "table" | "actor" | "requester">;
  /** Table events: the managed table, so the message links to its page. */
  table?: { id: string; name: string };
}

/**
 * Writes an event to the outbox, inside the caller's transaction: the event exists if and only if
 * the change it announces was committed. The envelope is built from the request as the transaction
 * sees it (its new status). Returns the event id for `dispatchNotificationsSoon`.
 */
export async function recordNotificationEvent(tx: Tx, input: NotificationEventInput): Promise<string> {
  const cr = await tx.changeRequest.findUniqueOrThrow({
    where: { id: input.changeRequestId },
    select: {
      key: true,
      title: true,
      tableName: true,
      tier: true,
      status: true,
      currentRevision: true,
      teamId: true,
      team: { select: { slug: true } },
      requester: { select: { name: true, email: true } },
    },
  });
  const id = `evt_${randomUUID().replaceAll("-", "")}`;
  const occurredAt = new Date();
  const envelope = buildNotificationEnvelope({
    id,
    type: input.type,
    occurredAt,
    changeRequest: {
      key: cr.key,
      title: cr.title,
      tableName: cr.tableName,
      tier: cr.tier,
      team: cr.team.slug,
      status: cr.status,
      revision: cr.currentRevision,
    },
    actor: input.actor && input.actor.via !== "system" ? { name: input.actor.name, email: input.actor.email } : null,
    requester: { name: cr.requester.name, email: cr.requester.email },
    ...(input.table ? { table: input.table } : {}),
    publicUrl: process.env.TABLEWRIGHT_PUBLIC_URL || undefined,
    extra: input.extra,
  });
  await tx.notificationEvent.create({
    data: {
      id,
      type: input.type,
      teamId: cr.teamId,
      changeRequestId: input.changeRequestId,
      actorId: input.actor && input.actor.via !== "system" ? input.actor.id : null,
      payloadJson: JSON.stringify(envelope),
      createdAt: occurredAt,
    },
  });
  return id;
}

/**
 * Records the event a workflow transition announces, if it announces one (`notificationForTransition`),
 * and adds its id to `events`, which the caller dispatches once the transaction has committed.
 */
export async function recordTransitionNotification(
  tx: Tx,
  events: string[],
  transition: { action: WorkflowAction; from: ChangeRequestStatus | null; to: ChangeRequestStatus },
  input: Omit<NotificationEventInput, "type">,
): Promise<void> {
  const type = notificationForTransition(transition.action, transition.from, transition.to);
  if (type) events.push(await recordNotificationEvent(tx, { ...input, type }));
}

/**
 * After the transaction committed: ask the worker to fan the events out now rather than at the
 * next sweep. Best effort by design: if this fails, or the process dies first, the sweep finds
 * the undispatched events in the outbox.
 */
export async function dispatchNotificationsSoon(eventIds: readonly string[]): Promise<void> {
  for (const eventId of eventIds) {
    await enqueueJob(JOB_NAMES.dispatchNotification, { eventId }, { id: jobIdFor(`dispatch:${eventId}`) });
  }
}
