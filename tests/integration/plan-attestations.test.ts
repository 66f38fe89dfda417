import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/domain/app-error";
import { TerraformPlanSchema } from "../../lib/domain/attest";
import type { Actor } from "../../lib/server/actor";
import { attestRevisionPlan, listPlanAttestations } from "../../lib/server/attestations";
import {
  createChangeRequest,
  getChangeRequest,
  listChangeRequestAudit,
  transitionChangeRequest,
} from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { exampleRequest } from "../fixtures/requests";
import { makeActor } from "../support/actors";
import { selectAwsProvider5Policy } from "../support/aws5-policy";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

// The real plan of lsi-table's module for hashicorp/aws 5.x (scripts/generate-plan-fixtures.ts), so
// the portal renders revisions for 5.x here, as a team on 5.x would configure it.
const EXAMPLE = "lsi-table";
const PLAN_FILE = path.resolve(import.meta.dirname, `../../lib/domain/attest/__fixtures__/${EXAMPLE}.plan.json`);
selectAwsProvider5Policy();
process.env.TABLEWRIGHT_AWS_CHECKS = "off";

// biome-ignore lint/suspicious/noExplicitAny: Terraform's plan JSON, edited by the test.
const rawPlan = (): any => JSON.parse(readFileSync(PLAN_FILE, "utf8"));
const planOf = (raw: unknown) => TerraformPlanSchema.parse(raw);

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe.each(databaseKinds())("plan attestations on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let outsider: Actor;
  let approvers: Actor[];
  let key: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    const request = exampleRequest(EXAMPLE);
    dev = await makeActor(db, "DEVELOPER", [request.owner.team]);
    outsider = await makeActor(db, "DEVELOPER", ["search"]);
    approvers = [await makeActor(db, "PLATFORM_APPROVER", ["platform"]), await makeActor(db, "ADMIN", ["platform"])];
    key = (await createChangeRequest(dev, { request, title: "Attest", submit: true }, db)).key;
  });
  afterAll(async () => t?.drop());

  it("refuses a plan for a revision that is not approved yet", async () => {
    await expectAppError(attestRevisionPlan(dev, key, 1, planOf(rawPlan()), db), "REVISION_NOT_APPROVED");
  });

  it("attests the real plan of the approved module, once per digest, and audits it", async () => {
    for (const approver of approvers) {
      if ((await getChangeRequest(dev, key, db)).status === "APPROVED") break;
      await transitionChangeRequest(approver, key, "APPROVE", { revisionNumber: 1 }, db);
    }
    expect((await getChangeRequest(dev, key, db)).status).toBe("APPROVED");

    const first = await attestRevisionPlan(dev, key, 1, planOf(rawPlan()), db);
    expect(first.findings).toEqual([]);
    expect(first).toMatchObject({ verdict: "ATTESTED", replayed: false, terraformVersion: "1.11.4" });
    expect(first.planDigest).toMatch(/^[0-9a-f]{64}$/);
    // The same plan with its keys in another order is the same plan.
    const reordered = Object.fromEntries(Object.entries(rawPlan()).reverse());
    const again = await attestRevisionPlan(dev, key, 1, planOf(reordered), db);
    expect(again).toMatchObject({ id: first.id, replayed: true });

    const tampered = rawPlan();
    tampered.resource_changes.find((r: { type: string }) => r.type === "aws_dynamodb_table").change.after.billing_mode =
      "PROVISIONED";
    const violated = await attestRevisionPlan(dev, key, 1, planOf(tampered), db);
    expect(violated.verdict).toBe("VIOLATIONS");
    expect(violated.findings.map((f) => f.path)).toContain("billing.mode");

    const listed = await listPlanAttestations(dev, key, 1, db);
    expect(listed.map((a) => a.verdict)).toEqual(["VIOLATIONS", "ATTESTED"]);
    const audit = await listChangeRequestAudit(dev, key, db);
    const actions = audit.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a.startsWith("PLAN_"))).toEqual(
      expect.arrayContaining(["PLAN_ATTESTED", "PLAN_VIOLATIONS"]),
    );
    expect(actions.filter((a: string) => a.startsWith("PLAN_"))).toHaveLength(2);
    // One notification per new attestation, none for the replay, written with it.
    const cr = await db.changeRequest.findUniqueOrThrow({ where: { key } });
    const events = await db.notificationEvent.findMany({
      where: { changeRequestId: cr.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.type).filter((type) => type.includes("plan_"))).toEqual([
      "change_request.plan_attested",
      "change_request.plan_violated",
    ]);
  });

  it("refuses a plan nested too deeply to walk as a client error, not a crash", async () => {
    const deep = JSON.parse(
      `{"format_version":"1.2","terraform_version":"1.11.4","variables":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
    );
    await expectAppError(attestRevisionPlan(dev, key, 1, planOf(deep), db), "VALIDATION_FAILED");
  });

  it("hides another team's request and refuses other revisions", async () => {
    await expectAppError(attestRevisionPlan(outsider, key, 1, planOf(rawPlan()), db), "NOT_FOUND");
    await expectAppError(listPlanAttestations(outsider, key, 1, db), "NOT_FOUND");
    await expectAppError(attestRevisionPlan(dev, key, 7, planOf(rawPlan()), db), "NOT_FOUND");
  });
});
