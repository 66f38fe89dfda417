import AxeBuilder from "@axe-core/playwright";
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Page,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import { type AccountName, signIn, signInApi } from "./support/auth";

// Issue 23 item 6: a team near its budget submits a request that would take it over. The form
// warns and says who will have to approve; the request is routed to a budget approver; the
// platform's approval alone does not approve it, the budget approver's does.

const BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3200}`;
const SHOTS = "test-results/screenshots";
const TEAM = "orders"; // Omar's team; no other spec uses it, so its budget is ours to set

// Three people sign in, two axe scans and a submit: on a loaded 2-core machine this needs time.
test.slow();

let admin: APIRequestContext;
let adminCsrf: string;

async function setBudget(monthlyBudgetUsd: number | null) {
  const res = await admin.post(`/api/v1/teams/${TEAM}/budget`, {
    headers: { "x-csrf-token": adminCsrf },
    data: { monthlyBudgetUsd },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { monthlyBudgetUsd: number | null; committedMonthlyUsd: number };
}

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({ baseURL: BASE_URL });
  adminCsrf = await signInApi(admin, "admin");
});

test.afterAll(async () => {
  await setBudget(null);
  await admin.dispose();
});

async function pageAs(browser: Browser, who: AccountName, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who, path);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("a request that takes its team over budget is routed to a budget approver, and needs them", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // Only the budget call decides the routing: whatever the team already runs, one cent is left.
  const { committedMonthlyUsd } = await setBudget(0);
  const budget = Math.round((committedMonthlyUsd + 0.01) * 100) / 100;
  await setBudget(budget);

  // The requester sees it before submit.
  const omar = await pageAs(browser, "otherDeveloper", "/requests/new");
  await omar.setViewportSize({ width: 1280, height: 900 });
  await expect(omar.getByRole("heading", { name: "New table request" })).toBeVisible();
  await omar.getByLabel("Team", { exact: true }).selectOption(TEAM);
  await omar.getByLabel("Service", { exact: true }).fill("fulfilment");
  const tableName = `shipments-${Date.now().toString(36)}`;
  await omar.getByLabel("Table name").fill(tableName);
  await omar.getByLabel("Cost centre").fill("CC-7001");
  const tags = omar.getByLabel(/^Tag \d+ key$/);
  for (let i = 0; i < (await tags.count()); i++) {
    if ((await tags.nth(i).inputValue()) === "CostCenter") {
      await omar.getByLabel(`Tag ${i + 1} value`, { exact: true }).fill("CC-7001");
    }
  }
  const notice = omar.getByTestId("budget-routing");
  await expect(notice).toHaveAttribute("data-budget-state", "over");
  await expect(notice).toContainText("Over the Orders team's monthly budget");
  await expect(notice).toContainText("When you submit, the request is routed for extra approval");
  await expect(notice).toContainText("One approval from a budget approver");
  await expect(notice).toContainText("takes its team past its monthly budget");
  expect(await seriousViolations(omar)).toEqual([]);
  await notice.screenshot({ path: `${SHOTS}/budget-notice-form-1280.png` });
  await omar.setViewportSize({ width: 390, height: 844 });
  await notice.scrollIntoViewIfNeeded();
  await omar.screenshot({ path: `${SHOTS}/budget-notice-form-390.png` });
  expect(await seriousViolations(omar)).toEqual([]);
  await omar.setViewportSize({ width: 1280, height: 900 });

  await expect(omar.getByTestId("panel-status")).toContainText("Ready to submit");
  // Submit goes through the review step: what will be created, its cost and DR pattern.
  await omar.getByRole("button", { name: "Review and submit" }).click();
  await omar.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await omar.waitForURL(/\/requests\/TW-\d+$/);
  const path = new URL(omar.url()).pathname;

  // The platform approver approves; the request still waits, on the budget approver.
  const pat = await pageAs(browser, "approver", path);
  await expect(pat.getByTestId("budget-routing")).toContainText(
    "The tier policy routes this request for extra approval",
  );
  await expect(pat.getByTestId("approval-count")).toHaveText("0 of 2");
  await pat.getByRole("button", { name: "Approve revision 1" }).click();
  await pat.getByRole("dialog").getByRole("button", { name: "Approve revision 1" }).click();
  await expect(pat.getByTestId("approval-count")).toHaveText("1 of 2");
  await expect(pat.getByTestId("approval-progress")).toHaveText(
    "Waiting on one approval from a budget approver (approval routing).",
  );
  await expect(pat.getByText("submitted", { exact: true }).first()).toBeVisible();
  expect(await seriousViolations(pat)).toEqual([]);
  await pat.screenshot({ path: `${SHOTS}/budget-routed-request-1280.png`, fullPage: true });

  // The budget approver finds it under "Needs my decision" (the queue filters on the routing).
  const key = path.split("/").pop() as string;
  const beaQueue = await pageAs(browser, "budgetApprover", "/queue?view=mine");
  await expect(beaQueue.getByTestId("queue-group-needs-me").locator(`[data-key="${key}"]`)).toBeVisible();
  expect(await seriousViolations(beaQueue)).toEqual([]);

  // The budget approver's approval completes it.
  const bea = await pageAs(browser, "budgetApprover", path);
  await expect(bea.getByTestId("budget-routing")).toContainText("One approval from a budget approver");
  await bea.getByRole("button", { name: "Approve revision 1" }).click();
  await bea.getByRole("dialog").getByRole("button", { name: "Approve revision 1" }).click();
  await expect(bea.getByTestId("approval-count")).toHaveText("2 of 2");
  await expect(bea.getByText("approved", { exact: true }).first()).toBeVisible();
});

test("a budget approver may not decide on a request nobody routed to them", async () => {
  await setBudget(null);
  const dev = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const devCsrf = await signInApi(dev, "otherDeveloper");
  const created = await dev.post("/api/v1/change-requests", {
    headers: { "x-csrf-token": devCsrf },
    data: {
      submit: true,
      title: "No budget, no routing",
      request: {
        owner: {
          team: TEAM,
          service: "fulfilment",
          requester: "omar@example.com",
          costCenter: "CC-7001",
          purpose: "e2e",
        },
        tier: "dev",
        tableName: `parcels-${Date.now().toString(36)}`,
        partitionKey: { name: "id", type: "S" },
        billing: { mode: "PAY_PER_REQUEST" },
        regions: { primary: "us-east-1" },
        tags: { Team: TEAM, CostCenter: "CC-7001", Environment: "dev" },
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { key } = (await created.json()) as { key: string };
  const bea = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const beaCsrf = await signInApi(bea, "budgetApprover");
  const detail = await (await bea.get(`/api/v1/change-requests/${key}`)).json();
  // Not routed to them: it is not in their "needs my decision", but under "waiting on others".
  const mine = await bea.get("/queue?view=mine");
  expect(await mine.text()).not.toContain(`data-key="${key}"`);
  const others = await bea.get("/queue?view=others");
  expect(await others.text()).toContain(`data-key="${key}"`);
  expect(detail.routing.routes).toEqual([]);
  expect(detail.availableActions).not.toContain("APPROVE");
  const res = await bea.post(`/api/v1/change-requests/${key}/approve`, {
    headers: { "x-csrf-token": beaCsrf },
    data: { revision: 1 },
  });
  expect(res.status()).toBe(403);
  await dev.dispose();
  await bea.dispose();
});

test("admins set a team's budget on the budgets page; it works at 390px and is accessible", async ({ browser }) => {
  await setBudget(null);
  const ada = await pageAs(browser, "admin", "/");
  await ada.setViewportSize({ width: 390, height: 844 });
  await ada.goto("/admin/budgets");
  await expect(ada.getByRole("heading", { name: "Team budgets", level: 1 })).toBeVisible();
  const card = ada.getByTestId(`budget-${TEAM}`);
  await expect(card.getByTestId("budget-amount")).toHaveText("none");
  const input = card.getByLabel("Monthly budget (USD)");
  await input.fill("lots");
  await card.getByRole("button", { name: "Set budget" }).click();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByRole("alert")).toContainText("Enter the monthly budget in USD");
  await input.fill("1234.5");
  await card.getByRole("button", { name: "Set budget" }).click();
  await expect(card.getByTestId("budget-amount")).toHaveText("$1,234.50/mo");
  await expect(card.getByTestId("budget-used")).toContainText("%");
  expect(await seriousViolations(ada)).toEqual([]);
  // Nothing spills sideways on a phone.
  expect(await ada.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await card.scrollIntoViewIfNeeded();
  await ada.screenshot({ path: `${SHOTS}/team-budgets-390.png` });
  await ada.setViewportSize({ width: 1280, height: 900 });
  await ada.screenshot({ path: `${SHOTS}/team-budgets-1280.png`, fullPage: true });
  await card.getByRole("button", { name: /Remove the budget of/ }).click();
  await expect(card.getByTestId("budget-amount")).toHaveText("none");
});
