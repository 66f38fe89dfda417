import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

// The cost estimate a requester meets in the form: a workload given as an item count, reads per
// Region and a consistency mix; billable storage per table and index; the 12-month projection as
// an accessible chart; what-if comparisons; and capacity that cannot serve the workload (issue 17
// item 7: 20,000 reads/s with an auto scaling maximum of 100 must not pass silently).

const SHOTS = "test-results/screenshots";

// Each journey types a whole workload and waits for the live panel after each change.
test.slow();

async function openNewRequest(page: Page) {
  await signIn(page, "developer", "/requests/new");
  await expect(page.getByRole("heading", { name: "New table request" })).toBeVisible();
  await expect(page.getByTestId("live-panel")).toHaveAttribute("data-analysis-seq", /\d+/);
}

async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (scope) builder.include(scope);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function fillNumber(field: Locator, value: string) {
  await field.fill(value);
  await field.blur();
}

/** Provisioned reads with an auto scaling maximum of 100 RCU. */
async function underSizeReads(page: Page) {
  await page.getByLabel("Billing mode").selectOption("PROVISIONED");
  await page.getByLabel("Auto scale read").check();
  await fillNumber(page.getByLabel("Read max"), "100");
}

async function describeGlobalWorkload(page: Page) {
  await page.getByLabel("Service", { exact: true }).fill("ledger-api");
  await page.getByLabel("Table name").fill("ledger-entries");
  // staging allows three Regions; add one replica (us-east-2)
  await page.getByRole("radio", { name: "staging", exact: true }).check();
  await page.getByRole("button", { name: "Add replica" }).click();
  await expect(page.getByLabel("Region", { exact: true })).toHaveValue("us-east-2");

  await page.getByLabel("I know the expected workload").check();
  await fillNumber(page.getByLabel("Reads per second (average)"), "100");
  await fillNumber(page.getByLabel("Writes per second (average)"), "10");
  await fillNumber(page.getByLabel("Item size (bytes)"), "1024");
  await page.getByLabel("Data size given as").selectOption("itemCount");
  await fillNumber(page.getByLabel("Items in the table"), "10000000");
  await fillNumber(page.getByLabel("Data growth per month (GB, optional)"), "5");
  await page.getByLabel("Reads differ by Region").check();
  await fillNumber(page.getByLabel("Reads per second in us-east-1"), "90");
  await page.getByLabel("A mix of consistencies").check();
  await fillNumber(page.getByLabel("Eventually consistent (%)"), "50");
  await fillNumber(page.getByLabel("Strongly consistent (%)"), "50");
}

test("item count, reads per Region and a consistency mix give billable storage, a projection and what-ifs", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openNewRequest(page);
  await describeGlobalWorkload(page);
  const panel = page.getByTestId("live-panel");
  await page.getByRole("tab", { name: "Cost" }).click();

  // Billable storage: 10,000,000 items x (1,024 + 148 bytes) on a global table = 10.9151 GB per Region.
  const storage = panel.getByTestId("billable-storage");
  await expect(storage).toContainText("1,024 + 148");
  await expect(storage).toContainText("10.92");
  // Reads: us-east-1 serves 90 of 100, the mix prices 0.75 read units a read.
  await expect(panel).toContainText("90 reads/s (90% of reads served here)");
  await expect(panel).toContainText("mix 50% eventual, 50% strong");

  // The projection: a caption in words and 12 months in a table; the SVG is decorative.
  const projection = panel.getByTestId("cost-projection");
  await expect(projection).toContainText("Next 12 months");
  await expect(projection).toContainText("rising to");
  await expect(panel.getByTestId("cost-projection-chart")).toHaveAttribute("aria-hidden", "true");
  await projection.getByText("Month by month").click();
  await expect(projection.locator("tbody tr")).toHaveCount(12);
  await expect(projection.getByRole("columnheader", { name: "us-east-2" })).toBeVisible();

  // A what-if for the replica on Standard-IA, labelled as what the module cannot do.
  const whatIf = panel.getByTestId("cost-what-if");
  await expect(whatIf).toContainText("us-east-2 (active replica) on Standard-IA");
  await expect(whatIf).toContainText("PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED");

  expect(await seriousViolations(page, '[data-testid="live-panel"]')).toEqual([]);
  await projection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/cost-projection-1280.png` });
  await page.getByTestId("cost-projection").screenshot({ path: `${SHOTS}/cost-projection-chart-1280.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await projection.scrollIntoViewIfNeeded();
  // Labels stay readable: the month numbers are at least 12 px tall on a 390 px screen.
  const label = panel.getByTestId("cost-projection-chart").locator("text").first();
  expect((await label.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(12);
  await page.getByTestId("cost-projection").screenshot({ path: `${SHOTS}/cost-projection-chart-390.png` });
  await panel.getByTestId("billable-storage").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/cost-storage-390.png` });
  expect(await seriousViolations(page, '[data-testid="live-panel"]')).toEqual([]);

  // The workload section of the form itself, with every new input shown.
  await page.getByLabel("Reads differ by Region").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/cost-workload-section-390.png` });
  expect(await seriousViolations(page, "#field-workload")).toEqual([]);
});

test("demand above the auto scaling maximum is throttled, never priced silently (warning on staging, error on prod)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openNewRequest(page);
  await page.getByLabel("Service", { exact: true }).fill("catalog");
  await page.getByLabel("Table name").fill("catalog-items");
  await page.getByRole("radio", { name: "staging", exact: true }).check();
  await underSizeReads(page);
  await page.getByLabel("I know the expected workload").check();
  await fillNumber(page.getByLabel("Reads per second (average)"), "20000");
  await fillNumber(page.getByLabel("Writes per second (average)"), "1");

  const panel = page.getByTestId("live-panel");
  await page.getByRole("tab", { name: "Cost" }).click();
  // 20,000 eventually consistent 1 KB reads = 10,000 RCU against a maximum of 100
  await expect(panel).toContainText("99% of it would be throttled");
  await expect(panel).toContainText("Serving it needs 14,286 RCU");
  await expect(panel.getByTestId("cost-alternatives")).toBeVisible();
  await expect(panel).not.toContainText("already the cheapest");
  await expect(panel).toContainText("The requested capacity cannot serve the workload's peak");
  await page.getByRole("tab", { name: /Checks/ }).click();
  await expect(panel.getByTestId("checks-list")).toContainText("above the table read auto scaling maximum");
  await page.screenshot({ path: `${SHOTS}/cost-throttled-staging-1280.png` });

  // On prod the tier policy refuses it: the request cannot be submitted as it is.
  await page.getByRole("radio", { name: "prod", exact: true }).check();
  await underSizeReads(page); // a tier change may reset billing to the tier's default
  await expect(page.getByLabel("Reads per second (average)")).toHaveValue("20000");
  await expect(panel.getByTestId("checks-list")).toContainText("The prod tier requires capacity for the stated peak");
  await expect(panel.getByTestId("panel-status")).not.toContainText("Ready to submit");
});

test("the request page shows the stored estimate's projection", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openNewRequest(page);
  await describeGlobalWorkload(page);
  await page.getByLabel("Cost centre").fill("CC-7001");
  const tags = page.getByLabel(/^Tag \d+ key$/);
  for (let i = 0; i < (await tags.count()); i++) {
    if ((await tags.nth(i).inputValue()) === "CostCenter") {
      await page.getByLabel(`Tag ${i + 1} value`, { exact: true }).fill("CC-7001");
    }
  }
  await expect(page.getByTestId("panel-status")).toContainText("Ready to submit");
  // Submit goes through the review step: what will be created, its cost and DR pattern.
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await page.waitForURL(/\/requests\/TW-\d+$/);
  const projection = page.getByTestId("cost-projection");
  await expect(projection).toContainText("Next 12 months");
  await projection.getByText("Month by month").click();
  await expect(projection.locator("tbody tr")).toHaveCount(12);
  expect(await seriousViolations(page)).toEqual([]);
  await projection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/request-detail-projection-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await projection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/request-detail-projection-390.png` });
  expect(await seriousViolations(page)).toEqual([]);
});
