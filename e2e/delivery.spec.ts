import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { exampleRequest, uniqueTableName } from "../tests/fixtures/requests";
import { type FakeGithub, startFakeGithub } from "../tests/support/fake-github";
import { type GitServer, startGitServer } from "../tests/support/git-server";
import { type SessionClient, sessionClient } from "./api/support";
import { signIn } from "./support/auth";

// Publishing (issue 21): an approved request of payments/dev (a scope no other spec publishes for)
// goes to a real git server on loopback (git http-backend) and a pull request is opened on a fake
// GitHub validated against GitHub's OpenAPI description; a signed "merged" webhook moves the state.
// Credentials are file: references, since the portal's environment is fixed before the spec runs.

const TOKEN = "ghs_e2e-delivery-token";
const SECRET = "e2e-webhook-secret";
let git: GitServer;
let github: FakeGithub;
let ada: SessionClient;
let secrets: string;
let targetId: string | undefined;

test.beforeAll(async () => {
  git = await startGitServer({ name: "acme/infra", username: "x-access-token", password: TOKEN });
  github = await startFakeGithub({ token: TOKEN, owner: "acme", repo: "infra" });
  secrets = mkdtempSync(path.join(tmpdir(), "tw-e2e-secrets-"));
  writeFileSync(path.join(secrets, "token"), `${TOKEN}\n`);
  writeFileSync(path.join(secrets, "webhook"), `${SECRET}\n`);
  ada = await sessionClient("admin");
  const saved = await ada.ctx.post("/api/v1/delivery-targets", {
    data: {
      team: "payments",
      tier: "dev",
      provider: "github",
      repoUrl: git.url,
      apiBaseUrl: github.url,
      mode: "automatic",
      credentialRef: `file:${path.join(secrets, "token")}`,
      webhookSecretRef: `file:${path.join(secrets, "webhook")}`,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  targetId = (await saved.json()).id;
});

test.afterAll(async () => {
  if (targetId) await ada.ctx.delete(`/api/v1/delivery-targets/${targetId}`);
  await git?.close();
  await github?.close();
  if (secrets) rmSync(secrets, { recursive: true, force: true });
});

test("approving publishes the module to the repository and opens a PR; a merged webhook moves the state", async ({
  browser,
}) => {
  test.slow();
  const dana = await sessionClient("developer");
  const pat = await sessionClient("approver");
  const request = exampleRequest("basic-dev", { team: "payments", tableName: uniqueTableName("e2e-publish") });
  const created = await dana.ctx.post("/api/v1/change-requests", { data: { request, submit: true } });
  expect(created.status(), await created.text()).toBe(201);
  const { key } = await created.json();
  const approved = await pat.ctx.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } });
  expect(approved.status(), await approved.text()).toBe(200);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, "developer", `/requests/${key}`);
  // Publishing runs after the approval's response: reload until the page shows it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("publication-status")).toHaveText("Published", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const branch = `tablewright/${key}-r1`;
  await expect(page.getByTestId("publication-branch")).toHaveText(branch);
  await expect(page.getByTestId("publication-link")).toHaveText("#1");
  await expect(page.getByTestId("publication-pr-state")).toHaveText("(open)");

  // The branch's files are the approved bundle's bytes (read with the git CLI).
  const zip = await dana.ctx.get(`/api/v1/change-requests/${key}/revisions/1/bundle`);
  const entries = unzipSync(new Uint8Array(await zip.body()));
  const folder = `dynamodb/${request.tableName}/`;
  for (const [name, bytes] of Object.entries(entries)) {
    const file = `${folder}${name.slice(name.indexOf("/") + 1)}`;
    const shown = spawnSync("git", ["--git-dir", git.bareDir, "show", `${branch}:${file}`]);
    expect(shown.status, file).toBe(0);
    expect(Buffer.from(shown.stdout).equals(Buffer.from(bytes)), file).toBe(true);
  }
  expect(github.pulls).toHaveLength(1);
  expect(github.violations).toEqual([]);
  await page.screenshot({ path: "test-results/delivery-published.png", fullPage: false });

  // The PR is merged on the provider; its signed webhook moves the request's state.
  const pr = github.merge(1);
  const body = JSON.stringify({ action: "closed", number: 1, pull_request: pr });
  const unsigned = await dana.ctx.post("/api/v1/delivery-webhooks/github", {
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-hub-signature-256": "sha256=00",
    },
    data: body,
  });
  expect(unsigned.status()).toBe(401);
  const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
  const hook = await dana.ctx.post("/api/v1/delivery-webhooks/github", {
    headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-hub-signature-256": signature },
    data: body,
  });
  expect(hook.status(), await hook.text()).toBe(200);
  expect(await hook.json()).toEqual({ received: true, updated: 1 });
  await page.reload();
  await expect(page.getByTestId("publication-pr-state")).toHaveText("(merged)");
  await page.screenshot({ path: "test-results/delivery-merged.png", fullPage: false });
});
