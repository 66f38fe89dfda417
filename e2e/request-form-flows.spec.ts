import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Issue 17, the request form: each test reproduces one item a user met, at 1280 and 390 px.
const SHOTS = "test-results/screenshots";
const WIDTHS = [1280, 390] as const;

async function openNewRequest(page: Page, width: number, path = "/requests/new") {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
  await signIn(page, "developer", path);
  await expect(page.getByTestId("live-panel")).toHaveAttribute("data-analysis-seq", /\d+/);
}

async function tagValue(page: Page, key: string): Promise<Locator> {
  const keys = page.getByLabel(/^Tag \d+ key$/);
  const count = await keys.count();
  for (let i = 0; i < count; i++) {
    if ((await keys.nth(i).inputValue()) === key) return page.getByLabel(`Tag ${i + 1} value`, { exact: true });
  }
  throw new Error(`no tag row with key ${key}`);
}

async function expectNoSeriousAxe(page: Page, state: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${state}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual(
    [],
  );
}

async function money(locator: Locator): Promise<number> {
  return Number(((await locator.textContent()) ?? "").replace(/[^0-9.]/g, ""));
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test("1: a tier change keeps what was typed, lists what it filled in with Undo, and shows the tier's checks", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByLabel("Billing mode").selectOption("PROVISIONED");
      await page.getByLabel("Read units").fill("600");
      await page.getByLabel("Read max").fill("4000");
      await page.getByLabel("Point-in-time recovery (PITR)").check();
      await page.getByLabel("Recovery period (days)").fill("35");
      await page.getByLabel("Deletion protection", { exact: true }).check();

      await page.getByRole("radio", { name: "staging", exact: true }).check();
      await expect(page.getByLabel("Billing mode")).toHaveValue("PROVISIONED");
      await expect(page.getByLabel("Read units")).toHaveValue("600");
      await expect(page.getByLabel("Read max")).toHaveValue("4000");
      await expect(page.getByLabel("Recovery period (days)")).toHaveValue("35");
      await expect(page.getByLabel("Deletion protection", { exact: true })).toBeChecked();
      const notice = page.getByTestId("tier-change-notice");
      await expect(notice).toContainText("CloudWatch alarms: off → on");
      await expect(notice).toContainText("Environment tag: dev → staging");
      await expect(notice).not.toContainText("Billing mode");
      await page.screenshot({ path: `${SHOTS}/form-tier-notice-${width}.png` });

      await notice.getByRole("button", { name: "Undo: back to dev" }).click();
      await expect(page.getByRole("radio", { name: "dev", exact: true })).toBeChecked();
      await expect(page.getByLabel("CloudWatch alarms")).not.toBeChecked();
      expect(await (await tagValue(page, "Environment")).inputValue()).toBe("dev");

      // Prod adds its backup plan, and says so; its requirements are checks, met or not.
      await page.getByRole("radio", { name: "prod", exact: true }).check();
      await expect(notice).toContainText("AWS Backup plan: off → on");
      const checks = page.getByTestId("tier-requirements");
      await expect(checks.locator('[data-requirement="deletion"]')).toHaveAttribute("data-met", "true");
      await expect(checks.locator('[data-requirement="region-loss"]')).toHaveAttribute("data-met", "true");
      await page.getByLabel("Deletion protection", { exact: true }).uncheck();
      const unmet = checks.locator('[data-requirement="deletion"]');
      await expect(unmet).toHaveAttribute("data-met", "false");
      await unmet.getByRole("link").click();
      await expect(page.getByLabel("Deletion protection", { exact: true })).toBeFocused();
      await expectNoSeriousAxe(page, "tier notice and checks");
    });

    test("2: Save draft keeps a request with errors on the server; only submitting is refused", async ({ page }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByLabel("Title (optional)").fill(`Half-done carts ${width}`);
      await page.getByLabel("Table name").fill("x");
      await page.getByLabel("Billing mode").selectOption("PROVISIONED");
      await page.getByLabel("Read units").fill("");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.waitForURL(/\/requests\/TW-\d+$/);
      await expect(page.getByRole("heading", { name: `Half-done carts ${width}` })).toBeVisible();
      await expect(page.getByTestId("incomplete-draft")).toContainText("saved with");
      await page.screenshot({ path: `${SHOTS}/form-incomplete-draft-${width}.png`, fullPage: true });
      const key = page.url().split("/").pop() as string;
      const submit = await page.request.post(`/api/v1/change-requests/${key}/submit`, {
        data: {},
        headers: { "x-csrf-token": await csrfOf(page) },
      });
      expect(submit.status()).toBe(422);
      // Revising opens what was saved, errors and all.
      await page.goto(`/requests/new?revise=${key}`);
      // The values arrive with hydration, which a busy machine can take a while to reach.
      await expect(page.getByLabel("Table name")).toHaveValue("x", { timeout: 30_000 });
      await expect(page.getByLabel("Title (optional)")).toHaveValue(`Half-done carts ${width}`);
    });

    test("3: Load example asks before replacing edits and keeps the form it replaced", async ({ page }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByLabel("Table name").fill(`my-table-${width}`);
      await page.getByRole("button", { name: "Load example" }).click();
      const dialog = page.getByRole("dialog", { name: "Replace your form with the example?" });
      await expect(dialog).toBeVisible();
      await expectNoSeriousAxe(page, "load example confirmation");
      await dialog.getByRole("button", { name: "Keep my form" }).click();
      await expect(page.getByLabel("Table name")).toHaveValue(`my-table-${width}`);
      await page.getByRole("button", { name: "Load example" }).click();
      await dialog.getByRole("button", { name: "Replace with the example" }).click();
      await expect(page.getByLabel("Table name")).toHaveValue("orders-prod");
      // The autosave (400 ms after the last change) now holds the example.
      await expect
        .poll(() => page.evaluate(() => Object.values({ ...window.localStorage }).join("\n")))
        .toContain('"tableName":"orders-prod"');
      await page.reload();
      await expect(page.getByLabel("Table name")).toHaveValue("orders-prod");
      await page.getByRole("button", { name: "Restore my form" }).click();
      await expect(page.getByLabel("Table name")).toHaveValue(`my-table-${width}`);
      await page.getByRole("button", { name: "Discard draft" }).click();
    });

    test("8: capacity suggested from the workload, applied to the table and every GSI in one click", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByRole("button", { name: "Add GSI" }).click();
      await page.getByLabel("Index name").fill("by-customer");
      await page.getByLabel("Billing mode").selectOption("PROVISIONED");
      await page.getByRole("button", { name: "Describe the workload" }).click();
      await expect(page.getByLabel("Reads per second (average)")).toBeFocused();
      await page.getByLabel("Reads per second (average)").fill("80");
      await page.getByLabel("Peak reads per second (optional)").fill("400");
      await page.getByLabel("Writes per second (average)").fill("10");
      await page.getByLabel("Item size (bytes)").fill("6144");
      await page.getByLabel("Read consistency").selectOption("STRONG");
      const suggestion = page.getByTestId("capacity-suggestion");
      // 6 KB strongly consistent: 2 RCU per read; 80/s = 160 RCU, at 70 % = 229; peak 800 RCU -> 1,143.
      await expect(suggestion.getByTestId("suggested-read")).toContainText("160 RCU/s on average");
      await expect(suggestion.getByTestId("suggested-read")).toContainText("auto scaling 229–1,143 at 70%");
      await expect(suggestion.getByTestId("suggested-write")).toContainText("60 WCU/s on average");
      await suggestion.getByRole("button", { name: "Apply to the table and 1 GSI" }).click();
      await expect(page.locator("#field-billing-read-units")).toHaveValue("229");
      await expect(page.locator("#field-billing-read-autoscaling-maxCapacity")).toHaveValue("1143");
      const gsi = page.locator("#field-globalSecondaryIndexes-0");
      await expect(gsi.getByLabel("Read units")).toHaveValue("229");
      await expect(gsi.getByLabel("Write units")).toHaveValue("86");
      // Per index instead: a KEYS_ONLY index writes one unit per write.
      await gsi.getByLabel("Projection").selectOption("KEYS_ONLY");
      await suggestion.getByLabel("Same capacity for every GSI").uncheck();
      await suggestion.getByRole("button", { name: "Apply to the table and 1 GSI" }).click();
      await expect(gsi.getByLabel("Write units")).toHaveValue("15");
      // Item 11: the capacity-mode help says what AWS allows today.
      await expect(page.getByText("Switch to on-demand up to 4 times in a rolling 24 hours")).toBeVisible();
      await page.getByTestId("capacity-suggestion").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/form-capacity-suggestion-${width}.png` });
      await page.getByRole("button", { name: "Discard draft" }).click();
    });

    test("12 and 15: the cost centre fills its tag; new cards stay quiet; messages use labels, not paths or enums", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByLabel("Cost centre").fill("CC-7001");
      expect(await (await tagValue(page, "CostCenter")).inputValue()).toBe("CC-7001");

      await page.getByRole("button", { name: "Add GSI" }).click();
      const card = page.locator("#field-globalSecondaryIndexes-0");
      await expect(card.getByLabel("Index name")).toBeFocused();
      // Blank and untouched: no error yet, although the name is missing.
      await expect(card.locator('[id$="-issues"]')).toHaveCount(0);
      await page.getByRole("button", { name: "Add LSI" }).click();
      await expect(page.locator("#field-localSecondaryIndexes-0").locator('[id$="-issues"]')).toHaveCount(0);
      await card.getByLabel("Index name").fill("by-user");
      await page.getByRole("button", { name: "Add GSI" }).click();
      const second = page.locator("#field-globalSecondaryIndexes-1");
      await second.getByLabel("Index name").fill("by-user");
      await second.getByLabel("Index name").blur();
      await expect(second.locator('[id$="-issues"]').first()).toContainText("GSI 1 (by-user)");

      await page.getByLabel("Billing mode").selectOption("PROVISIONED");
      await page.locator("#field-billing-read-units").fill("20000000");
      await page.locator("#field-billing-read-units").blur();
      await expect(page.locator("#field-billing-read-units-issues")).toContainText("At most 10,000,000.");

      await page.getByRole("tab", { name: /^Checks/ }).click();
      const messages = await page.getByTestId("checks-list").locator("li").allInnerTexts();
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(message).not.toMatch(/\[\d+\]|\b[a-z]+[A-Z][a-z]+[A-Za-z]*\b|\b[A-Z]+_[A-Z_]+\b/);
      }
      await expect(page.getByTestId("checks-list")).toContainText("at most 10,000,000");
      await page.getByRole("button", { name: "Discard draft" }).click();
    });

    test("16: keyboard focus is never hidden under the sticky Save bar", async ({ page }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByRole("button", { name: "Add tag" }).click();
      const bar = page.locator("[data-sticky-actions]");
      const targets = [
        page.getByRole("button", { name: "Add LSI" }),
        page.getByLabel(/^Tag \d+ key$/).last(),
        page.getByLabel("I know the expected workload"),
      ];
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator("body").click({ position: { x: 1, y: 1 } });
      for (const target of targets) {
        // Tab forward to the control, as a keyboard user would, and check where it ends up.
        for (let i = 0; i < 200 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
          await page.keyboard.press("Tab");
        }
        await expect(target).toBeFocused();
        const [box, barBox] = await Promise.all([target.boundingBox(), bar.boundingBox()]);
        expect(box && barBox && box.y + box.height <= barBox.y + 1, `${await target.textContent()}`).toBe(true);
      }
    });

    test("17 and review: the cost stays in view on a small screen; submitting shows what will be created first", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByLabel("Title (optional)").fill(`Cart sessions ${width}`);
      await page.getByLabel("Service", { exact: true }).fill("carts");
      await page.getByLabel("Cost centre").fill("CC-1042");
      await page.getByLabel("Table name").fill(`cart-sessions-${width}`);
      const mobile = page.getByTestId("mobile-cost-summary");
      if (width === 390) {
        await page.getByLabel("Table name").focus();
        await expect(mobile).toBeInViewport();
        expect(await money(page.getByTestId("mobile-cost-total"))).toBe(await money(page.getByTestId("cost-total")));
        await page.screenshot({ path: `${SHOTS}/form-mobile-summary-390.png` });
      } else {
        await expect(mobile).toBeHidden();
      }
      await page.getByRole("button", { name: "Review and submit" }).click();
      const review = page.getByRole("dialog", { name: "Review before sending" });
      await expect(review.getByTestId("review-step")).toContainText(`cart-sessions-${width} in us-east-1, dev tier`);
      await expect(review.getByTestId("review-dr")).toHaveText(await page.getByTestId("dr-pattern").innerText());
      expect(await money(review.getByTestId("review-cost"))).toBe(await money(page.getByTestId("cost-total")));
      await expect(review.getByTestId("review-checks")).toContainText("Tags Team, CostCenter, Environment");
      await page.screenshot({ path: `${SHOTS}/form-review-${width}.png` });
      await expectNoSeriousAxe(page, "review step");
      await review.getByRole("button", { name: "Submit for review" }).click();
      await page.waitForURL(/\/requests\/TW-\d+$/);
      await expect(page.getByRole("heading", { name: `Cart sessions ${width}` })).toBeVisible();
    });

    test("18: the Terraform file tabs say when some are cut off; the review step keeps table names and Regions whole", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openNewRequest(page, width);
      await page.getByRole("button", { name: "Load example" }).click();
      await expect(page.getByLabel("Table name")).toHaveValue("orders-prod");
      await page.getByRole("tab", { name: "Terraform" }).click();
      const tablist = page.getByRole("tablist", { name: "Module files" });
      await expect(tablist).toBeVisible();
      const cue = page.getByTestId("tabs-scroll-cue");
      const overflows = await tablist.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      if (width === 390) expect(overflows, "the module's file tabs do not fit 390 px").toBe(true);
      // The cut-off tabs scroll inside their list; they never widen the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (overflows) {
        await expect(cue).toContainText("scroll the tabs sideways");
        await tablist.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await expect(cue).not.toContainText("scroll the tabs sideways");
        await tablist.evaluate((el) => el.scrollTo({ left: 0 }));
      } else {
        await expect(cue).not.toContainText("scroll the tabs sideways");
      }
      await tablist.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/form-terraform-tabs-${width}.png` });

      // A long hyphenated name and the example's Regions: each is one token on one line.
      await page.getByLabel("Table name").fill("orders-prod-eu-central-checkout-history");
      await page.getByRole("button", { name: "Review and submit" }).click();
      const review = page.getByRole("dialog", { name: "Review before sending" });
      const steps = review.getByTestId("review-step");
      await expect(steps).toContainText("orders-prod-eu-central-checkout-history in");
      const tokens = await steps.locator('[data-testid="table-name"], [data-testid="region-code"]').all();
      expect(tokens.length).toBeGreaterThan(2);
      for (const token of tokens) {
        const text = (await token.textContent()) ?? "";
        const box = await token.evaluate((el) => {
          const rects = el.getClientRects();
          return { lines: new Set(Array.from(rects, (r) => Math.round(r.top))).size };
        });
        expect(box.lines, `"${text}" stays on one line`).toBe(1);
      }
      await page.screenshot({ path: `${SHOTS}/form-review-tokens-${width}.png` });
    });

    test("the form in its error state has no serious accessibility violations", async ({ page }) => {
      test.setTimeout(120_000);
      await openNewRequest(page, width);
      await page.getByLabel("Table name").fill("x");
      await page.getByRole("button", { name: "Review and submit" }).click();
      await expect(page.getByTestId("error-summary")).toBeFocused();
      await page.screenshot({ path: `${SHOTS}/form-error-state-${width}.png` });
      await expectNoSeriousAxe(page, "error state");
      await page.getByRole("button", { name: "Discard draft" }).click();
    });

    test("clone: promote a staging request to prod, filled from its current revision with prod's checks", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await signIn(page, "developer", "/requests/TW-5");
      await page.getByRole("link", { name: "Promote to prod" }).click();
      await expect(page.getByRole("heading", { name: "Promote TW-5 to prod" })).toBeVisible();
      await expect(page.getByRole("radio", { name: "prod", exact: true })).toBeChecked();
      await expect(page.getByLabel("Table name")).toHaveValue("threads-staging");
      const notice = page.getByTestId("clone-notice");
      await expect(notice).toContainText("Filled from TW-5");
      await expect(notice).toContainText("Deletion protection: off → on");
      await expect(page.getByTestId("tier-requirements")).toContainText("What prod requires");
      await page.screenshot({ path: `${SHOTS}/form-promote-${width}.png` });
      await page.goto("/requests/TW-5");
      await page.getByRole("link", { name: "Request another like this" }).click();
      await expect(page.getByRole("heading", { name: "New request like TW-5" })).toBeVisible();
      await expect(page.getByRole("radio", { name: "staging", exact: true })).toBeChecked();
    });
  });
}

test("6: revising keeps fields the form used to drop (DR pattern, replica tag copying, GSI caps, stream reads)", async ({
  page,
}) => {
  await signIn(page, "developer", "/requests/new");
  const request = {
    owner: { team: "checkout", service: "carts", requester: "dana@example.com", costCenter: "CC-1", purpose: "" },
    tier: "staging",
    tableName: "carts-roundtrip",
    partitionKey: { name: "PK", type: "S" },
    globalSecondaryIndexes: [
      {
        name: "by-user",
        partitionKey: { name: "userId", type: "S" },
        projection: { type: "KEYS_ONLY" },
        onDemandThroughput: { maxReadRequestUnits: 500 },
      },
    ],
    billing: { mode: "PAY_PER_REQUEST" },
    pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 14 },
    tags: { Team: "checkout", CostCenter: "CC-1", Environment: "staging" },
    regions: { primary: "us-east-1", replicas: [{ region: "us-west-2", propagateTags: false }] },
    drPattern: "ACTIVE_ACTIVE_MREC",
    alarms: { enabled: true },
    workload: { readsPerSecond: 5, writesPerSecond: 1, itemSizeBytes: 500, storageGb: 1, streamReadsPerSecond: 3 },
  };
  const csrf = await csrfOf(page);
  const created = await page.request.post("/api/v1/change-requests", {
    data: { request },
    headers: { "x-csrf-token": csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { key } = await created.json();
  await page.goto(`/requests/new?revise=${key}`);
  await expect(page.getByLabel("Disaster-recovery pattern")).toHaveValue("ACTIVE_ACTIVE_MREC");
  await expect(page.getByLabel("Copy the table's tags to this replica")).not.toBeChecked();
  await page.getByRole("button", { name: "Save revision 2" }).click();
  await page.waitForURL(new RegExp(`/requests/${key}$`));
  const diff = await page.request.get(`/api/v1/change-requests/${key}/revisions/1/diff/2`);
  expect(diff.status()).toBe(200);
  expect((await diff.json()).fieldChanges).toEqual([]);
});

async function csrfOf(page: Page): Promise<string> {
  const home = await (await page.request.get("/")).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!csrf) throw new Error("no CSRF token on the home page");
  return csrf;
}
