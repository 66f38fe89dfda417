import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("create a token, see its secret once, use it, revoke it, then it is refused", async ({ page, request }) => {
  await signIn(page, "developer", "/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByTestId("tokens-empty")).toBeVisible();
  // A developer cannot decide, so the decide scope is not offered.
  await expect(page.getByRole("checkbox", { name: /^read/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^write/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^decide/ })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/tokens-empty.png", fullPage: true });

  // Server-side validation errors are shown on the fields and announced.
  await page.getByLabel("Expires after (days)").fill("999");
  await page.getByRole("button", { name: "Create token" }).click();
  // (Next's route announcer is an empty alert too, hence the filter.)
  await expect(page.getByRole("alert").filter({ hasText: "fix the fields marked above" })).toBeVisible();
  const days = page.getByLabel("Expires after (days)");
  await expect(days).toHaveAttribute("aria-invalid", "true");
  // The server's message for the field is tied to it (aria-describedby), next to the hint.
  await expect(days).toHaveAccessibleDescription(/365/);

  await page.getByLabel("Name").fill("ci-pipeline");
  await page.getByLabel("Expires after (days)").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const panel = page.getByTestId("token-secret");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("It is shown only once");
  await expect(panel.getByRole("button", { name: "Copy secret" })).toBeVisible();
  const secret = await panel.getByTestId("token-secret-value").inputValue();
  expect(secret).toMatch(/^tw_/);
  const row = page.getByTestId("token-row").filter({ hasText: "ci-pipeline" });
  await expect(row).toContainText("active");
  await expect(row).toContainText("never");
  await page.screenshot({ path: "test-results/screenshots/tokens.png", fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);

  const bearer = { authorization: `Bearer ${secret}` };
  const ok = await request.get("/api/v1/change-requests", { headers: bearer });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

  // Shown once: after a reload the secret is nowhere on the page; the list shows the prefix only.
  await page.reload();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(row).toContainText(secret.slice(0, 9));
  await expect(row).not.toContainText("never");

  await row.getByRole("button", { name: "Revoke ci-pipeline" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke “ci-pipeline”?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/change-requests", { headers: bearer });
  expect(refused.status()).toBe(401);
});

test("an approver may give a token the decide scope", async ({ page }) => {
  await signIn(page, "approver", "/settings/tokens");
  await page.getByLabel("Name").fill("release-bot");
  await page.getByRole("checkbox", { name: /^decide/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("token-secret")).toContainText("read, decide");
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await expect(page.getByTestId("token-row").filter({ hasText: "release-bot" })).toContainText("read, decide");
});
