import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../lib/server/seed-demo-data";
import { selectAwsProvider5Policy } from "../support/aws5-policy";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// A platform that targets hashicorp/aws 5.x refuses multi-Region strong consistency at submit
// (PROVIDER_TARGET_MRSC_UNSUPPORTED): the demo seed must still load, without its MRSC example.
selectAwsProvider5Policy();
process.env.TABLEWRIGHT_AWS_CHECKS = "off";

describe.each(databaseKinds())("demo seed under a hashicorp/aws 5 policy on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  it("seeds every status but leaves out the MRSC example that 5.x cannot express", async () => {
    expect(await seedDemoData(t.db)).toEqual({ seeded: true });
    const rows = await t.db.changeRequest.findMany({ select: { status: true, title: true } });
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "REJECTED", "WITHDRAWN"]),
    );
    expect(rows.map((r) => r.title).join("\n")).not.toContain("MRSC");
  });
});
