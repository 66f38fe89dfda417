import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { signIn, signInApi } from "./support/auth";

// "Adopt live" and "Revert" on a drifted table's page. e2e runs with live checks off, so the
// drift is what a scheduled check would have recorded (written to the e2e database directly), and
// the actions show the "cannot read AWS" path: a clear message, no 5xx, the table page still
// usable. The pre-filled forms and their plans against a real drifted table are proven in
// tests/integration/drift-resolution.test.ts (dynalite).

const SHOTS = "test-results/screenshots";
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const DRIFTED = JSON.stringify({ status: "drifted", fingerprint: "shape:billing.mode" });

/**
 * What runScheduledDriftCheck records on the inventory when it finds drift. A check needs AWS,
 * which e2e has not, so the spec writes its result through the app's own Prisma client.
 */
async function recordDriftFound(tableId: string) {
  const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
  const data = { liveStatus: "DRIFTED", lastDriftOutcome: DRIFTED, lastCheckedAt: new Date() };
  if (url.startsWith("file:")) {
    // biome-ignore lint/style/noRestrictedImports: stands in for a drift check, which e2e cannot run without AWS
    const { PrismaClient } = await import("../lib/generated/sqlite/client");
    // biome-ignore lint/style/noRestrictedImports: the same client the app builds for SQLite
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5_000 }) });
    await client.managedTable.update({ where: { id: tableId }, data }).finally(() => client.$disconnect());
    return;
  }
  // biome-ignore lint/style/noRestrictedImports: stands in for a drift check, which e2e cannot run without AWS
  const { PrismaClient } = await import("../lib/generated/pg/client");
  // biome-ignore lint/style/noRestrictedImports: the same client the app builds for PostgreSQL
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await client.managedTable.update({ where: { id: tableId }, data }).finally(() => client.$disconnect());
}

async function post(request: APIRequestContext, csrf: string, path: string, data: unknown) {
  const res = await request.post(path, { headers: { "x-csrf-token": csrf }, data });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return res.json();
}

test("a drifted table offers Adopt live and Revert to its team; without AWS they say so and the page stays usable", async ({
  page,
  playwright,
}) => {
  test.slow();
  // A dev table through the real workflow: Dana asks, Pat approves.
  const request = JSON.parse(readFileSync("examples/requests/valid/basic-dev.json", "utf8"));
  const name = unique("drift-orders");
  Object.assign(request, {
    tableName: name,
    owner: { ...request.owner, team: "checkout", requester: "dana@example.com" },
  });
  if (request.tags?.Team) request.tags.Team = "checkout";
  const dana = await playwright.request.newContext();
  const danaCsrf = await signInApi(dana, "developer");
  const { key } = await post(dana, danaCsrf, "/api/v1/change-requests", { request, submit: true });
  const pat = await playwright.request.newContext();
  await post(pat, await signInApi(pat, "approver"), `/api/v1/change-requests/${key}/approve`, { revision: 1 });
  const detail = await (await dana.get(`/api/v1/change-requests/${key}`)).json();
  const tableId = detail.table?.id as string;
  expect(tableId, "approval added the table to the inventory").toBeTruthy();

  // Not drifted (never checked): only "Change this table".
  await signIn(page, "developer", `/tables/${tableId}`);
  await expect(page.getByRole("link", { name: "Change this table" })).toBeVisible();
  await expect(page.getByTestId("adopt-live")).toHaveCount(0);
  await expect(page.getByTestId("revert-drift")).toHaveCount(0);

  await recordDriftFound(tableId);
  await page.reload();
  await expect(page.getByTestId("table-last-check")).toContainText("drifted");
  await expect(page.getByTestId("adopt-live")).toBeVisible();
  await expect(page.getByTestId("revert-drift")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/drift-actions-table.png`, fullPage: true });

  // Adopt needs the live table from AWS: with checks off, a clear message and the way back.
  await page.getByTestId("adopt-live").click();
  // Loaded on its own (not a client-side navigation), the page answers 200, not a 5xx.
  expect((await dana.get(`/requests/new?table=${tableId}&drift=adopt`)).status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Cannot adopt the live table now" })).toBeVisible();
  await expect(page.getByTestId("drift-resolution-problem").getByRole("alert")).toContainText(
    /cannot be read from AWS: Live checks are off/,
  );
  await page.screenshot({ path: `${SHOTS}/drift-actions-adopt-offline.png`, fullPage: true });
  await page.getByRole("link", { name: "Back to the table" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // Revert plans from the live table, so it needs AWS too.
  await page.getByTestId("revert-drift").click();
  await expect(page.getByRole("heading", { name: "Cannot plan the revert now" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the table" }).click();
  // "Change this table" still works from the approved definition.
  await page.getByRole("link", { name: "Change this table" }).click();
  await expect(page.getByRole("heading", { name: `Change ${name}` })).toBeVisible();

  // Omar is not in the checkout team: neither the table nor its drift actions exist for him.
  const omar = await playwright.request.newContext();
  await signInApi(omar, "otherDeveloper");
  expect((await omar.get(`/tables/${tableId}`)).status()).toBe(404);
  expect((await omar.get(`/requests/new?table=${tableId}&drift=adopt`)).status()).toBe(404);
});
