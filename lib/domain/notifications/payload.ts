import type { NotificationEventType } from "./events";

/**
 * What every channel renders from: the JSON body of a signed webhook, the source of a Slack
 * message and of an e-mail. Stable and documented (docs/notifications.md); add fields, never
 * rename them.
 */
export interface NotificationEnvelope {
  /** The event's id (the same for every destination). Deliveries have their own ids. */
  id: string;
  type: NotificationEventType;
  /** ISO 8601, UTC. */
  occurredAt: string;
  data: NotificationData;
}

export interface ChangeRequestRef {
  key: string;
  title: string;
  tableName: string;
  tier: string;
  team: string;
  /** The request's status right after the event. */
  status: string;
  /** The revision the event is about. */
  revision: number;
  /** Path in the portal, e.g. /requests/TW-12. */
  path: string;
  /** Absolute link when the portal knows its public URL (TABLEWRIGHT_PUBLIC_URL), else null. */
  url: string | null;
}

export interface PersonRef {
  name: string;
  email: string;
}

/** A classified drift finding as the payload carries it (see lib/domain/drift). */
export interface DriftFindingRef {
  path: string;
  class: string;
  message: string;
}

export interface NotificationData {
  changeRequest: ChangeRequestRef;
  /** Who caused the event; null for the system (a scheduled check). */
  actor: PersonRef | null;
  /** The requester of the change request. */
  requester: PersonRef;
  /** Rejections and requests for changes always carry the approver's reason. */
  reason?: string;
  /** Approvals of the current revision after the event, and how many the tier needs. */
  approvals?: { given: number; required: number };
  /** submitted: true when a new revision went back to review. */
  resubmitted?: boolean;
  /** table.drift_detected / table.verified: what the live check found. */
  drift?: {
    region: string;
    /** Findings per class, e.g. {"protection_lost": 1, "harmless": 2}. */
    counts: Record<string, number>;
    /** The most serious class found, or null when in sync. */
    worst: string | null;
    urgent: boolean;
    /** At most 50 findings, most serious first. */
    findings: DriftFindingRef[];
  };
  /** Free-form facts the later emitters add (publish target, plan digest, ...). */
  details?: Record<string, unknown>;
}

export interface BuildEnvelopeInput {
  id: string;
  type: NotificationEventType;
  occurredAt: Date;
  changeRequest: Omit<ChangeRequestRef, "path" | "url">;
  actor: PersonRef | null;
  requester: PersonRef;
  /** e.g. https://tablewright.example.com (no trailing slash needed). */
  publicUrl?: string;
  extra?: Omit<NotificationData, "changeRequest" | "actor" | "requester">;
}

/** Builds the envelope with its portal path and (when the public URL is known) absolute link. */
export function buildNotificationEnvelope(input: BuildEnvelopeInput): NotificationEnvelope {
  const path = `/requests/${encodeURIComponent(input.changeRequest.key)}`;
  const url = input.publicUrl ? `${input.publicUrl.replace(/\/+$/, "")}${path}` : null;
  return {
    id: input.id,
    type: input.type,
    occurredAt: input.occurredAt.toISOString(),
    data: {
      changeRequest: { ...input.changeRequest, path, url },
      actor: input.actor,
      requester: input.requester,
      ...input.extra,
    },
  };
}
