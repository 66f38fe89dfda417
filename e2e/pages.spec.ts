import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn, signInApi } from "./support/auth";

/** Pages not covered by a feature journey: each renders, is screenshotted, and passes axe. */
async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
    name,
  ).toEqual([]);
}

test("sign-in, my requests, forbidden and the API reference at 1280 px and 390 px", async ({ page }) => {
  test.setTimeout(180_000);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await expectAccessible(page, `sign-in ${width}`);
    await page.screenshot({ path: `test-results/screenshots/sign-in-${width}.png`, fullPage: true });

    await signIn(page, "developer");
    await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
    await expectAccessible(page, `my requests ${width}`);
    await page.screenshot({ path: `test-results/screenshots/my-requests-${width}.png`, fullPage: true });

    await page.goto("/queue");
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expectAccessible(page, `forbidden ${width}`);

    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
    // The reference renders the generated document's operations itself (no third-party viewer).
    await expect(page.getByText("/api/v1/change-requests/{key}/approve").first()).toBeVisible();
    await expectAccessible(page, `api docs ${width}`);
    await page.screenshot({ path: `test-results/screenshots/api-docs-${width}.png`, fullPage: false });
  }
});

test("filters and search on my requests narrow the list", async ({ page }) => {
  await signIn(page, "developer");
  await page.getByLabel("Status").selectOption("REJECTED");
  await page.getByLabel("Search").fill("sessions-global");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=REJECTED/);
  const rows = page.getByTestId("change-request-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Global sessions in three Regions");
  await page.getByLabel("Status").selectOption("");
  await page.getByLabel("Search").fill("carts-dev");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows.first()).toContainText("carts");
  await page.getByLabel("Search").fill("no-such-table-anywhere");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No change requests match these filters.")).toBeVisible();
});

/** Opens "Try it" of one operation on /api-docs and sends it; returns the status line shown. */
async function tryOperation(page: Page, method: string, path: string, fill?: Record<string, string>) {
  const operation = page
    .getByTestId("api-operation")
    .filter({ has: page.getByRole("heading", { name: `${method} ${path}`, exact: true }) });
  await operation.getByText("Try it", { exact: true }).click();
  for (const [label, value] of Object.entries(fill ?? {})) await operation.getByLabel(label).fill(value);
  await operation.getByRole("button", { name: `Send ${method}` }).click();
  const status = operation.getByTestId("try-status");
  await expect(status).toBeVisible();
  return { status, body: operation.getByTestId("try-body") };
}

test("API reference: try-it-out works for POSTs with the session (CSRF header) and with a typed token", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "developer", "/api-docs");
    await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();

    // With the session: a POST used to fail with 403 because the CSRF header was not sent.
    const validate = await tryOperation(page, "POST", "/api/v1/validate");
    await expect(validate.status).toContainText("200");
    await expect(validate.body).toContainText('"valid"');
    const list = await tryOperation(page, "GET", "/api/v1/change-requests");
    await expect(list.status).toContainText("200");
    await expectAccessible(page, `api docs with answers ${width}`);
    await page.screenshot({ path: `test-results/screenshots/api-docs-try-${width}.png`, fullPage: false });
    await page.context().clearCookies();
  }

  // With a token typed on the page: the request carries no cookie, only the bearer token.
  // Omar's token, not Dana's: tokens.spec starts from Dana's empty token list.
  const csrf = await signInApi(request, "otherDeveloper");
  const created = await request.post("/api/v1/tokens", {
    headers: { "x-csrf-token": csrf },
    data: { name: `docs-${Date.now()}`, scopes: ["read", "write"], expiresInDays: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { secret: token } = (await created.json()) as { secret: string };
  await page.goto("/api-docs");
  await page.getByRole("radio", { name: "An API token" }).check();
  await page.getByLabel("API token", { exact: true }).fill(token);
  const withToken = await tryOperation(page, "POST", "/api/v1/estimate");
  await expect(withToken.status).toContainText("200");
  // A wrong token is refused: the page does not quietly fall back to a session.
  await page.getByLabel("API token", { exact: true }).fill("tw_not_a_real_token");
  const refused = await tryOperation(page, "GET", "/api/v1/live-checks");
  await expect(refused.status).toContainText("401");
});

test("axe: no serious or critical finding on any page, at 1280 px and 390 px", async ({ page }) => {
  test.setTimeout(600_000);
  const pages: { who: "developer" | "approver" | null; path: string; name: string; ready: string }[] = [
    { who: null, path: "/sign-in", name: "sign-in", ready: "Sign in" },
    { who: "developer", path: "/", name: "my requests", ready: "My requests" },
    { who: "developer", path: "/requests/TW-99999", name: "request not found", ready: "not found" },
    { who: "developer", path: "/no-such-page", name: "not found", ready: "Page not found" },
    { who: "developer", path: "/queue", name: "forbidden", ready: "Not allowed" },
    { who: "developer", path: "/settings/tokens", name: "tokens", ready: "API tokens" },
    { who: "developer", path: "/api-docs", name: "api docs", ready: "API reference" },
    { who: "developer", path: "/requests/import", name: "import", ready: "Import an existing table" },
    { who: "approver", path: "/queue", name: "queue", ready: "Approval queue" },
    { who: "approver", path: "/", name: "all requests", ready: "All change requests" },
    { who: "approver", path: "/requests/TW-1", name: "request detail", ready: "Purpose" },
  ];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    let current: string | null = "";
    for (const entry of pages) {
      if (entry.who !== current) {
        await page.context().clearCookies();
        if (entry.who) await signIn(page, entry.who);
        current = entry.who;
      }
      await page.goto(entry.path);
      await expect(page.getByRole("heading", { name: entry.ready }).first()).toBeVisible();
      await expectAccessible(page, `${entry.name} ${width}`);
      await page.screenshot({
        path: `test-results/screenshots/page-${entry.name.replaceAll(" ", "-")}-${width}.png`,
        fullPage: false,
      });
    }
  }
});
