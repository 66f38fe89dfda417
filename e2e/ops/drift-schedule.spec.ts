import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DynamoDBClient, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import pg from "pg";
import { fixture, startDynalite, startRecordedDynamoDb, type TestEndpoint } from "../../tests/support/dynamodb-servers";
import { ACCOUNTS, signIn } from "../support/auth";
import { createLegacyTable } from "../support/legacy-table";
import { migrateAndSeed, type OwnPortal, startOwnPortal } from "../support/own-portal";

/**
 * Issue 22 end to end: a managed table changed outside Terraform (dynalite, UpdateTable) is flagged
 * by the scheduled drift check, not by anyone clicking verify, and adopted through a change request.
 * The portal is its own `next start` with the planner ticking every minute
 * (TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES=1) on a database of its own: its planner would otherwise
 * check every table of the shared e2e database against dynalite (and the shared portal's planner,
 * with AWS checks off, would record "unavailable" checks of this table).
 */

const SHOTS = "test-results/screenshots";
const E2E_DB = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
const tableName = `drifting-carts-${Date.now().toString(36)}`;

/** A fresh database of the e2e run's kind, migrated and seeded with the demo accounts. */
async function createOwnDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  let url: string;
  let drop: () => Promise<void>;
  if (E2E_DB.startsWith("file:")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tw-drift-e2e-"));
    url = `file:${path.join(dir, "drift.db")}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `tw_drift_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: E2E_DB });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const own = new URL(E2E_DB);
    own.pathname = `/${name}`;
    url = own.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: E2E_DB });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  migrateAndSeed({ ...process.env, DATABASE_URL: url });
  return { url, drop };
}

/** Signs an API context in against this spec's portal (the shared helper uses the shared portal's origin). */
async function apiAs(who: keyof typeof ACCOUNTS): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL: url });
  const res = await api.post("/api/auth/sign-in", {
    form: { email: ACCOUNTS[who].email, password: ACCOUNTS[who].password, returnTo: "/" },
    headers: { origin: url },
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in").toBe(303);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await (await api.get("/")).text())?.[1];
  if (!csrf) throw new Error("no CSRF token on the home page after sign-in");
  return { api, csrf };
}

async function post(who: { api: APIRequestContext; csrf: string }, route: string, data: unknown) {
  const res = await who.api.post(route, { headers: { "x-csrf-token": who.csrf }, data });
  expect(res.ok(), `${route}: ${await res.text()}`).toBe(true);
  return res.json();
}

let dynalite: TestEndpoint;
let endpoint: TestEndpoint;
let admin: DynamoDBClient;
let database: { url: string; drop: () => Promise<void> } | undefined;
let portal: OwnPortal | undefined;
let url = "";

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dynalite = await startDynalite();
  endpoint = await startRecordedDynamoDb(
    { "*": { DescribeContinuousBackups: fixture("describe-continuous-backups-enabled.json") } },
    { fallback: dynalite.endpoint },
  );
  admin = new DynamoDBClient({
    endpoint: dynalite.endpoint,
    region: "eu-central-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  await createLegacyTable(admin, tableName);
  database = await createOwnDatabase();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
    DYNAMODB_ENDPOINT: endpoint.endpoint,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "eu-central-1",
    // The shortest tier interval, and a planner that looks every minute instead of every five.
    TABLEWRIGHT_DRIFT_SCHEDULE: "dev=5m",
    TABLEWRIGHT_DRIFT_PLAN_EVERY_MINUTES: "1",
    // The seeded demo tables are due too: no pacing, so this table's check is not minutes away.
    TABLEWRIGHT_DRIFT_READS_PER_MINUTE: "6000",
  };
  delete env.TABLEWRIGHT_AWS_CHECKS;
  delete env.TABLEWRIGHT_WORKER;
  portal = await startOwnPortal(env);
  url = portal.url;
});

test.afterAll(async () => {
  portal?.process.kill("SIGTERM");
  // The portal's log, for a failure's post-mortem (job runs, AWS calls).
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/drift-schedule-portal.log", portal?.output() ?? "");
  admin?.destroy();
  await endpoint?.close();
  await dynalite?.close();
  await database?.drop();
});

test("a table changed outside Terraform is flagged by the scheduled check and adopted through a change request", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  // Adopt the table: Dana imports it, Pat approves, Dana's live check after the (no-op) apply
  // marks it VERIFIED, and from then on the schedule watches it.
  const dana = await apiAs("developer");
  const pat = await apiAs("approver");
  // The planner ticks at :00 of every minute, and an imported table is in the inventory (and due)
  // from the moment the import is submitted. Import, approve, verify and change it between two
  // ticks (well clear of one: a planner run starts a few seconds late on a busy machine, and up to
  // ~12 s late on pg-boss, which polls for scheduled jobs every 10 s), so that the first scheduled
  // check reads the table after the change. A check that still lands in between finds it in sync,
  // and the next one is the tier's 5 minutes away: the wait below the change allows for that
  // instead of failing (and the test prints the checks it saw).
  const second = new Date().getUTCSeconds();
  if (second < 30 || second > 45) await new Promise((r) => setTimeout(r, ((91 - second) % 60) * 1_000));
  const importedAt = new Date().toISOString();
  const imported = await post(dana, "/api/v1/imports", {
    region: "eu-central-1",
    tableName,
    team: "checkout",
    tier: "dev",
    purpose: "Carts of the old shop, adopted as they are.",
    submit: true,
  });
  const importKey = imported.key as string;
  const approvedAt = new Date().toISOString();
  await post(pat, `/api/v1/change-requests/${importKey}/approve`, { revision: 1 });
  const tableId = (await (await dana.api.get(`/api/v1/change-requests/${importKey}`)).json()).table?.id as string;
  expect(tableId, "the approved import has its table in the inventory").toBeTruthy();

  const verified = await post(dana, `/api/v1/change-requests/${importKey}/verify`, {});
  expect(verified, JSON.stringify(verified)).toMatchObject({ verified: true, recorded: true });
  const tableNow = async () => (await dana.api.get(`/api/v1/tables/${tableId}`)).json();
  // Dana's verify is not a drift check: whatever a scheduled check found so far, it found no drift.
  expect(await tableNow()).toMatchObject({ liveStatus: "VERIFIED" });
  expect([null, "in_sync"]).toContain((await tableNow()).lastDriftStatus);
  // Outside Terraform: someone switches the table to provisioned capacity in the console.
  const changedAt = Date.now();
  const seen: string[] = [
    `imported at ${importedAt}, approved at ${approvedAt}, changed at ${new Date(changedAt).toISOString()}`,
  ];
  await admin.send(
    new UpdateTableCommand({
      TableName: tableName,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
    }),
  );

  // Nobody clicks anything now: the planner's next ticks enqueue the check, which finds the drift
  // and classifies it. Only a scheduled check sets lastCheckedAt, so without the scheduler this
  // times out; the check must also be one that ran after the change.
  await expect
    .poll(
      async () => {
        const t = await tableNow();
        seen.push(
          `${new Date().toISOString()} lastCheckedAt=${t.lastCheckedAt} ${t.lastDriftStatus}/${t.lastDriftWorst}`,
        );
        const checkedAfterChange = t.lastCheckedAt !== null && Date.parse(t.lastCheckedAt) >= changedAt - 1_000;
        return { checkedAfterChange, status: t.lastDriftStatus, worst: t.lastDriftWorst };
      },
      { timeout: 420_000, intervals: [3_000] },
    )
    .toEqual({ checkedAfterChange: true, status: "drifted", worst: "shape" });
  console.log(seen.filter((line, i) => i === 0 || line.slice(25) !== seen[i - 1]?.slice(25)).join("\n"));
  expect(await tableNow()).toMatchObject({ liveStatus: "DRIFTED" });

  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, "developer", `/tables/${tableId}`);
  await expect(page.getByRole("heading", { name: tableName })).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "DRIFTED");
  await expect(page.getByTestId("table-last-check")).toContainText("(drifted)");
  await expect(page.getByTestId("table-drift-class")).toHaveText("Shape changed");
  await expect(page.getByTestId("adopt-live")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/drift-schedule-table-drifted.png`, fullPage: true });

  // Adopt live: the form starts from the table as AWS describes it now, with its plan.
  await page.getByTestId("adopt-live").click();
  await expect(page.getByLabel("Billing mode")).toHaveValue("PROVISIONED", { timeout: 20_000 });
  const plan = page.getByTestId("change-plan");
  await expect(plan.getByTestId("plan-step").first()).toBeVisible();
  await expect(plan).toContainText("BillingMode=PROVISIONED");
  const stepCount = await plan.getByTestId("plan-step").count();
  await plan.screenshot({ path: `${SHOTS}/drift-schedule-adopt-plan.png` });
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/requests\/TW-\d+$/);
  const adoptKey = new URL(page.url()).pathname.split("/").pop() as string;
  expect(adoptKey).not.toBe(importKey);
  await expect(page.getByTestId("request-plan").getByTestId("plan-step")).toHaveCount(stepCount);
  await expect(page.getByTestId("request-plan")).toContainText("BillingMode=PROVISIONED");
  await page.screenshot({ path: `${SHOTS}/drift-schedule-adopt-request.png`, fullPage: true });

  // The request is a change of this table, not a new one.
  const adopted = await (await dana.api.get(`/api/v1/change-requests/${adoptKey}`)).json();
  expect(adopted.table?.id).toBe(tableId);
  expect(adopted.status).toBe("SUBMITTED");
  await context.close();
  await dana.api.dispose();
  await pat.api.dispose();
});
