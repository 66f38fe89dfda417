import "server-only";
import type { Db } from "./db";

const DEMO_SEED_FLAG = "demo-seed";

const DEMO_CHANGE_REQUESTS = [
  { key: "TW-1", title: "Orders table for checkout", tableName: "checkout-orders", tier: "prod", status: "APPROVED" },
  { key: "TW-2", title: "Session store with TTL", tableName: "web-sessions", tier: "staging", status: "SUBMITTED" },
  { key: "TW-3", title: "Feature flags cache", tableName: "feature-flags-dev", tier: "dev", status: "DRAFT" },
  {
    key: "TW-4",
    title: "Payments ledger (global table)",
    tableName: "payments-ledger",
    tier: "prod",
    status: "CHANGES_REQUESTED",
  },
  { key: "TW-5", title: "Scratch table", tableName: "scratch", tier: "dev", status: "REJECTED" },
] as const;

/**
 * Seeds labelled demo data the first time the embedded portal starts, and never again (a flag in
 * the Setting table remembers it, so deleting the demo rows does not bring them back).
 */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  const done = await db.setting.findUnique({ where: { key: DEMO_SEED_FLAG } });
  if (done) return { seeded: false };
  await db.$transaction(async (tx) => {
    for (const [index, row] of DEMO_CHANGE_REQUESTS.entries()) {
      await tx.changeRequest.create({
        data: { ...row, isDemo: true, createdAt: new Date(Date.UTC(2026, 10, 1 + index, 9)) },
      });
    }
    await tx.setting.create({ data: { key: DEMO_SEED_FLAG, value: new Date().toISOString() } });
  });
  return { seeded: true };
}
