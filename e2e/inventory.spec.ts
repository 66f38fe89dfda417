import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { type AccountName, signIn, signInApi } from "./support/auth";

const SHOTS = "test-results/screenshots";
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/**
 * The prod example with two GSIs on provisioned capacity that serves its stated peak (750 RCU,
 * 800 WCU, 400 WCU per GSI: prod refuses less), owned by Dana's checkout team.
 */
function prodProvisioned(tableName: string) {
  const example = JSON.parse(readFileSync("examples/requests/valid/prod-with-gsis.json", "utf8"));
  const units = (n: number) => ({ units: n });
  return {
    ...example,
    tableName,
    owner: { ...example.owner, team: "checkout", requester: "dana@example.com", purpose: "Orders of the shop." },
    tags: { ...example.tags, Team: "checkout" },
    billing: { mode: "PROVISIONED", read: units(750), write: units(800) },
    globalSecondaryIndexes: example.globalSecondaryIndexes.map((g: object) => ({
      ...g,
      capacity: { read: units(20), write: units(400) },
    })),
  };
}

async function api(request: APIRequestContext, who: AccountName) {
  const csrf = await signInApi(request, who);
  return {
    post: async (path: string, data: unknown) => {
      const res = await request.post(path, { headers: { "x-csrf-token": csrf }, data });
      expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
      return res.json();
    },
    get: async (path: string) => (await request.get(path)).json(),
  };
}

/** A prod table through the real workflow: Dana asks, Pat and Quinn approve (prod needs two). */
async function approvedProdTable(playwright: typeof import("@playwright/test").request, name: string) {
  const dana = await api(await playwright.newContext(), "developer");
  const { key } = await dana.post("/api/v1/change-requests", { request: prodProvisioned(name), submit: true });
  for (const who of ["approver", "secondApprover"] as const) {
    const approver = await api(await playwright.newContext(), who);
    await approver.post(`/api/v1/change-requests/${key}/approve`, { revision: 1 });
  }
  const detail = await dana.get(`/api/v1/change-requests/${key}`);
  expect(detail.table?.id, "approval added the table to the inventory").toBeTruthy();
  return { key, tableId: detail.table.id as string };
}

async function expectNoSeriousA11yViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${state}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

async function addGsi(page: Page, index: number, name: string, partitionKey: string) {
  await page.getByRole("button", { name: "Add GSI" }).click();
  await page.locator(`#field-globalSecondaryIndexes-${index}-name`).fill(name);
  await page.locator(`#field-globalSecondaryIndexes-${index}-partitionKey-name`).fill(partitionKey);
}

test("a prod table approved, then changed (two new GSIs, on-demand): plan in the form, risk and steps in the queue, approval redefines the table", async ({
  page,
  browser,
  playwright,
}) => {
  test.slow();
  const name = unique("inv-orders");
  const { key: createKey, tableId } = await approvedProdTable(playwright.request, name);

  // The inventory lists it; its page shows the approved definition and "Change this table".
  await signIn(page, "developer", "/tables");
  await expect(page.getByRole("heading", { name: "Your teams' tables" })).toBeVisible();
  const row = page.getByTestId("managed-table-row").filter({ hasText: name });
  await expect(row).toContainText("Awaiting apply");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("table-billing")).toContainText("provisioned");
  await expect(page.getByTestId("table-timeline")).toContainText(createKey);
  await page.getByRole("link", { name: "Change this table" }).click();

  // The form starts from the approved definition; the plan updates as the change is made.
  await expect(page.getByRole("heading", { name: `Change ${name}` })).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue(name);
  const plan = page.getByTestId("change-plan");
  await expect(plan).toContainText("No difference");
  await page.locator("#field-billing-mode").selectOption("PAY_PER_REQUEST");
  await addGsi(page, 2, "by-region", "region");
  await addGsi(page, 3, "by-sku", "sku");
  // One index per UpdateTable: two steps (and applies) of their own, besides the billing switch.
  await expect(plan.getByTestId("plan-step").filter({ hasText: "Create index" })).toHaveCount(2);
  await expect(plan.getByTestId("plan-step").filter({ hasText: "Create index by-sku" })).toContainText("own apply");
  await expect(plan).toContainText("BillingMode=PAY_PER_REQUEST");
  const risk = await plan.getByTestId("plan-risk").getAttribute("data-risk");
  expect(["medium", "high"]).toContain(risk);
  const stepCount = await plan.getByTestId("plan-step").count();
  expect(stepCount).toBeGreaterThanOrEqual(2);
  await plan.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/inventory-change-form-plan-1280.png` });
  await expectNoSeriousA11yViolations(page, "change form with plan");
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/requests\/TW-\d+$/);
  const changeKey = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByTestId("request-plan").getByTestId("plan-step")).toHaveCount(stepCount);

  // The approver (a browser of their own) sees risk and steps in the queue, and approves there.
  const pat = await (await browser.newContext()).newPage();
  await signIn(pat, "approver", `/queue?selected=${changeKey}`);
  const item = pat.locator(`[data-testid="queue-item"][data-key="${changeKey}"]`);
  await expect(item.getByTestId("queue-item-risk")).toContainText(`risk ${risk} · ${stepCount} steps`);
  const review = pat.getByTestId("review-plan");
  await expect(review.getByTestId("plan-risk")).toHaveAttribute("data-risk", risk ?? "");
  await expect(review.getByTestId("plan-step")).toHaveCount(stepCount);
  await pat.screenshot({ path: `${SHOTS}/inventory-queue-plan-1280.png` });
  await pat.getByRole("button", { name: "Approve revision 1" }).click();
  await pat.getByRole("dialog").getByRole("button", { name: "Approve revision 1" }).click();
  await expect(pat.getByRole("dialog")).toBeHidden();
  const quinn = await api(await playwright.request.newContext(), "secondApprover");
  await quinn.post(`/api/v1/change-requests/${changeKey}/approve`, { revision: 1 });

  // The inventory now holds the new definition.
  await page.goto(`/tables/${tableId}`);
  await expect(page.getByTestId("table-billing")).toHaveText("on-demand");
  await expect(page.getByTestId("table-indexes")).toContainText("by-region, by-sku");
  await expect(page.getByTestId("table-facts")).toContainText(`${changeKey} revision 1`);
  await expect(page.getByTestId("table-timeline")).toContainText(changeKey);

  // The approved change needs several applies: the request page offers one module per apply.
  await page.goto(`/requests/${changeKey}`);
  const applies = page.getByTestId("apply-bundles").getByRole("link");
  expect(await applies.count()).toBeGreaterThan(1);
  await expect(applies.first()).toContainText(`Step module 1 of ${await applies.count()}`);
  const href = (await applies.nth(1).getAttribute("href")) as string;
  const zip = await page.request.get(href);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect(zip.headers()["content-disposition"]).toContain(`${changeKey}-r1-apply-2-of-`);
  const again = await page.request.get(href);
  expect(Buffer.compare(await again.body(), await zip.body())).toBe(0);
  await page.getByTestId("approved-bundle").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/inventory-apply-bundles-1280.png` });
});

test("a key change is destructive: it needs the acknowledgement with a migration note", async ({
  page,
  playwright,
}) => {
  test.slow();
  const name = unique("inv-rekey");
  const { tableId } = await approvedProdTable(playwright.request, name);
  await signIn(page, "developer", `/requests/new?table=${tableId}`);
  await expect(page.getByRole("heading", { name: `Change ${name}` })).toBeVisible();
  await page.locator("#field-partitionKey-name").fill("orderId");
  const plan = page.getByTestId("change-plan");
  await expect(plan.getByTestId("plan-risk")).toHaveAttribute("data-risk", "destructive");
  const ack = page.getByTestId("destructive-acknowledgement");
  await expect(ack).toBeVisible();

  // Without the acknowledgement the server refuses, next to the migration note.
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(ack.getByRole("alert")).toContainText("acknowledge it and describe the migration");
  await expect(page).toHaveURL(/\/requests\/new\?table=/);
  await expectNoSeriousA11yViolations(page, "destructive acknowledgement");

  await ack.getByRole("checkbox").check();
  const note = "Export to S3 from PITR, import into the new table, switch the clients, then retire the old one.";
  await ack.getByLabel(/Migration note/).fill(note);
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/requests\/TW-\d+$/);
  await expect(page.getByTestId("request-plan").getByTestId("plan-risk")).toHaveAttribute("data-risk", "destructive");
  await expect(page.getByTestId("migration-note")).toContainText(note);
});

test("a new request for a managed table's name and Region is refused with a link to change it", async ({
  page,
  playwright,
}) => {
  const name = unique("inv-dup");
  const { tableId } = await approvedProdTable(playwright.request, name);
  const dana = await playwright.request.newContext();
  const csrf = await signInApi(dana, "developer");
  const res = await dana.post("/api/v1/change-requests", {
    headers: { "x-csrf-token": csrf },
    data: { request: prodProvisioned(name) },
  });
  expect(res.status()).toBe(422);
  const problem = await res.json();
  expect(problem.errors).toMatchObject([{ path: "request.tableName", code: "TABLE_ALREADY_MANAGED" }]);
  expect(problem.changeThisTable).toBe(`/requests/new?table=${tableId}`);
  await signIn(page, "developer", `/tables/${tableId}`);
  await expect(page.getByRole("link", { name: "Change this table" })).toHaveAttribute(
    "href",
    `/requests/new?table=${tableId}`,
  );
});

for (const width of [1280, 390] as const) {
  test(`the tables pages at ${width} px: screenshots, no horizontal scroll, no serious accessibility violations`, async ({
    page,
    playwright,
  }) => {
    test.slow();
    const { tableId } = await approvedProdTable(playwright.request, unique("inv-shot"));
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await signIn(page, "approver", "/tables");
    await expect(page.getByRole("heading", { name: "All tables" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/inventory-tables-${width}.png`, fullPage: true });
    await expectNoSeriousA11yViolations(page, `tables ${width}`);
    await page.goto("/tables?sort=cost&tier=prod");
    await expect(page.getByTestId("managed-table-row").first()).toBeVisible();
    await page.goto(`/tables/${tableId}`);
    await expect(page.getByTestId("table-facts")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/inventory-table-${width}.png`, fullPage: true });
    await expectNoSeriousA11yViolations(page, `table page ${width}`);
  });
}
