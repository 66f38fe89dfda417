/** The facts about a queue row that decide whose move it is. */
export interface QueueTurnFacts {
  approvals: { count: number; required: number };
  /** The viewer already approved the current revision. */
  approvedByMe: boolean;
  /** The viewer requested it or wrote the current revision (four-eyes: someone else decides). */
  isOwn: boolean;
  /**
   * The viewer's role may decide it (lib/server/queue): false for a budget approver on a request
   * the routing does not send to them. Optional so older callers mean "yes".
   */
  mayDecide?: boolean;
  /** Roles the approval routing adds (e.g. BUDGET_APPROVER), to name whom it waits on. */
  routedRoles?: readonly string[];
}

const roleWords = (role: string) => `${role.toLowerCase().replaceAll("_", " ")}s`;

/** Why a request waits on someone other than the viewer, in words; undefined when it needs the viewer. */
export function waitingOnOthers(row: QueueTurnFacts): string | undefined {
  if (row.mayDecide === false) {
    return row.routedRoles && row.routedRoles.length > 0
      ? `Routed to ${row.routedRoles.map(roleWords).join(" and ")}, not to your role`
      : "Not routed to your role: the platform approvers decide";
  }
  if (row.isOwn) return "Your own request: another approver decides";
  if (row.approvedByMe) {
    const left = row.approvals.required - row.approvals.count;
    return left === 1
      ? "You approved: waiting on a second approver"
      : `You approved: waiting on ${left} more approvers`;
  }
  return undefined;
}

/**
 * Splits the queue into what needs the viewer's decision and what waits on others (their own
 * requests, and requests they approved that need another approver), keeping the order of each.
 */
export function splitQueue<T extends QueueTurnFacts>(rows: readonly T[]): { mine: T[]; others: T[] } {
  const mine: T[] = [];
  const others: T[] = [];
  for (const row of rows) (waitingOnOthers(row) ? others : mine).push(row);
  return { mine, others };
}

/** The order the queue is shown and j/k walks it: what needs the viewer first, then the rest. */
export function orderQueue<T extends QueueTurnFacts>(rows: readonly T[]): T[] {
  const { mine, others } = splitQueue(rows);
  return [...mine, ...others];
}
