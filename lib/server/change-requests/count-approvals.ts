import "server-only";
import type { Db } from "../db";
import { loadTierPolicy } from "../policy";

/**
 * Approvals of each listed request's current revision, in one grouped query for the whole page,
 * and how many its tier needs.
 */
export async function countApprovals(db: Db, rows: readonly { id: string }[]) {
  const groups = await db.decision.groupBy({
    by: ["changeRequestId", "revisionNumber"],
    where: { changeRequestId: { in: rows.map((r) => r.id) }, kind: "APPROVE", supersededAt: null },
    _count: { _all: true },
  });
  const counts = new Map(groups.map((g) => [`${g.changeRequestId}:${g.revisionNumber}`, g._count._all]));
  const tiers = loadTierPolicy().tiers as Record<string, { requiredApprovals: number } | undefined>;
  return {
    of: (row: { id: string; currentRevision: number; tier: string }) => ({
      count: counts.get(`${row.id}:${row.currentRevision}`) ?? 0,
      required: tiers[row.tier]?.requiredApprovals ?? 1,
    }),
  };
}
