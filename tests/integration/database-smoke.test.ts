import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../lib/server/seed-demo-data";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// These suites exercise the workflow, not AWS: live name checks are off (tests/integration/aws-* cover them).
process.env.TABLEWRIGHT_AWS_CHECKS = "off";

describe.each(databaseKinds())("database on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  it("seeds labelled demo data in every status through the real workflow, once and never again", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true });
    const rows = await t.db.changeRequest.findMany({ select: { status: true, isDemo: true } });
    expect(rows.every((r) => r.isDemo)).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "REJECTED", "WITHDRAWN"]),
    );
    expect(await t.db.user.count({ where: { isDemo: true } })).toBe(6); // developers, approvers, the budget approver, the admin
    await t.db.changeRequest.deleteMany({ where: { isDemo: true } });
    expect(await seedDemoData(t.db)).toEqual({ seeded: false });
    expect(await t.db.changeRequest.count()).toBe(0);
  });
});
