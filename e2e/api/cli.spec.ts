import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BASE_URL, checkoutRequest, createToken, sessionClient } from "./support";

/** The README's automation example, run for real: the package's own CLI against the running portal. */
function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["bin/tablewright.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("tablewright submit, status and download from create to a verified bundle", async () => {
  const dana = await sessionClient("developer");
  const pat = await sessionClient("approver");
  const token = (await createToken(dana, ["read", "write"], "cli")).secret;
  const dir = mkdtempSync(path.join(os.tmpdir(), "tw-cli-"));
  const file = path.join(dir, "request.json");
  writeFileSync(file, JSON.stringify(checkoutRequest("cli")));

  const submitted = cli([
    "submit",
    file,
    "--server",
    BASE_URL,
    "--token",
    token,
    "--title",
    "From the CLI",
    "--idempotency-key",
    "cli-1",
  ]);
  expect(submitted.code, submitted.stderr).toBe(0);
  const { key, status } = JSON.parse(submitted.stdout);
  expect(status).toBe("SUBMITTED");

  const again = cli(["submit", file, "--title", "From the CLI", "--idempotency-key", "cli-1"], {
    TABLEWRIGHT_SERVER: BASE_URL,
    TABLEWRIGHT_TOKEN: token,
  });
  expect(JSON.parse(again.stdout).key).toBe(key);

  const early = cli([
    "download",
    key,
    "--revision",
    "1",
    "--server",
    BASE_URL,
    "--token",
    token,
    "--out",
    path.join(dir, "early.zip"),
  ]);
  expect(early.code).toBe(1);
  expect(early.stderr).toContain("no approved revision");

  const approve = await pat.ctx.post(`/api/v1/change-requests/${key}/approve`, { data: { revision: 1 } });
  expect(approve.status()).toBe(200);

  const shown = cli(["status", key, "--server", BASE_URL, "--token", token]);
  expect(shown.code, shown.stderr).toBe(0);
  const summary = JSON.parse(shown.stdout);
  expect(summary).toMatchObject({ key, status: "APPROVED", approvedRevision: 1 });

  const out = path.join(dir, "bundle.zip");
  const downloaded = cli(["download", key, "--revision", "1", "--server", BASE_URL, "--token", token, "--out", out]);
  expect(downloaded.code, downloaded.stderr).toBe(0);
  const sha = createHash("sha256").update(readFileSync(out)).digest("hex");
  expect(JSON.parse(downloaded.stdout).sha256).toBe(sha);
  expect(sha).toBe(summary.revisions[0].bundleSha256);

  const invalid = JSON.parse(readFileSync(file, "utf8"));
  invalid.tableName = "x";
  writeFileSync(file, JSON.stringify(invalid));
  const refused = cli(["submit", file, "--server", BASE_URL, "--token", token]);
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.stdout).errors).toContainEqual(expect.objectContaining({ path: "request.tableName" }));

  const unreachable = cli(["status", key, "--server", "http://127.0.0.1:9", "--token", token]);
  expect(unreachable.code).toBe(2);
  expect(unreachable.stderr).toContain("cannot reach");
});
