import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { expect, test } from "@playwright/test";
import { fixture, startDynalite, startRecordedDynamoDb, type TestEndpoint } from "../../tests/support/dynamodb-servers";
import { signIn } from "../support/auth";
import { createLegacyTable } from "../support/legacy-table";
import { type OwnPortal, startOwnPortal } from "../support/own-portal";

/**
 * Adopting an existing table from the UI, end to end: a portal of its own (`next start`) reads a
 * table from a local DynamoDB endpoint (dynalite; DescribeContinuousBackups, which dynalite lacks,
 * answered with a recorded real response), the page opens the change request, and its module
 * carries the import block.
 */

const E2E_DB = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

let dynalite: TestEndpoint;
let endpoint: TestEndpoint;
let portal: OwnPortal | undefined;
let url = "";
const tableName = `legacy-carts-${Date.now().toString(36)}`;

test.beforeAll(async () => {
  dynalite = await startDynalite();
  endpoint = await startRecordedDynamoDb(
    { "*": { DescribeContinuousBackups: fixture("describe-continuous-backups-enabled.json") } },
    { fallback: dynalite.endpoint },
  );
  const admin = new DynamoDBClient({
    endpoint: dynalite.endpoint,
    region: "eu-central-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  await createLegacyTable(admin, tableName);
  admin.destroy();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: E2E_DB,
    TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
    DYNAMODB_ENDPOINT: endpoint.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "eu-central-1",
  };
  delete env.TABLEWRIGHT_AWS_CHECKS;
  portal = await startOwnPortal(env);
  url = portal.url;
});

test.afterAll(async () => {
  portal?.process.kill("SIGTERM");
  await endpoint?.close();
  await dynalite?.close();
});

test("import an existing table from the UI: the change request adopts it with an import block", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, "developer", "/requests/import");
  await expect(page.getByTestId("live-checks-off")).toHaveCount(0);
  await page.getByLabel("Region").selectOption("eu-central-1");
  await page.getByLabel("Table name").fill(tableName);
  await page.getByLabel("Team").selectOption("checkout");
  await page.getByLabel("Purpose").fill("Carts of the old shop, adopted as they are.");
  await page.getByRole("button", { name: "Import table" }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Opened TW-", { timeout: 20_000 });
  await expect(result).toContainText(tableName);
  await page.screenshot({ path: "test-results/screenshots/import-done-1280.png", fullPage: true });

  await result.getByRole("link", { name: /^Review TW-/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Import ${tableName}`);
  await expect(page.getByTestId("request-purpose")).toContainText("Carts of the old shop");
  // The table exists: change safety is measured against it as imported, not "not created yet".
  await expect(page.getByTestId("change-flags")).toHaveAttribute("data-baseline", "imported");
  await page.getByRole("tab", { name: "imports.tf" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("import {");
  await expect(page.getByRole("tabpanel")).toContainText(tableName);
  await context.close();
});
