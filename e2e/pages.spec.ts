import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

/** Pages not covered by a feature journey: each renders, is screenshotted, and passes axe. */
async function expectAccessible(page: Page, name: string) {
  // Swagger UI's own markup is a third-party viewer we do not control; everything around it is ours.
  const results = await new AxeBuilder({ page }).exclude("#swagger-ui").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
    name,
  ).toEqual([]);
}

test("sign-in, my requests, forbidden and the API reference at 1280 px and 390 px", async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await expectAccessible(page, `sign-in ${width}`);
    await page.screenshot({ path: `test-results/screenshots/sign-in-${width}.png`, fullPage: true });

    await signIn(page, "developer");
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    await expectAccessible(page, `my requests ${width}`);
    await page.screenshot({ path: `test-results/screenshots/my-requests-${width}.png`, fullPage: true });

    await page.goto("/queue");
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expectAccessible(page, `forbidden ${width}`);

    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
    // Swagger UI renders the generated document's operations (loaded with the CSP nonce).
    await expect(page.getByText("/api/v1/change-requests/{key}/approve").first()).toBeVisible({ timeout: 15_000 });
    await expectAccessible(page, `api docs ${width}`);
    await page.screenshot({ path: `test-results/screenshots/api-docs-${width}.png`, fullPage: false });
  }
});

test("filters and search on my requests narrow the list", async ({ page }) => {
  await signIn(page, "developer");
  await page.getByLabel("Status").selectOption("REJECTED");
  await page.getByLabel("Search").fill("sessions-global");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=REJECTED/);
  const rows = page.getByTestId("change-request-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Global sessions in three Regions");
  await page.getByLabel("Status").selectOption("");
  await page.getByLabel("Search").fill("carts-dev");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows.first()).toContainText("carts");
  await page.getByLabel("Search").fill("no-such-table-anywhere");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No change requests match these filters.")).toBeVisible();
});
