import "server-only";
import { type Db, getDb } from "../db";
import { getLogger } from "../logger";
import { runTransaction } from "../run-transaction";
import { refreshRoutedRoles } from "./refresh-routed-roles";

export interface RoutedRolesRefreshSummary {
  teams: number;
  changed: number;
  failedTeams: number;
}

/**
 * Recomputes ChangeRequest.routedRoles for every team with SUBMITTED requests, once when an
 * instance starts (instrumentation.ts). Writes keep the column current, but two things do not
 * pass through a write: rows submitted before the column existed (stored as "") and a changed
 * tier policy file (its routing rules are read at start). Without this pass a budget approver's
 * "needs my decision" filter, which runs in the database, would miss those requests.
 *
 * Several instances may run it at once, and a submit may land meanwhile: no lock is needed,
 * because it is a pure recomputation from the rows themselves (team budget, committed cost, the
 * request's revision and the policy), written only where it differs. Two concurrent passes
 * compute the same answer; a concurrent submit or decision refreshes the team again in its own
 * transaction. Each team runs in its own short transaction, so one failing team (logged) does not
 * stop the others, and the pass never stops the process.
 */
export async function refreshRoutedRolesAtStartup(db?: Db): Promise<RoutedRolesRefreshSummary> {
  const log = getLogger();
  db ??= await getDb();
  const teams = await db.changeRequest.findMany({
    where: { status: "SUBMITTED" },
    select: { teamId: true },
    distinct: ["teamId"],
  });
  const summary: RoutedRolesRefreshSummary = { teams: teams.length, changed: 0, failedTeams: 0 };
  for (const { teamId } of teams) {
    try {
      summary.changed += await runTransaction(db, (tx) => refreshRoutedRoles(tx, teamId));
    } catch (error) {
      summary.failedTeams++;
      log.warn({ teamId, err: String(error) }, "routing: could not refresh the routed roles of a team at start");
    }
  }
  log.info(summary, "routing: routed roles of submitted requests recomputed at start");
  return summary;
}
