import { expect, test } from "@playwright/test";

test("home page lists change requests from the database, and the health check answers", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Change requests" })).toBeVisible();
  // TW-1 comes from the demo seed that scripts/e2e.mjs applied to the e2e database.
  const row = page.getByTestId("change-request-row").filter({ hasText: "TW-1" });
  await expect(row).toContainText("checkout-orders");
  await expect(row).toContainText("demo");
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.database.reachable).toBe(true);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
