import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("smoke: the developer sees TW-4's diff and TW-6's rejection", async ({ page }) => {
  await signIn(page, "approver");
  await page.goto("/requests/TW-4");
  await expect(page.getByRole("heading", { name: "Invoices with a warm standby" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/request-detail.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/request-detail-390.png", fullPage: true });
});
