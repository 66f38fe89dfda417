import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

const SHOTS = "test-results/screenshots";

async function money(page: Page): Promise<number> {
  const text = (await page.getByTestId("cost-total").textContent()) ?? "";
  return Number(text.replace(/[$,]/g, ""));
}

async function openNewRequest(page: Page) {
  await signIn(page, "developer", "/requests/new");
  await expect(page.getByRole("heading", { name: "New table request" })).toBeVisible();
  await expect(page.getByTestId("live-panel")).toHaveAttribute("data-analysis-seq", /\d+/);
}

/** The value input of the tag row whose key is `key`. */
async function tagValue(page: Page, key: string): Promise<Locator> {
  const keys = page.getByLabel(/^Tag \d+ key$/);
  const count = await keys.count();
  for (let i = 0; i < count; i++) {
    if ((await keys.nth(i).inputValue()) === key) return page.getByLabel(`Tag ${i + 1} value`, { exact: true });
  }
  throw new Error(`no tag row with key ${key}`);
}

/** Presses Tab until the focused element is `target` (keyboard only, as a person would). */
async function tabTo(page: Page, target: Locator, maxPresses = 120) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the control with Tab");
}

test("a developer builds a prod global table: meets field errors, fixes them, watches cost and DR change, submits", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openNewRequest(page);
  const panel = page.getByTestId("live-panel");

  await page.getByLabel("Service", { exact: true }).fill("ledger-api");
  await page.getByLabel("Cost centre").fill("CC-7001");
  await page.getByLabel("Purpose").fill("Payment ledger entries, read by account.");

  // Choosing prod applies its defaults and says what the tier requires.
  await page.getByRole("radio", { name: "prod", exact: true }).check();
  const requirements = page.getByTestId("tier-requirements");
  await expect(requirements).toContainText("Point-in-time recovery, at least 35 days");
  await expect(requirements).toContainText("Deletion protection");
  await expect(requirements).toContainText("Survives the loss of a Region");
  await expect(requirements).toContainText("2 approvals");
  await expect(page.getByLabel("Deletion protection", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Recovery period (days)")).toHaveValue("35");
  await expect(page.getByLabel("Copy to Region")).toHaveValue("us-west-2");
  expect(await tagValue(page, "Environment").then((l) => l.inputValue())).toBe("prod");

  // A table name that is too short is flagged on the field as soon as it is left.
  const tableName = page.getByLabel("Table name");
  await tableName.fill("pl");
  await tableName.blur();
  await expect(page.locator("#field-tableName-issues")).toContainText("Table name must be 3-255 characters");
  await expect(tableName).toHaveAttribute("aria-invalid", "true");

  // The cost centre filled the CostCenter tag (item 12): nothing to type twice.
  expect(await tagValue(page, "CostCenter").then((l) => l.inputValue())).toBe("CC-7001");

  // Submitting with errors lists them at the top, each linking to its field.
  await page.getByRole("button", { name: "Review and submit" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Table name must be 3-255 characters");
  await page.screenshot({ path: `${SHOTS}/request-form-errors.png` });
  await summary.getByRole("link", { name: /Table name must be/ }).click();
  await expect(tableName).toBeFocused();
  await tableName.fill("payments-ledger");
  await expect(page.locator("#field-tableName-issues")).toHaveCount(0);
  await expect(summary).not.toContainText("Table name must be");

  // One Region with a cross-Region backup copy: the backup-copy pattern, priced in two Regions.
  await expect(page.getByTestId("dr-pattern")).toHaveAttribute("data-pattern", "BACKUP_CROSS_REGION_COPY");
  const singleRegionCost = await money(page);
  await expect(page.getByTestId("region-cost-chart")).toHaveAttribute("aria-label", /us-east-1/);
  await expect(page.getByTestId("region-cost-chart")).not.toHaveAttribute("aria-label", /us-east-2/);

  // Add a replica: a global table, active-active, dearer, with the new Region in the chart.
  await page.getByRole("button", { name: "Add replica" }).click();
  await expect(page.getByLabel("Region", { exact: true })).toHaveValue("us-east-2");
  await expect(page.getByTestId("dr-pattern")).toHaveAttribute("data-pattern", "ACTIVE_ACTIVE_MREC");
  await expect(page.getByTestId("region-cost-chart")).toHaveAttribute("aria-label", /us-east-2/);
  await expect.poll(() => money(page)).toBeGreaterThan(singleRegionCost);
  const twoRegionCost = await money(page);

  // Strong consistency with two Regions breaks the MRSC rule; the Regions section says so.
  await page.getByLabel("Consistency").selectOption("STRONG");
  await expect(page.locator("#field-regions-replicas-issues")).toContainText("MRSC needs exactly 3 Regions");
  await expect(page.getByTestId("mrsc-region-sets")).toContainText("US: us-east-1, us-east-2, us-west-2");
  await page.getByRole("tab", { name: /Checks/ }).click();
  await expect(panel.getByTestId("checks-list")).toContainText("MRSC needs exactly 3 Regions");
  // Back to eventual consistency, then a third Region instead.
  await page.getByLabel("Consistency").selectOption("EVENTUAL");
  await expect(page.locator("#field-regions-replicas-issues")).toHaveCount(0);
  await page.getByRole("button", { name: "Add replica" }).click();
  await expect(page.getByLabel("Region", { exact: true }).nth(1)).toHaveValue("us-west-2");
  await page.getByLabel("Role").nth(1).selectOption("STANDBY");
  await expect.poll(() => money(page)).toBeGreaterThan(twoRegionCost);

  await page.getByRole("tab", { name: "DR" }).click();
  await expect(panel.locator('li[data-region="us-east-2"]')).toContainText("us-east-2");
  await expect(panel.locator('li[data-region="us-west-2"][data-role="STANDBY"]')).toBeVisible();
  await page.getByRole("tab", { name: "Cost" }).click();
  await expect(panel.getByTestId("panel-status")).toContainText("Ready to submit");
  await page.getByRole("tab", { name: "Terraform" }).click();
  await expect(panel.getByRole("tab", { name: "main.tf" })).toBeVisible();
  await expect(panel.getByTestId("terraform-code")).toContainText('resource "aws_dynamodb_table" "this"');
  await page.screenshot({ path: `${SHOTS}/request-form-prod-global-1280.png` });

  await page.getByRole("button", { name: "Review and submit" }).click();
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/v1/change-requests") && r.request().method() === "POST"),
    page.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click(),
  ]);
  expect(created.status()).toBe(201);
  await page.waitForURL(/\/requests\/TW-\d+$/);
  const detail = await page.request.get(page.url());
  expect(detail.status()).toBeLessThan(400);
  // The saved request no longer has a local draft.
  await page.goto("/requests/new");
  await expect(page.getByLabel("Table name")).toHaveValue("");
  await expect(page.getByTestId("draft-status")).toHaveCount(0);
});

test("a draft survives a reload and can be discarded", async ({ page }) => {
  await openNewRequest(page);
  await page.getByLabel("Table name").fill("draft-orders");
  await page.getByRole("button", { name: "Add GSI" }).click();
  await expect(page.getByLabel("Index name")).toBeFocused();
  await page.keyboard.type("by-customer");
  await expect(page.getByTestId("draft-status")).toContainText("Draft saved locally");
  // "Saved" may name a save from before the last keystrokes: reload only once the stored draft
  // holds the index name (the autosave writes shortly after each change).
  await expect
    .poll(() => page.evaluate(() => Object.values(window.localStorage).some((v) => v.includes("by-customer"))))
    .toBe(true);
  await page.reload();
  await expect(page.getByLabel("Table name")).toHaveValue("draft-orders");
  await expect(page.getByLabel("Index name")).toHaveValue("by-customer");
  await expect(page.getByTestId("draft-status")).toContainText("Restored your draft");
  await page.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("");
  await expect(page.getByLabel("Index name")).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Table name")).toHaveValue("");
});

test("keyboard only: a small dev request from empty form to submitted", async ({ page }) => {
  await openNewRequest(page);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const steps: [Locator, string][] = [
    [page.getByLabel("Service", { exact: true }), "carts"],
    [page.getByLabel("Cost centre"), "CC-1042"],
    [page.getByLabel("Table name"), "carts-keyboard"],
  ];
  for (const [control, text] of steps) {
    await tabTo(page, control);
    await page.keyboard.type(text);
  }
  // The cost centre filled the CostCenter tag as it was typed.
  await expect(page.getByTestId("panel-status")).toContainText("Ready to submit");
  await tabTo(page, page.getByRole("button", { name: "Review and submit" }));
  await page.keyboard.press("Enter");
  // The review step opens with its Submit button focused.
  await expect(page.getByRole("dialog").getByRole("button", { name: "Submit for review" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/requests\/TW-\d+$/);
});

for (const width of [1280, 390]) {
  test(`no serious or critical accessibility violations at ${width} px`, async ({ page }) => {
    // axe over the whole form, five times, is slow on a shared 2-core machine.
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await openNewRequest(page);
    const check = async (state: string) => {
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        bad.map((v) => `${state}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      ).toEqual([]);
    };
    await check("blank form");
    await page.getByRole("button", { name: "Load example" }).click();
    await expect(page.getByLabel("Table name")).toHaveValue("orders-prod");
    for (const tab of ["DR", "Terraform", "Checks"]) {
      await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
      await check(`${tab} tab`);
    }
  });
}

test("screenshots of the form and each panel tab at 1280 and 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openNewRequest(page);
  await page.getByRole("button", { name: "Load example" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("orders-prod");
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const tab of ["Cost", "DR", "Terraform", "Checks"]) {
    await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    await page.screenshot({ path: `${SHOTS}/request-form-1280-${tab.toLowerCase()}.png` });
  }
  await page
    .getByRole("heading", { name: "Indexes" })
    .or(page.getByText("Global secondary indexes"))
    .first()
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/request-form-1280-indexes.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/request-form-390-top.png` });
  await page.getByText("Global secondary indexes").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/request-form-390-indexes.png` });
  await page.getByRole("tab", { name: "Cost" }).scrollIntoViewIfNeeded();
  await page.getByRole("tab", { name: "Cost" }).click();
  await page.getByTestId("live-panel").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: `${SHOTS}/request-form-390-panel-cost.png` });
  await page.getByRole("tab", { name: "Terraform" }).click();
  await page.getByTestId("live-panel").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: `${SHOTS}/request-form-390-panel-terraform.png` });
  await page.screenshot({ path: `${SHOTS}/request-form-390-full.png`, fullPage: true });
});
