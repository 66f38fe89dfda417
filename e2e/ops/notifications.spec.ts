import { mkdirSync, readFileSync, rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type APIResponse, type Browser, expect, test } from "@playwright/test";
import { startSmtpReceiver, startWebhookReceiver } from "../../tests/support/notification-receivers";
import { ACCOUNTS, type AccountName } from "../support/auth";
import { type OwnPortal, startSeededPortal } from "../support/own-portal";

/**
 * A create-approve journey with notifications on: a portal of its own (embedded SQLite, so loopback
 * destinations are allowed as in the demo), a webhook receiver on loopback that verifies every
 * signature with the standardwebhooks library, and a real SMTP server. The team adds the webhook in
 * the UI, copies the signing secret shown once, and later reads the delivery log in the UI.
 */

const DB_FILE = `tmp/e2e-notifications-${process.pid}.db`;

let portal: OwnPortal | undefined;

test.afterAll(() => {
  if (portal && portal.process.exitCode === null) portal.process.kill("SIGKILL");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
});

async function startPortal(env: Record<string, string>): Promise<string> {
  mkdirSync("tmp", { recursive: true });
  const databaseUrl = `file:./${DB_FILE}`;
  const base = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    TABLEWRIGHT_AWS_CHECKS: "off",
    DATABASE_URL: databaseUrl,
  };
  portal = await startSeededPortal(base, env);
  return portal.url;
}

/** Signs `who` in through the form and returns a POST that carries the session and its CSRF token. */
async function apiAs(
  browser: Browser,
  url: string,
  who: AccountName,
): Promise<{ post: (path: string, options: { data: unknown }) => Promise<APIResponse> }> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS[who].email);
  await page.getByLabel("Password").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  const csrf = await page.locator('input[name="csrf"]').first().getAttribute("value");
  return {
    post: (path, options) => context.request.post(path, { ...options, headers: { "x-csrf-token": csrf ?? "" } }),
  };
}

test("a create-approve journey reaches a webhook receiver and an SMTP server on loopback, signed, with a delivery log in the UI", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const receiver = await startWebhookReceiver();
  const smtp = await startSmtpReceiver();
  try {
    const url = await startPortal({
      TABLEWRIGHT_SMTP_URL: smtp.url,
      TABLEWRIGHT_MAIL_FROM: "Tablewright <tw@e2e.test>",
    });

    // Dana adds a signed webhook for her team in the UI and copies the secret shown once.
    const danaContext = await browser.newContext({ baseURL: url });
    const page = await danaContext.newPage();
    await page.goto("/sign-in?returnTo=/teams/checkout/notifications");
    await page.getByLabel("Email").fill(ACCOUNTS.developer.email);
    await page.getByLabel("Password").fill(ACCOUNTS.developer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/teams/checkout/notifications");
    await expect(page.getByTestId("webhooks-empty")).toBeVisible();
    await page.getByLabel("URL").fill(`${receiver.url}/tablewright`);
    await page.getByLabel("Description (optional)").fill("e2e receiver");
    await page.getByRole("button", { name: "Add channel" }).click();
    const secret = await page.getByTestId("webhook-secret-value").inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secret = secret;
    await expect(page.getByTestId("webhook-row")).toContainText("e2e receiver");

    // The journey: Dana creates and submits a request, Pat approves it.
    const dana = await apiAs(browser, url, "developer");
    const pat = await apiAs(browser, url, "approver");
    const request = JSON.parse(readFileSync("examples/requests/valid/basic-dev.json", "utf8"));
    request.owner.team = "checkout";
    request.tableName = "e2e-notified-carts";
    const created = await dana.post("/api/v1/change-requests", { data: { request, submit: true } });
    expect(created.status(), await created.text()).toBe(201);
    const { key } = await created.json();
    const approved = await pat.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } });
    expect(approved.status(), await approved.text()).toBe(200);

    // The receiver got both events, each signature valid, each delivery id once.
    await expect
      .poll(() => receiver.received.map((r) => r.headers["x-tablewright-event"]).sort(), { timeout: 30_000 })
      .toEqual(["change_request.approved", "change_request.submitted"]);
    expect(receiver.received.every((r) => r.signatureValid === true && r.status === 200)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(2);
    const approvedBody = receiver.received.find((r) => r.headers["x-tablewright-event"] === "change_request.approved")
      ?.body as { data: { changeRequest: { key: string; url: string; status: string }; actor: { email: string } } };
    expect(approvedBody.data).toMatchObject({
      changeRequest: { key, status: "APPROVED", url: `${url}/requests/${key}` },
      actor: { email: ACCOUNTS.approver.email },
    });

    // The SMTP server got "needs your decision" for Pat and the decision for Dana.
    await expect
      .poll(() => smtp.messages.map((m) => `${m.to} | ${m.subject}`), { timeout: 30_000 })
      .toEqual(
        expect.arrayContaining([
          `${ACCOUNTS.approver.email} | Needs your decision: ${key} e2e-notified-carts (dev): Submitted for review`,
          `${ACCOUNTS.developer.email} | ${key} e2e-notified-carts (dev): Approved`,
        ]),
      );
    const mail = smtp.messages.find((m) => m.to === ACCOUNTS.developer.email);
    expect(mail?.text).toContain(`Open it: ${url}/requests/${key}`);

    // Dana reads the delivery log in the UI: two deliveries, delivered, HTTP 200.
    await page.reload();
    const rows = page.getByTestId("delivery-row");
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) {
      await expect(row).toContainText("delivered");
      await expect(row.getByTestId("delivery-code")).toHaveText("HTTP 200");
    }
    await expect(page.getByTestId("delivery-log")).toContainText(receiver.received[0]?.headers["webhook-id"] as string);
    await page.screenshot({ path: "test-results/notifications-delivery-log.png", fullPage: true });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
      [],
    );
    // On a phone the tables scroll inside their panels; the page itself does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Re-send from the UI: the same delivery id arrives again and the receiver drops it.
    const before = receiver.received.length;
    await rows
      .first()
      .getByRole("button", { name: /Re-send delivery/ })
      .click();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(before + 1);
    expect(receiver.received.at(-1)?.duplicate).toBe(true);
  } finally {
    await receiver.close();
    await smtp.close();
  }
});
