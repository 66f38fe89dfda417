import "server-only";
import { requiredRoleApprovals } from "@/lib/domain/budget/route-approvals";
import type { Tx } from "../audit";
import type { Db } from "../db";
import { routeChangeRequest } from "./route-change-request";

/** ",BUDGET_APPROVER," for the queue's `contains` filter (so "ADMIN" never matches "X_ADMIN"). */
export function encodeRoutedRoles(roles: readonly string[]): string {
  return roles.length === 0 ? "" : `,${[...roles].sort().join(",")},`;
}

/**
 * Re-evaluates the approval routing of a team's submitted requests and stores the roles it adds
 * on each (ChangeRequest.routedRoles), so the approval queue filters "needs my decision" in the
 * database. Routing depends on the team's budget and committed cost, so every write that can move
 * either (a submit, a revision, an approval, a budget change) calls this for the team, inside its
 * transaction. A team has few requests under review at once, so this reads little. Returns how
 * many rows it changed.
 */
export async function refreshRoutedRoles(tx: Tx | Db, teamId: string): Promise<number> {
  const waiting = await tx.changeRequest.findMany({
    where: { teamId, status: "SUBMITTED" },
    select: {
      id: true,
      teamId: true,
      tier: true,
      regions: true,
      monthlyCostUsd: true,
      currentRevision: true,
      approvedRevision: true,
      importedTableJson: true,
      routedRoles: true,
    },
  });
  let changed = 0;
  for (const cr of waiting) {
    const routing = await routeChangeRequest(tx, cr);
    const encoded = encodeRoutedRoles(Object.keys(requiredRoleApprovals(routing.routes)));
    if (encoded !== cr.routedRoles) {
      await tx.changeRequest.update({ where: { id: cr.id }, data: { routedRoles: encoded } });
      changed++;
    }
  }
  return changed;
}
