import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("anonymous visitors are sent to sign-in; a developer sees their teams' requests from the database", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2F/);
  await expect(page.getByRole("heading", { name: "Sign in to Tablewright" })).toBeVisible();
  await expect(page.getByText("Demo accounts (embedded mode only)")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/sign-in.png", fullPage: true });

  await signIn(page, "developer");
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
  // Rows come from the demo seed that scripts/e2e.mjs applied to the e2e database.
  const rows = page.getByTestId("change-request-row");
  await expect(rows.first()).toBeVisible();
  // Other suites add requests to Dana's teams; search keeps this about the seeded row.
  await page.getByLabel("Search").fill("carts-dev");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Shopping carts for the dev environment")).toBeVisible();
  await expect(rows.filter({ hasText: "Shopping carts" })).toContainText("demo");
  // Dana is not in the orders team: its request is not listed.
  await expect(page.getByText("Orders table for the storefront")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/my-requests.png", fullPage: true });

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.database.reachable).toBe(true);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
