import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { sessionClient } from "./api/support";
import { signIn } from "./support/auth";

// Multi-account targets (issue 24): an admin maps a team and tier to an AWS account and role;
// the request form then names that account for the team and tier. identity/prod is used by no
// other spec, so this mapping changes no other spec's module.

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help}`),
    name,
  ).toEqual([]);
}

test("admins map a team and tier to an account; the form shows it; bad input is refused per field", async ({
  browser,
}) => {
  test.slow();
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin");
  await adminPage.getByRole("link", { name: "Accounts" }).click();
  await expect(adminPage.getByRole("heading", { name: "AWS accounts", level: 1 })).toBeVisible();

  await adminPage.getByLabel("Team", { exact: true }).selectOption("identity");
  await adminPage.getByLabel("Tier", { exact: true }).selectOption("prod");
  await adminPage.getByLabel("AWS account ID").fill("12345");
  await adminPage.getByLabel("Role to assume").fill("arn:aws:iam::123456789012:user/alice");
  await adminPage.getByRole("button", { name: "Save mapping" }).click();
  await expect(adminPage.getByLabel("AWS account ID")).toHaveAttribute("aria-invalid", "true");
  await expect(adminPage.getByText("must be a 12-digit AWS account ID")).toBeVisible();
  await expect(adminPage.getByText("must be an IAM role ARN")).toBeVisible();
  await expectAccessible(adminPage, "accounts page with errors");

  await adminPage.getByLabel("AWS account ID").fill("210987654321");
  await adminPage.getByLabel("Role to assume").fill("arn:aws:iam::210987654321:role/tablewright-e2e");
  await adminPage.getByRole("button", { name: "Save mapping" }).click();
  const row = adminPage.getByTestId("account-targets").getByRole("row", { name: /identity.*prod.*210987654321/ });
  await expect(row).toBeVisible();

  // The module rendered for that team and tier assumes the role and pins the account.
  // Dana's session, not a new token of hers: tokens.spec starts from Dana's empty token list.
  const api = (await sessionClient("developer")).ctx;
  const request = JSON.parse(readFileSync("examples/requests/valid/backup-cross-region-copy.json", "utf8"));
  request.owner.team = "identity";
  const rendered = await api.post("/api/v1/render", { data: request });
  expect(rendered.status(), await rendered.text()).toBe(200);
  const providers: string = (await rendered.json()).files["providers.tf"];
  expect(providers).toMatch(/role_arn\s+= "arn:aws:iam::210987654321:role\/tablewright-e2e"/);
  expect(providers).toContain('allowed_account_ids = ["210987654321"]');

  const devPage = await (await browser.newContext()).newPage();
  await signIn(devPage, "developer", "/requests/new");
  await devPage.getByLabel("Team", { exact: true }).selectOption("identity");
  await devPage.getByRole("radio", { name: "prod", exact: true }).check();
  await expect(devPage.getByTestId("tier-account")).toContainText("210987654321");
  await expect(devPage.getByTestId("tier-account")).toContainText("arn:aws:iam::210987654321:role/tablewright-e2e");
  await devPage.getByRole("radio", { name: "dev", exact: true }).check();
  await expect(devPage.getByTestId("tier-account")).toContainText("default account");
  // Developers cannot reach the admin page.
  await devPage.goto("/admin/accounts");
  await expect(devPage.getByRole("heading", { name: "AWS accounts" })).toHaveCount(0);

  await row.getByRole("button", { name: /Remove/ }).click();
  await expect(row).toHaveCount(0);
});
