import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

const SHOTS = "test-results/screenshots";

/** The panel's analysis counter: wait until it moves past `after` so assertions see the new analysis. */
async function analysisSeq(page: Page): Promise<number> {
  return Number(await page.getByTestId("live-panel").getAttribute("data-analysis-seq"));
}

async function money(page: Page): Promise<number> {
  const text = (await page.getByTestId("cost-total").textContent()) ?? "";
  return Number(text.replace(/[$,]/g, ""));
}

async function openNewRequest(page: Page) {
  await signIn(page, "developer", "/requests/new");
  await expect(page.getByRole("heading", { name: "New table request" })).toBeVisible();
  await expect(page.getByTestId("live-panel")).toHaveAttribute("data-analysis-seq", /\d+/);
}

test.describe("new request form", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => window.localStorage.clear());
  });

  test("smoke: renders with the panel and screenshots at 1280 and 390", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openNewRequest(page);
    await page.getByLabel("Table name").fill("orders-ledger");
    await expect(page.getByTestId("cost-total")).toContainText("$");
    await page.screenshot({ path: `${SHOTS}/request-form-1280.png`, fullPage: false });
    await page.getByRole("tab", { name: "DR" }).click();
    await page.screenshot({ path: `${SHOTS}/request-form-1280-dr.png`, fullPage: false });
    await page.getByRole("tab", { name: "Terraform" }).click();
    await page.screenshot({ path: `${SHOTS}/request-form-1280-terraform.png`, fullPage: false });
    await page.getByRole("tab", { name: /Checks/ }).click();
    await page.screenshot({ path: `${SHOTS}/request-form-1280-checks.png`, fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/request-form-390.png`, fullPage: true });
    expect(await analysisSeq(page)).toBeGreaterThan(0);
    expect(await money(page)).toBeGreaterThan(0);
  });
});
