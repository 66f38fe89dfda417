import "server-only";
import type { DriftOutcome } from "@/lib/domain/drift";
import type { TableLiveStatus } from "@/lib/domain/inventory";
import { type TableRequest, TierSchema } from "@/lib/domain/request/schema";
import type { Tx } from "../audit";
import { type Db, getDb } from "../db";
import type { DriftCheckRecord, ManagedTableForDrift, ManagedTableSource } from "../drift/managed-table-source";

const columns = {
  id: true,
  tier: true,
  liveStatus: true,
  definitionJson: true,
  definedByRequestKey: true,
  lastCheckedAt: true,
  lastDriftOutcome: true,
} as const;

type Row = {
  id: string;
  tier: string;
  liveStatus: string;
  definitionJson: string;
  definedByRequestKey: string;
  lastCheckedAt: Date | null;
  lastDriftOutcome: string | null;
};

/**
 * A table approved but not applied yet would only read as "missing": the request's own live
 * check verifies it after the apply (recordTableVerification) and from then on the schedule watches it.
 */
const WATCHED = { liveStatus: { not: "AWAITING_APPLY" } } as const;

function parseOutcome(json: string | null): DriftOutcome | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as DriftOutcome;
  } catch {
    return null;
  }
}

async function toDriftTable(row: Row, requestIds: Map<string, string>): Promise<ManagedTableForDrift | null> {
  const tier = TierSchema.safeParse(row.tier);
  const changeRequestId = requestIds.get(row.definedByRequestKey);
  // A table without a valid tier or defining request cannot be announced to anyone: skip it.
  if (!tier.success || !changeRequestId) return null;
  return {
    id: row.id,
    tier: tier.data,
    definition: JSON.parse(row.definitionJson) as TableRequest,
    changeRequestId,
    lastCheckedAt: row.lastCheckedAt,
    lastOutcome: parseOutcome(row.lastDriftOutcome),
  };
}

async function requestIdsFor(db: Db, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.changeRequest.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * The live status a check leaves: in sync → VERIFIED, drifted or gone → DRIFTED; a check that
 * could not run keeps what the last real check found, and says UNKNOWN only for a table never verified.
 */
export function liveStatusAfterCheck(
  current: string,
  status: DriftCheckRecord["result"]["status"],
): TableLiveStatus | undefined {
  if (status === "in_sync") return "VERIFIED";
  if (status === "drifted" || status === "missing") return "DRIFTED";
  return current === "VERIFIED" || current === "DRIFTED" ? undefined : "UNKNOWN";
}

/** The managed-table inventory as the scheduled drift checks' source (registered in instrumentation.ts). */
export function createInventoryDriftSource(dbOf: () => Promise<Db> = getDb): ManagedTableSource {
  return {
    async listManagedTables() {
      const db = await dbOf();
      const rows = await db.managedTable.findMany({ where: WATCHED, select: columns, orderBy: { id: "asc" } });
      const ids = await requestIdsFor(db, [...new Set(rows.map((r) => r.definedByRequestKey))]);
      const tables = await Promise.all(rows.map((r) => toDriftTable(r, ids)));
      return tables.filter((t): t is ManagedTableForDrift => t !== null);
    },
    async getManagedTable(id) {
      const db = await dbOf();
      const row = await db.managedTable.findFirst({ where: { id, ...WATCHED }, select: columns });
      if (!row) return null;
      return toDriftTable(row, await requestIdsFor(db, [row.definedByRequestKey]));
    },
    async recordDriftCheck(tx: Tx, id: string, record: DriftCheckRecord) {
      const row = await tx.managedTable.findUnique({ where: { id }, select: { liveStatus: true } });
      if (!row) return;
      const liveStatus = liveStatusAfterCheck(row.liveStatus, record.result.status);
      await tx.managedTable.update({
        where: { id },
        data: {
          lastCheckedAt: new Date(record.result.checkedAt),
          ...(record.outcome ? { lastDriftOutcome: JSON.stringify(record.outcome) } : {}),
          ...(liveStatus ? { liveStatus } : {}),
        },
      });
    },
  };
}

export const inventoryDriftSource = createInventoryDriftSource();
