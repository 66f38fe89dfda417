import "server-only";
import { type ApprovalRouting, riskLevelOf, routeApprovals } from "@/lib/domain/budget/route-approvals";
import type { CostEstimate } from "@/lib/domain/cost/types";
import { assessChangeSafety } from "@/lib/domain/diff";
import type { TableRequest, Tier } from "@/lib/domain/request/schema";
import type { Tx } from "../audit";
import type { Db } from "../db";
import { loadTierPolicy } from "../policy";
import { sumTeamCommittedCost } from "./team-budget";

interface RoutedRequest {
  id: string;
  teamId: string;
  tier: string;
  regions: string;
  monthlyCostUsd: number;
  currentRevision: number;
  approvedRevision: number | null;
  importedTableJson: string | null;
}

/**
 * The tier policy's approval routing for a stored request, from live data: its team's budget and
 * committed cost now, its cost against its last approved revision, and its change risk. Evaluated
 * whenever approvals are counted, so a budget change or another approval is taken into account.
 */
/**
 * The revision that was live before the current one: the approved revision when a later one is under
 * review; when the current revision is itself approved, the one approved before it (from the audit
 * trail), so an approved request keeps the routing it was decided under.
 */
async function findLiveRevisionBefore(tx: Tx | Db, cr: RoutedRequest): Promise<number | undefined> {
  if (cr.approvedRevision === null) return undefined;
  if (cr.approvedRevision < cr.currentRevision) return cr.approvedRevision;
  const earlier = await tx.auditEvent.findFirst({
    where: { changeRequestId: cr.id, toStatus: "APPROVED", revisionNumber: { lt: cr.currentRevision } },
    orderBy: { id: "desc" },
    select: { revisionNumber: true },
  });
  return earlier?.revisionNumber ?? undefined;
}

export async function routeChangeRequest(tx: Tx | Db, cr: RoutedRequest): Promise<ApprovalRouting> {
  const live = await findLiveRevisionBefore(tx, cr);
  const baseline = live ?? (cr.importedTableJson ? 1 : undefined);
  const numbers = [...new Set([cr.currentRevision, ...(baseline ? [baseline] : [])])];
  const [team, committed, rows] = await Promise.all([
    tx.team.findUniqueOrThrow({ where: { id: cr.teamId }, select: { monthlyBudgetUsd: true } }),
    sumTeamCommittedCost(tx, cr.teamId, cr.id),
    tx.revision.findMany({
      where: { changeRequestId: cr.id, number: { in: numbers } },
      select: { number: true, requestJson: true, costJson: true },
    }),
  ]);
  const revision = (n: number | undefined) => rows.find((r) => r.number === n);
  const requestOf = (n: number) => {
    const row = revision(n);
    return row ? { number: n, request: JSON.parse(row.requestJson) as TableRequest } : undefined;
  };
  const current = requestOf(cr.currentRevision);
  const approvedRow = revision(live);
  const safety = current
    ? assessChangeSafety({
        current,
        approved: live ? requestOf(live) : undefined,
        imported: !live && cr.importedTableJson ? requestOf(1) : undefined,
      })
    : undefined;
  return routeApprovals(loadTierPolicy(), {
    tier: cr.tier as Tier,
    regions: cr.regions ? cr.regions.split(",") : [],
    monthlyUsd: cr.monthlyCostUsd,
    liveMonthlyUsd: approvedRow ? (JSON.parse(approvedRow.costJson) as CostEstimate).totalMonthlyUsd : 0,
    riskLevel: riskLevelOf(safety?.flags ?? []),
    teamBudgetUsd: team.monthlyBudgetUsd,
    teamCommittedUsd: committed,
  });
}
