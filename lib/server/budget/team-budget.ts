import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { hasPermission } from "@/lib/domain/auth/permissions";
import type { CostEstimate } from "@/lib/domain/cost/types";
import type { Actor } from "../actor";
import { recordAuditEvent, type Tx } from "../audit";
import { type Db, getDb } from "../db";
import { refreshRoutedRoles } from "./refresh-routed-roles";

/**
 * What a team's managed tables cost per month: the estimate of each request's last approved
 * revision (what is, or is about to be, live), summed. `excludeRequestId` leaves out the request
 * being assessed, whose own change is counted as its delta.
 */
export async function sumTeamCommittedCost(tx: Tx | Db, teamId: string, excludeRequestId?: string): Promise<number> {
  const approved = await tx.changeRequest.findMany({
    where: { teamId, approvedRevision: { not: null }, ...(excludeRequestId ? { id: { not: excludeRequestId } } : {}) },
    select: { id: true, approvedRevision: true, currentRevision: true, monthlyCostUsd: true },
  });
  let total = 0;
  const revised: { changeRequestId: string; number: number }[] = [];
  for (const cr of approved) {
    // The denormalised cost is the current revision's; it is the live one unless a revision followed.
    if (cr.approvedRevision === cr.currentRevision) total += cr.monthlyCostUsd;
    else revised.push({ changeRequestId: cr.id, number: cr.approvedRevision as number });
  }
  if (revised.length > 0) {
    const rows = await tx.revision.findMany({ where: { OR: revised }, select: { costJson: true } });
    for (const row of rows) total += (JSON.parse(row.costJson) as CostEstimate).totalMonthlyUsd;
  }
  return total;
}

export interface TeamBudget {
  slug: string;
  name: string;
  monthlyBudgetUsd: number | null;
  committedMonthlyUsd: number;
}

const TEAM_FIELDS = { id: true, slug: true, name: true, monthlyBudgetUsd: true } as const;

/** Members see their team's budget; whoever may read every team's requests sees every budget. */
async function findVisibleTeam(tx: Tx | Db, actor: Actor, slug: string) {
  const team = await tx.team.findUnique({ where: { slug }, select: TEAM_FIELDS });
  const visible = team && (actor.teamIds.includes(team.id) || hasPermission(actor.role, "requests.read_all"));
  if (!team || !visible) throw new AppError("NOT_FOUND", `team ${slug} not found`);
  return team;
}

/** The team's budget and what its managed tables cost per month. */
export async function getTeamBudget(actor: Actor, slug: string, db?: Db): Promise<TeamBudget> {
  db ??= await getDb();
  const team = await findVisibleTeam(db, actor, slug);
  return {
    slug: team.slug,
    name: team.name,
    monthlyBudgetUsd: team.monthlyBudgetUsd,
    committedMonthlyUsd: await sumTeamCommittedCost(db, team.id),
  };
}

/** Sets (or, with null, removes) a team's monthly budget. Admins only; audited with old and new. */
export async function setTeamBudget(
  actor: Actor,
  slug: string,
  monthlyBudgetUsd: number | null,
  db?: Db,
): Promise<TeamBudget> {
  if (!hasPermission(actor.role, "admin")) throw new AppError("FORBIDDEN", "only administrators set team budgets");
  db ??= await getDb();
  await db.$transaction(async (tx) => {
    const team = await findVisibleTeam(tx, actor, slug);
    await tx.team.update({ where: { id: team.id }, data: { monthlyBudgetUsd } });
    // A new budget can route the team's waiting requests to other approvers (or release them).
    await refreshRoutedRoles(tx, team.id);
    await recordAuditEvent(tx, actor, {
      action: "TEAM_BUDGET_SET",
      details: { team: slug, from: team.monthlyBudgetUsd, to: monthlyBudgetUsd },
    });
  });
  return getTeamBudget(actor, slug, db);
}

/**
 * Every team's budget and committed monthly cost, for the admins' budgets page. One committed-cost
 * query per team: a portal has tens of teams, and the page is for administrators only.
 */
export async function listTeamBudgets(actor: Actor, db?: Db): Promise<TeamBudget[]> {
  if (!hasPermission(actor.role, "admin")) throw new AppError("FORBIDDEN", "only administrators list every budget");
  db ??= await getDb();
  const teams = await db.team.findMany({ select: TEAM_FIELDS, orderBy: { slug: "asc" } });
  const out: TeamBudget[] = [];
  for (const team of teams) {
    out.push({
      slug: team.slug,
      name: team.name,
      monthlyBudgetUsd: team.monthlyBudgetUsd,
      committedMonthlyUsd: await sumTeamCommittedCost(db, team.id),
    });
  }
  return out;
}
