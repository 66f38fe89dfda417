import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { type AccountName, signIn, signInApi } from "./support/auth";

// A small valid dev request (one approval) owned by Dana's checkout team; each test gets its own table.
function devRequest(tableName: string, team = "checkout") {
  return {
    owner: {
      team,
      service: "cart-service",
      requester: "dana@example.com",
      costCenter: "CC-1042",
      purpose: "End-to-end test table.",
    },
    tier: "dev",
    tableName,
    partitionKey: { name: "cartId", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    regions: { primary: "us-east-1" },
    tags: { Team: team, CostCenter: "CC-1042", Environment: "dev" },
  };
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createSubmitted(
  request: APIRequestContext,
  who: AccountName,
  title: string,
  body: Record<string, unknown>,
): Promise<string> {
  const csrf = await signInApi(request, who);
  const res = await request.post("/api/v1/change-requests", {
    headers: { "x-csrf-token": csrf },
    data: { request: body, title, submit: true },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

/** A separate browser context per person, as two people on two machines. */
async function pageAs(browser: Browser, who: AccountName, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
  return page;
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function decide(page: Page, button: RegExp | string, confirm: RegExp | string, reason?: string) {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (reason !== undefined) await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

test("two approvers approve TW-2; the developer downloads the bundle and its SHA-256 matches the one shown", async ({
  browser,
}) => {
  // Pages and axe scans are heavy on a shared 2-core machine: three times the default budget.
  test.slow();
  const pat = await pageAs(browser, "approver", "/requests/TW-2");
  await expect(pat.getByTestId("approval-count")).toHaveText("0 of 2");
  await decide(pat, "Approve revision 1", "Approve revision 1");
  await expect(pat.getByTestId("approval-count")).toHaveText("1 of 2");
  await expect(pat.getByTestId("status-timeline")).toContainText("approved revision 1 (1 of 2 approvals)");
  // Pat cannot give the second approval: the button is gone.
  await expect(pat.getByRole("button", { name: "Approve revision 1" })).toHaveCount(0);

  const quinn = await pageAs(browser, "secondApprover", "/requests/TW-2");
  await decide(quinn, "Approve revision 1", "Approve revision 1");
  await expect(quinn.getByText("approved", { exact: true }).first()).toBeVisible();

  const dana = await pageAs(browser, "developer", "/requests/TW-2");
  const bundle = dana.getByTestId("approved-bundle");
  await expect(bundle).toBeVisible();
  const shown = (await bundle.getByTestId("bundle-sha256").textContent())?.trim();
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  const [download] = await Promise.all([
    dana.waitForEvent("download"),
    bundle.getByRole("link", { name: /Download the approved bundle/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^TW-2-r1-.+\.zip$/);
  const bytes = await readFile(await download.path());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(shown);
  await expect(dana.getByTestId("decision-history")).toContainText("Quinn Platform");

  await dana.screenshot({ path: "test-results/screenshots/request-detail-approved.png", fullPage: true });
  await expectNoSeriousA11yViolations(dana);
});

test("a rejection needs a reason, and the reason reaches the requester", async ({ browser, request }) => {
  // Pages and axe scans are heavy on a shared 2-core machine: three times the default budget.
  test.slow();
  const key = await createSubmitted(request, "developer", "Rejected in e2e", devRequest(unique("rejected")));
  const pat = await pageAs(browser, "approver", `/requests/${key}`);
  await pat.getByRole("button", { name: "Reject" }).click();
  const dialog = pat.getByRole("dialog", { name: `Reject ${key}?` });
  // Keyboard only: the reason field has focus; submitting empty is refused with an announced error.
  await expect(dialog.getByLabel("Reason (required)")).toBeFocused();
  await pat.keyboard.press("Tab");
  await pat.keyboard.press("Enter");
  await expect(dialog.getByRole("alert")).toHaveText("Write a reason the requester can act on.");
  const reason = "Dev tables must not be created for a one-day test: use the shared sandbox table instead.";
  await dialog.getByLabel("Reason (required)").fill(reason);
  await dialog.getByRole("button", { name: "Reject request" }).click();
  await expect(dialog).toBeHidden();

  const dana = await pageAs(browser, "developer", `/requests/${key}`);
  await expect(dana.getByTestId("latest-decision")).toContainText("Rejected by Pat Platform");
  await expect(dana.getByTestId("latest-decision")).toContainText(reason);
  await expect(dana.getByTestId("status-timeline")).toContainText(reason);
  await expect(dana.getByTestId("status-timeline")).toContainText("submitted → rejected");
  await dana.screenshot({ path: "test-results/screenshots/request-detail-rejected.png", fullPage: true });
});

test("request changes, revision 2 through the API, and the change-safety diff", async ({ browser, request }) => {
  // Pages and axe scans are heavy on a shared 2-core machine: three times the default budget.
  test.slow();
  const original = devRequest(unique("revised"));
  const key = await createSubmitted(request, "developer", "Revised in e2e", original);
  const pat = await pageAs(browser, "approver", `/requests/${key}`);
  await decide(pat, "Request changes", "Request changes", "Add a sort key so carts can be listed by update time.");

  // Dana revises through the API: a sort key changes the primary key, which replaces the table.
  const csrf = await signInApi(request, "developer");
  const revised = { ...original, sortKey: { name: "updatedAt", type: "S" } };
  const res = await request.post(`/api/v1/change-requests/${key}/revisions`, {
    headers: { "x-csrf-token": csrf },
    data: { request: revised },
  });
  expect(res.status(), await res.text()).toBe(201);

  await pat.reload();
  await expect(pat.getByRole("heading", { name: "Changes from revision 1 to 2" })).toBeVisible();
  // Revision 1 was never approved, so no table exists: a new key replaces nothing.
  const flags = pat.getByTestId("change-flags");
  await expect(flags).toContainText("Not created yet");
  await expect(flags).not.toContainText("Replaces the table");
  const diff = pat.getByTestId("revision-diff");
  await expect(diff.getByRole("row", { name: /^Sort key/ }).first()).toBeVisible();
  // Added lines keep their + marker (and a word for screen readers), not colour alone.
  await expect(diff.locator("span", { hasText: /^added: \+.*range_key/ }).first()).toBeVisible();
  await expect(pat.getByTestId("revision-list")).toContainText("Revision 2");
  await expect(pat.getByRole("button", { name: "Approve revision 2" })).toBeVisible();

  // The compare form is a plain GET form: revision 2 against itself says so instead of an empty diff.
  await pat.getByRole("combobox", { name: "From" }).selectOption("2");
  await pat.getByRole("button", { name: "Compare" }).click();
  await expect(pat.getByText("Pick two different revisions.")).toBeVisible();
  await pat.goto(`/requests/${key}`);
  await pat.screenshot({ path: "test-results/screenshots/request-detail-diff.png", fullPage: true });
  await expectNoSeriousA11yViolations(pat);
});

test("a stale page keeps the typed reason and says to reload (409 VERSION_CONFLICT)", async ({
  browser,
  request,
  playwright,
}) => {
  const key = await createSubmitted(request, "developer", "Conflict in e2e", devRequest(unique("conflict")));
  const pat = await pageAs(browser, "approver", `/requests/${key}`);
  // Quinn approves in the meantime (dev needs one approval, so the request is now approved).
  const quinnApi = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const csrf = await signInApi(quinnApi, "secondApprover");
  const approve = await quinnApi.post(`/api/v1/change-requests/${key}/approve`, {
    headers: { "x-csrf-token": csrf },
    data: { revision: 1 },
  });
  expect(approve.status(), await approve.text()).toBe(200);
  await quinnApi.dispose();

  const reason = "Typed carefully over several minutes; must survive the conflict.";
  await pat.getByRole("button", { name: "Request changes" }).click();
  const dialog = pat.getByRole("dialog");
  await dialog.getByLabel("Reason (required)").fill(reason);
  await dialog.getByRole("button", { name: "Request changes" }).click();
  await expect(dialog.getByRole("alert")).toContainText("changed since you loaded it");
  await expect(dialog.getByLabel("Reason (required)")).toHaveValue(reason);
  await dialog.getByRole("button", { name: "Reload the request" }).click();
  await expect(pat.getByText("approved", { exact: true }).first()).toBeVisible();
  await expect(dialog.getByLabel("Reason (required)")).toHaveValue(reason);
});

test("an approver's own request shows the four-eyes note instead of the approve button", async ({
  browser,
  request,
}) => {
  const key = await createSubmitted(request, "approver", "Pat's own table", devRequest(unique("own"), "platform"));
  const pat = await pageAs(browser, "approver", `/requests/${key}`);
  await expect(pat.getByTestId("four-eyes-note")).toContainText("another approver must review it");
  await expect(pat.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  const quinn = await pageAs(browser, "secondApprover", `/requests/${key}`);
  await expect(quinn.getByRole("button", { name: "Approve revision 1" })).toBeVisible();
  await expect(quinn.getByTestId("four-eyes-note")).toHaveCount(0);
});

test("comments; another team's request is not found; 390 px layout", async ({ browser }) => {
  // Pages and axe scans are heavy on a shared 2-core machine: three times the default budget.
  test.slow();
  const dana = await pageAs(browser, "developer", "/requests/TW-5");
  await expect(dana.getByTestId("latest-decision")).toContainText("Changes requested by Quinn Platform");
  await dana.getByLabel("Add a comment").fill("Tag fixed in the next revision.");
  await dana.getByRole("button", { name: "Post comment" }).click();
  await expect(dana.getByTestId("comments")).toContainText("Tag fixed in the next revision.");
  await expect(dana.getByLabel("Add a comment")).toHaveValue("");

  // Terraform tabs: arrow keys move between files, the copy button is labelled per file.
  const tabs = dana.getByRole("tablist", { name: /Terraform files/ });
  await tabs.getByRole("tab").first().focus();
  await dana.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab").nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(dana.getByRole("button", { name: /^Copy .+/ })).toBeVisible();

  const omar = await pageAs(browser, "otherDeveloper", "/requests/TW-3");
  await omar.goto("/requests/TW-1");
  await expect(omar.getByRole("heading", { name: "Change request not found" })).toBeVisible();

  const pat = await pageAs(browser, "approver", "/requests/TW-4");
  await pat.screenshot({ path: "test-results/screenshots/request-detail.png", fullPage: true });
  await pat.setViewportSize({ width: 390, height: 844 });
  await expect(pat.getByRole("heading", { name: "Invoices with a warm standby" })).toBeVisible();
  const overflow = await pat.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await pat.screenshot({ path: "test-results/screenshots/request-detail-390.png", fullPage: true });
  await expectNoSeriousA11yViolations(pat);
});
