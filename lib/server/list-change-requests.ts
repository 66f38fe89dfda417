import "server-only";
import { getDb } from "./db";

export interface ChangeRequestSummary {
  key: string;
  title: string;
  tableName: string;
  tier: string;
  status: string;
  isDemo: boolean;
  createdAt: Date;
}

/** Newest change requests first, for the home page. */
export async function listChangeRequests({ take = 50 }: { take?: number } = {}): Promise<ChangeRequestSummary[]> {
  const db = await getDb();
  return db.changeRequest.findMany({
    orderBy: [{ createdAt: "desc" }, { key: "desc" }],
    take,
    select: { key: true, title: true, tableName: true, tier: true, status: true, isDemo: true, createdAt: true },
  });
}
