import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../lib/server/seed-demo-data";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

describe.each(databaseKinds())("database on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  it("applies the migrations and round-trips a change request", async () => {
    await t.db.changeRequest.create({
      data: { key: "TW-100", title: "Smoke", tableName: "smoke", tier: "dev", status: "DRAFT" },
    });
    const row = await t.db.changeRequest.findUniqueOrThrow({ where: { key: "TW-100" } });
    expect(row).toMatchObject({ title: "Smoke", status: "DRAFT", isDemo: false });
  });

  it("seeds the labelled demo data once, and never again", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true });
    const demo = await t.db.changeRequest.count({ where: { isDemo: true } });
    expect(demo).toBeGreaterThan(0);
    await t.db.changeRequest.deleteMany({ where: { isDemo: true } });
    expect(await seedDemoData(t.db)).toEqual({ seeded: false });
    expect(await t.db.changeRequest.count({ where: { isDemo: true } })).toBe(0);
  });
});
