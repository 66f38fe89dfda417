import "server-only";
import { isRiskLevel } from "@/lib/domain/plan";
import type { TierRules } from "@/lib/domain/policy/schema";
import { requiredApprovalsFor } from "@/lib/domain/workflow";
import type { Db } from "../db";
import { loadTierPolicy } from "../policy";

/**
 * Approvals of each listed request's current revision, in one grouped query for the whole page,
 * and how many its tier needs for the revision's plan risk (approvalsByRisk).
 */
export async function countApprovals(db: Db, rows: readonly { id: string }[]) {
  const groups = await db.decision.groupBy({
    by: ["changeRequestId", "revisionNumber"],
    where: { changeRequestId: { in: rows.map((r) => r.id) }, kind: "APPROVE", supersededAt: null },
    _count: { _all: true },
  });
  const counts = new Map(groups.map((g) => [`${g.changeRequestId}:${g.revisionNumber}`, g._count._all]));
  const tiers = loadTierPolicy().tiers as Record<string, TierRules | undefined>;
  return {
    of: (row: { id: string; currentRevision: number; tier: string; risk: string }) => ({
      count: counts.get(`${row.id}:${row.currentRevision}`) ?? 0,
      required: requiredApprovalsFor(
        tiers[row.tier] ?? { requiredApprovals: 1 },
        isRiskLevel(row.risk) ? row.risk : undefined,
      ).approvals,
    }),
  };
}
