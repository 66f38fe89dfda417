import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { type AccountName, signIn, signInApi } from "./support/auth";

// Reviewing a request: what an approver decides on (purpose first, change safety against
// what is live, field names in words, the cost change, where the approvals stand, whose move it
// is) and the details that broke trust (DR claims, tiny diagram labels, cut-off tabs, favicon,
// amounts, touch hints, table names). Each test runs at 1280 px and 390 px in Chromium.

const WIDTHS = [1280, 390] as const;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The prod example with GSIs, owned by Dana's checkout team (prod needs two approvals). */
function prodRequest(tableName: string, purpose: string) {
  const example = JSON.parse(readFileSync("examples/requests/valid/prod-with-gsis.json", "utf8"));
  return {
    ...example,
    tableName,
    owner: { ...example.owner, team: "checkout", requester: "dana@example.com", purpose },
    tags: { ...example.tags, Team: "checkout" },
  };
}

function devRequest(tableName: string, extra: Record<string, unknown> = {}) {
  return {
    owner: {
      team: "checkout",
      service: "cart-service",
      requester: "dana@example.com",
      costCenter: "CC-1042",
      purpose: "Shopping carts while customers browse.",
    },
    tier: "dev",
    tableName,
    partitionKey: { name: "cartId", type: "S" },
    billing: { mode: "PAY_PER_REQUEST" },
    regions: { primary: "us-east-1" },
    tags: { Team: "checkout", CostCenter: "CC-1042", Environment: "dev" },
    ...extra,
  };
}

async function api(request: APIRequestContext, who: AccountName) {
  const csrf = await signInApi(request, who);
  return {
    post: async (path: string, data: unknown, status = 201) => {
      const res = await request.post(path, { headers: { "x-csrf-token": csrf }, data });
      expect(res.status(), await res.text()).toBe(status);
      return (await res.json()) as Record<string, unknown>;
    },
  };
}

async function pageAs(browser: Browser, who: AccountName, path: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, who, path);
  return page;
}

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    name,
  ).toEqual([]);
}

/**
 * Amounts people read have thousands separators, and percentages no long tails. The generated
 * module's files (and their diffs) are machine text, left out here; their README is checked by
 * the Terraform tests.
 */
async function expectReadableNumbers(page: Page) {
  const text = await page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll("pre, details, [role=tabpanel]")) el.remove();
    return copy.textContent ?? "";
  });
  expect(text.match(/\$\d{4,}/g) ?? [], "amounts without thousands separators").toEqual([]);
  expect(text.match(/\d+\.\d{3,}%/g) ?? [], "percentages with long tails").toEqual([]);
}

/** The smallest label of the DR diagrams shown, in CSS pixels as drawn (viewBox scale included). */
async function smallestDiagramLabel(page: Page): Promise<number> {
  const sizes = await page.locator('[data-testid="dr-diagram"] svg[role="img"]').evaluateAll((svgs) =>
    (svgs as SVGSVGElement[])
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll("text")].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
      }),
  );
  expect(sizes.length, "a diagram is shown").toBeGreaterThan(0);
  return Math.min(...sizes);
}

test("prod review: purpose first, not created yet, fields in words, cost change, second approver, queue split", async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const purpose = `Orders for the e2e checkout, looked up by customer ${unique("p")}.`;
  const original = prodRequest(unique("orders-review"), purpose);
  const dana = await api(request, "developer");
  const created = await dana.post("/api/v1/change-requests", {
    request: original,
    title: "Orders for checkout",
    submit: true,
  });
  const key = created.key as string;
  // Revision 2 changes an index's projection and doubles the reads: on a table that was never
  // approved this rebuilds nothing (the false alarm of item 10), and it costs more (item 14).
  const revised = structuredClone(original);
  revised.globalSecondaryIndexes[1].projection = { type: "ALL" };
  revised.workload.readsPerSecond *= 4;
  await dana.post(`/api/v1/change-requests/${key}/revisions`, { request: revised });
  const pat = await api(request, "approver");
  await pat.post(`/api/v1/change-requests/${key}/approve`, { revision: 2 }, 200);

  for (const width of WIDTHS) {
    // Pat approved: the request waits on someone else, and says so.
    const patPage = await pageAs(browser, "approver", "/queue", width);
    const waiting = patPage.getByTestId("queue-group-waiting-on-others");
    const patItem = waiting.getByTestId("queue-item").filter({ hasText: key });
    await expect(patItem).toContainText("You approved: waiting on a second approver");
    await expect(
      patPage.getByTestId("queue-group-needs-me").getByTestId("queue-item").filter({ hasText: key }),
    ).toHaveCount(0);
    await patPage.context().close();

    // Quinn has not decided: it needs Quinn, and the purpose leads the entry.
    const quinn = await pageAs(browser, "secondApprover", `/queue?selected=${key}`, width);
    const item = quinn.getByTestId("queue-group-needs-me").getByTestId("queue-item").filter({ hasText: key });
    await expect(item).toBeVisible();
    await expect(item.getByTestId("queue-item-purpose")).toHaveText(purpose);
    const order = await item.evaluate((el) => {
      const purposeEl = el.querySelector('[data-testid="queue-item-purpose"]');
      const title = [...el.querySelectorAll("span")].find((s) => s.textContent === "Orders for checkout");
      return purposeEl && title ? purposeEl.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order, "purpose comes before the title").toBeTruthy();

    const review = quinn.getByTestId("queue-review");
    await expect(review.getByTestId("request-purpose")).toContainText(purpose);
    await expect(review.getByTestId("approval-progress")).toContainText("Waiting on a second approver");
    await expect(review.getByTestId("approval-progress")).toContainText("Pat");
    const flags = review.getByTestId("change-flags");
    await expect(flags).toHaveAttribute("data-baseline", "none");
    await expect(flags).toContainText("Not created yet");
    await expect(review).not.toContainText("Rebuilds an index");
    const cost = review.getByTestId("cost-change");
    await expect(cost).toContainText("per month");
    await expect(cost.getByRole("row", { name: /us-east-1/ })).toBeVisible();
    await expect(cost.getByRole("row", { name: /Total/ })).toBeVisible();
    await expect(cost).toContainText("+$");
    await expectReadableNumbers(quinn);
    await expectAccessible(quinn, `queue ${width}`);
    await quinn.screenshot({ path: `test-results/screenshots/review-queue-${width}.png`, fullPage: true });

    // The request page: purpose above the facts, field names in words, the cost change.
    await quinn.goto(`/requests/${key}`);
    const purposeBox = await quinn.getByTestId("request-purpose").boundingBox();
    const factsBox = await quinn.getByTestId("approval-count").boundingBox();
    expect(purposeBox && factsBox && purposeBox.y < factsBox.y, "purpose above the facts").toBe(true);
    await expect(quinn.getByTestId("approval-progress")).toContainText("Waiting on a second approver");
    await expect(quinn.getByTestId("change-flags")).toContainText("Not created yet");
    const diff = quinn.getByTestId("revision-diff");
    await expect(diff.getByRole("rowheader", { name: "Index by-status (GSI 2) › Projection type" })).toBeVisible();
    await expect(diff.getByRole("row", { name: /Projection type Keys only All attributes/ })).toBeVisible();
    await expect(diff.getByRole("rowheader", { name: "Workload › Reads per second" })).toBeVisible();
    await expect(diff.getByRole("table", { name: "Changed request fields" })).not.toContainText(
      "globalSecondaryIndexes",
    );
    await expect(diff.getByTestId("cost-change").getByRole("row", { name: /Total/ })).toBeVisible();
    await expectReadableNumbers(quinn);
    await expectAccessible(quinn, `request detail ${width}`);
    await quinn.screenshot({ path: `test-results/screenshots/review-detail-${width}.png`, fullPage: true });
    await quinn.context().close();
  }
});

test("the DR preview says what the request builds, and its diagram labels are at least 12 px", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const dana = await api(request, "developer");
  // One Region, PITR off, no backups: the preview said "Single Region with PITR" here.
  const bare = await dana.post("/api/v1/change-requests", {
    request: devRequest(unique("carts-nopitr"), { pointInTimeRecovery: { enabled: false } }),
    title: "Carts without PITR",
  });
  // Three Regions side by side: the drawing that used to shrink its labels to 6-8 px on a phone.
  const example = JSON.parse(readFileSync("examples/requests/valid/global-3-region-cmk.json", "utf8"));
  const global = await dana.post("/api/v1/change-requests", {
    request: {
      ...example,
      tableName: unique("sessions-global"),
      owner: { ...example.owner, requester: "dana@example.com" },
    },
    title: "Sessions in three Regions",
  });
  for (const width of WIDTHS) {
    const page = await pageAs(browser, "developer", `/requests/${bare.key}`, width);
    const dr = page.getByRole("region", { name: "Disaster recovery preview" });
    await expect(dr.getByRole("heading", { level: 3 }).first()).toContainText("Single Region without PITR or backups");
    await expect(dr).not.toContainText("with PITR");
    await expect(dr).not.toContainText("about 5 minutes");
    await expect(dr).not.toContainText("restore-table-to-point-in-time");
    await expect(dr).toContainText("Everything since the last manual backup");

    await page.goto(`/requests/${global.key}`);
    await expect(page.getByTestId("dr-diagram")).toBeVisible();
    expect(await smallestDiagramLabel(page)).toBeGreaterThanOrEqual(12);
    await page.getByTestId("dr-diagram").scrollIntoViewIfNeeded();
    await page.getByTestId("dr-diagram").screenshot({ path: `test-results/screenshots/review-dr-${width}.png` });
    await expectAccessible(page, `DR preview ${width}`);
    await page.context().close();
  }
});

test("Terraform tabs cue their overflow; table names do not wrap at hyphens; favicon", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

  const dana = await api(request, "developer");
  const name = unique("orders-archive-eu-west");
  const created = await dana.post("/api/v1/change-requests", { request: devRequest(name), title: "Long name" });
  for (const width of WIDTHS) {
    const page = await pageAs(browser, "developer", `/requests/${created.key}`, width);
    const tableName = page.locator("header").getByTestId("table-name");
    await expect(tableName).toHaveText(name);
    const lines = await tableName.evaluate(
      (el) => el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight || "20"),
    );
    expect(lines, "the table name stays on one line").toBeLessThan(1.5);

    const tablist = page.getByRole("tablist", { name: /Terraform files/ });
    const overflows = await tablist.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    if (width === 390) expect(overflows, "seven file tabs do not fit 390 px").toBe(true);
    if (overflows) {
      await expect(page.getByTestId("tabs-scroll-cue")).toContainText("scroll the tabs sideways");
      await tablist.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await expect(page.getByTestId("tabs-scroll-cue")).not.toContainText("scroll the tabs sideways");
    } else {
      await expect(page.getByTestId("tabs-scroll-cue")).toHaveCount(0);
    }
    await page.getByTestId("tabs-scroll-cue").or(tablist).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/review-tabs-${width}.png` });
    await page.context().close();
  }
});

test("no 'Press ? for shortcuts' on a touch screen; it stays for mouse and keyboard", async ({ browser }) => {
  const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await touch.newPage();
  await signIn(phone, "approver", "/queue");
  await expect(phone.getByTestId("queue-list")).toBeVisible();
  await expect(phone.getByTestId("shortcut-hint")).toBeHidden();
  await touch.close();

  const desk = await pageAs(browser, "approver", "/queue", 1280);
  await expect(desk.getByTestId("shortcut-hint")).toBeVisible();
  await expect(desk.getByTestId("shortcut-hint")).toContainText("for keyboard shortcuts");
  await desk.context().close();
});
