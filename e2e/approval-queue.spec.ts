import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { exampleRequest, uniqueTableName } from "../tests/fixtures/requests";
import { type AccountName, signIn, signInApi } from "./support/auth";

const devRequest = (tableName: string, team: string) =>
  exampleRequest("basic-dev", { team, tableName, requester: "dana@example.com" });

async function createSubmitted(request: APIRequestContext, who: AccountName, title: string, team: string) {
  const csrf = await signInApi(request, who);
  const res = await request.post("/api/v1/change-requests", {
    headers: { "x-csrf-token": csrf },
    data: { request: devRequest(uniqueTableName("queue"), team), title, submit: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

const selected = (page: Page) => page.locator('[data-testid="queue-item"][aria-current="true"]');

test("a developer cannot open the queue", async ({ page }) => {
  await signIn(page, "developer");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/forbidden\?need=requests\.decide/);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Approval queue" })).toHaveCount(0);
});

test("the queue: filters, j/k, shortcuts stay quiet while typing, reject with r, four-eyes on one's own", async ({
  page,
  request,
}) => {
  // Pages and axe scans are heavy on a shared 2-core machine: three times the default budget.
  test.slow();
  const own = await createSubmitted(request, "approver", "Pat's own queue table", "platform");
  const other = await createSubmitted(request, "developer", "Dana's queue table", "checkout");

  await signIn(page, "approver", "/queue");
  await expect(page.getByRole("heading", { name: /Approval queue/ })).toBeVisible();
  const items = page.getByTestId("queue-item");
  // Seeded TW-2 (prod, MRSC) and TW-4 (revision 2) wait alongside the two made here.
  await expect(page.locator(`[data-testid="queue-item"][data-key="TW-2"]`)).toContainText("0/2 approvals");
  await expect(page.locator(`[data-testid="queue-item"][data-key="TW-4"]`)).toContainText("rev 2");
  await expect(items.filter({ hasText: own })).toContainText("(you)");
  await expect(selected(page)).toHaveCount(1);
  await page.screenshot({ path: "test-results/screenshots/approval-queue.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // Filters are a GET form: prod only, most expensive first.
  await page.getByLabel("Tier").selectOption("prod");
  await page.getByLabel("Sort by").selectOption("cost-desc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/tier=prod/);
  await expect(items.filter({ hasText: other })).toHaveCount(0);
  await expect(page.locator(`[data-testid="queue-item"][data-key="TW-2"]`)).toHaveCount(1);
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(items.filter({ hasText: other })).toHaveCount(1);

  // "Needs my decision" leaves out what Pat asked for; "Waiting on others" shows only that.
  await page.getByLabel("Show", { exact: true }).selectOption("mine");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/view=mine/);
  await expect(items.filter({ hasText: other })).toHaveCount(1);
  await expect(items.filter({ hasText: own })).toHaveCount(0);
  await page.getByLabel("Show", { exact: true }).selectOption("others");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(items.filter({ hasText: own })).toHaveCount(1);
  await expect(items.filter({ hasText: other })).toHaveCount(0);
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(items.filter({ hasText: other })).toHaveCount(1);

  // j/k move the selection (and the review pane follows).
  const first = await items.first().getAttribute("data-key");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(selected(page)).not.toHaveAttribute("data-key", first ?? "", { timeout: 1000 });
  }).toPass();
  const second = await selected(page).getAttribute("data-key");
  await expect(page.getByTestId("queue-review")).toContainText(second ?? "");
  await page.keyboard.press("k");
  await expect(selected(page)).toHaveAttribute("data-key", first ?? "");

  // ? shows the shortcuts.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  // One's own request: the four-eyes note, and "a" opens nothing.
  await items.filter({ hasText: own }).click();
  await expect(selected(page)).toHaveAttribute("data-key", own);
  await expect(page.getByTestId("four-eyes-note")).toBeVisible();
  await expect(page.getByRole("button", { name: /Approve revision/ })).toHaveCount(0);
  await page.keyboard.press("a");
  await expect(page.getByRole("dialog")).toBeHidden();

  // Dana's request: r opens the reject dialog; typing j/k/a in the reason does not trigger shortcuts.
  await items.filter({ hasText: other }).click();
  await expect(selected(page)).toHaveAttribute("data-key", other);
  await expect(page.getByRole("button", { name: "Approve revision 1" })).toBeVisible();
  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: `Reject ${other}?` });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("just a joke: k j a c r");
  await expect(dialog.getByLabel("Reason (required)")).toHaveValue("just a joke: k j a c r");
  await expect(selected(page)).toHaveAttribute("data-key", other);
  await dialog.getByRole("button", { name: "Reject request" }).click();
  await expect(dialog).toBeHidden();
  await expect(items.filter({ hasText: other })).toHaveCount(0);
  await expect(page.getByTestId("queue-review")).toContainText("rejected");
});

test("approve from the queue with the keyboard; the queue at 390 px", async ({ page, request }) => {
  const key = await createSubmitted(request, "developer", "Approved from the queue", "payments");
  await signIn(page, "secondApprover", `/queue?selected=${key}`);
  await expect(selected(page)).toHaveAttribute("data-key", key);
  const dialog = page.getByRole("dialog", { name: `Approve revision 1 of ${key}?` });
  // Shortcuts work once the page has hydrated; retry the key press until then.
  await expect(async () => {
    await page.keyboard.press("a");
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await dialog.getByLabel("Comment (optional)").fill("Looks right.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("queue-item").filter({ hasText: key })).toHaveCount(0);
  await expect(page.getByTestId("queue-review")).toContainText("approved");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/queue?selected=TW-4");
  await expect(page.getByTestId("queue-review")).toContainText("Invoices with a warm standby");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/approval-queue-390.png", fullPage: true });
});
