import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Importing an existing table from the UI. The journeys'
// server runs with live checks off: the page says so up front and the import is refused with the
// reason. The full adoption against a DynamoDB endpoint is e2e/ops/import-table.spec.ts.

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    name,
  ).toEqual([]);
}

test("the import page: reachable from My requests, says live checks are off, shows the refusal", async ({ page }) => {
  test.setTimeout(120_000);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "developer");
    await page.getByRole("link", { name: "Import an existing table" }).click();
    await expect(page.getByRole("heading", { name: "Import an existing table", level: 1 })).toBeVisible();
    await expect(page.getByTestId("live-checks-off")).toContainText("TABLEWRIGHT_AWS_CHECKS=off");
    await expectAccessible(page, `import page ${width}`);

    await page.getByLabel("Region").selectOption("eu-central-1");
    await page.getByLabel("Table name").fill("legacy-sessions");
    await page.getByLabel("Team").selectOption("identity");
    await page.getByLabel("Purpose").fill("Sessions of the old login service.");
    await page.getByRole("button", { name: "Import table" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toContainText("Cannot read AWS now");
    await expect(result).toContainText("live checks are off", { ignoreCase: true });
    await expectAccessible(page, `import refused ${width}`);
    await page.screenshot({ path: `test-results/screenshots/import-refused-${width}.png`, fullPage: true });
    await page.context().clearCookies();
  }
});
