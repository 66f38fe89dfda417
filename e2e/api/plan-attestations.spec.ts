import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "../support/auth";
import { checkoutRequest, createToken, expectDocumented, sessionClient, tokenClient } from "./support";

/**
 * Plan attestation over HTTP: CI posts `terraform show -json`, the portal checks it against the
 * approved revision and the request page shows the verdict. The plan is real: lsi-table's module
 * planned by real Terraform 1.11.4 with hashicorp/aws 5.100 (scripts/generate-plan-fixtures.ts).
 * This portal renders for hashicorp/aws 6 (the shipped policy) and this machine has no 6.x
 * provider to plan with, so here the real plan is the tampered case: a 5.x plan of another table
 * is not the approved module. The attested path runs end to end in
 * e2e/ops/plan-attestation-real.spec.ts (its own portal targeting aws 5, a real plan of the
 * downloaded bundle), and against real plans in tests/integration/plan-attestations.test.ts and
 * tests/terraform/attest-real-plans.test.ts.
 */

const PLAN_PATH = "/api/v1/change-requests/{key}/revisions/{revision}/plans";
const realPlan = () =>
  JSON.parse(readFileSync(path.resolve("lib/domain/attest/__fixtures__/lsi-table.plan.json"), "utf8"));

test("CI posts a real plan with an attest token; violations show on the request page", async ({ browser }) => {
  test.slow();
  const dana = await sessionClient("developer");
  const pat = await sessionClient("approver");
  const created = await dana.ctx.post("/api/v1/change-requests", {
    data: { request: checkoutRequest("attest"), title: "Attest a plan", submit: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { key } = await created.json();
  const url = `/api/v1/change-requests/${key}/revisions/1/plans`;
  const ci = await tokenClient((await createToken(dana, ["attest"], "ci")).secret);

  // Not approved yet: nothing to attest against.
  const early = await ci.post(url, { data: realPlan() });
  expect(early.status(), await early.text()).toBe(409);
  expect((await early.json()).code).toBe("REVISION_NOT_APPROVED");
  await expectDocumented(early, "POST", PLAN_PATH);

  const approved = await pat.ctx.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } });
  expect(approved.status(), await approved.text()).toBe(200);

  // Nothing a client sends is a 5xx: bad JSON, wrong types, oversized arrays and bodies.
  const cases: [string, Parameters<typeof ci.post>[1], number, string | undefined][] = [
    [
      "malformed JSON",
      { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } },
      400,
      undefined,
    ],
    ["a number as the version", { data: { format_version: "1.2", terraform_version: 1 } }, 422, "terraform_version"],
    ["a plan format 2.x", { data: { format_version: "2.0", terraform_version: "1.11.4" } }, 422, "format_version"],
    [
      "a resource without its change",
      { data: { format_version: "1.2", terraform_version: "1.11.4", resource_changes: [{ address: "x" }] } },
      422,
      "resource_changes",
    ],
    [
      "too many resources",
      {
        data: {
          format_version: "1.2",
          terraform_version: "1.11.4",
          resource_changes: Array.from({ length: 6000 }, () => ({})),
        },
      },
      422,
      "resource_changes",
    ],
    ["a body over 5 MB", { data: { format_version: "1.2", pad: "x".repeat(5_300_000) } }, 413, undefined],
  ];
  for (const [name, options, status, field] of cases) {
    const res = await ci.post(url, options);
    expect(res.status(), `${name}: ${await res.text()}`).toBe(status);
    if (field) {
      const problem = await res.json();
      expect(problem.errors.map((e: { path: string }) => e.path).join(" "), name).toContain(field);
    }
  }

  // The real plan: another table, planned for hashicorp/aws 5.x, against this approved 6.x module.
  const posted = await ci.post(url, { data: realPlan() });
  expect(posted.status(), await posted.text()).toBe(200);
  await expectDocumented(posted, "POST", PLAN_PATH);
  const verdict = await posted.json();
  expect(verdict.verdict).toBe("VIOLATIONS");
  expect(verdict.terraformVersion).toBe("1.11.4");
  const paths = verdict.findings.map((f: { path: string }) => f.path);
  expect(paths).toEqual(expect.arrayContaining(["tableName", "provider.aws.version"]));
  // The same plan again is the same attestation.
  const again = await (await ci.post(url, { data: realPlan() })).json();
  expect([again.id, again.replayed]).toEqual([verdict.id, true]);

  const listed = await ci.get(url);
  expect(listed.status()).toBe(200);
  await expectDocumented(listed, "GET", PLAN_PATH);
  expect((await listed.json()).items.map((a: { id: string }) => a.id)).toEqual([verdict.id]);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "developer", `/requests/${key}`);
  const section = page.getByTestId("plan-attestations");
  await expect(section.getByTestId("lifecycle")).toContainText("Approved");
  await expect(section.getByTestId("lifecycle")).toContainText("Plan violations");
  await expect(section.getByTestId("verdict")).toHaveText("Plan violations");
  await expect(section.getByTestId("findings")).toContainText(
    "The table name in the plan differs from the approved revision.",
  );
  await expect(page.getByTestId("status-timeline")).toContainText(
    "posted a Terraform plan that differs from revision 1",
  );
  await section.screenshot({ path: "test-results/screenshots/plan-attestations.png" });
});
