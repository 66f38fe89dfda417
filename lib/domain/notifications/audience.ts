import { NOTIFICATION_EVENTS, type NotificationEventType } from "./events";
import type { NotificationPreferences } from "./preferences";

/** A person who might be e-mailed about an event, with how they relate to its change request. */
export interface RecipientCandidate {
  userId: string;
  email: string;
  isRequester: boolean;
  isTeamMember: boolean;
  /**
   * They could decide on the request now: the platform role, not its requester or the author of
   * its current revision, and not among those who already approved this revision.
   */
  canDecideNow: boolean;
  preferences: NotificationPreferences;
}

export type EmailReason = "needs_decision" | "own" | "team";

export interface EmailRecipient {
  userId: string;
  email: string;
  reason: EmailReason;
}

/**
 * Who gets an e-mail for an event, and why. The person who caused the event never does; each person
 * gets at most one mail, for the strongest reason: "needs your decision" (approvers who opted in,
 * for events that leave the request waiting on them), then their own request, then their team's.
 */
export function selectEmailRecipients(
  event: { type: NotificationEventType; actorId: string | null },
  candidates: readonly RecipientCandidate[],
): EmailRecipient[] {
  const needsDecision = NOTIFICATION_EVENTS[event.type].needsDecision;
  const seen = new Set<string>();
  const out: EmailRecipient[] = [];
  for (const c of candidates) {
    if (c.userId === event.actorId || seen.has(c.userId) || !c.email) continue;
    let reason: EmailReason | undefined;
    if (needsDecision && c.canDecideNow && c.preferences.needsDecision) reason = "needs_decision";
    else if (c.isRequester && c.preferences.own.includes(event.type)) reason = "own";
    else if (c.isTeamMember && c.preferences.team.includes(event.type)) reason = "team";
    if (!reason) continue;
    seen.add(c.userId);
    out.push({ userId: c.userId, email: c.email, reason });
  }
  return out;
}
