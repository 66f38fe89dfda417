import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import type { RequestFormValues } from "../components/request-form/form-schema";
import { ACCOUNTS, signIn } from "./support/auth";

// Issue 17 item 4: every path the engine can emit must land on a focusable field or section of
// the form, never at the top of the page. The examples hold one request per code; the codes no
// example can show (whole-request limits, policy switches the shipped policy leaves off, live AWS
// checks) are listed with the path their rule reports.
const NOT_IN_EXAMPLES: Record<string, string> = {
  INPUT_TOO_LARGE: "",
  SCHEMA_TOO_MANY_ISSUES: "",
  SCHEMA_INVALID: "",
  PITR_DISABLED: "pointInTimeRecovery.enabled",
  POLICY_BACKUP_REQUIRED: "backup",
  POLICY_CUSTOMER_MANAGED_KEY_REQUIRED: "encryption.type",
  POLICY_BILLING_MODE_NOT_ALLOWED: "billing.mode",
  POLICY_ON_DEMAND_ONLY: "billing.mode",
  TABLE_ALREADY_EXISTS: "tableName",
  TABLE_NOT_FOUND: "tableName",
  LIVE_CHECK_UNAVAILABLE: "tableName",
  // The shipped policy targets aws 6.x; a 5.x target refuses MRSC on the consistency field.
  PROVIDER_TARGET_MRSC_UNSUPPORTED: "regions.consistency",
  // Likewise, a 5.x target refuses warm throughput on its group.
  PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED: "warmThroughput",
  // Only against a live table's revision, never on a new request.
  GSI_CHANGE_IGNORED_BY_AUTOSCALING: "globalSecondaryIndexes.0",
  // The server refuses a new request for a table already in the inventory, on the name.
  TABLE_ALREADY_MANAGED: "tableName",
};

// Codes only a change to a managed table can get, on fields only the change form shows: their landing
// (the migration note next to the operation plan) is proven by e2e/inventory.spec.ts.
const CHANGE_MODE_ONLY = ["DESTRUCTIVE_ACKNOWLEDGEMENT_REQUIRED"];

interface Case {
  file: string;
  values: RequestFormValues;
  issues: { code: string; path: string }[];
}

/** The examples as the form opens them, with the engine's issues (computed by the engine itself, via tsx). */
function loadCases(): { codes: string[]; cases: Case[] } {
  const script = path.resolve(import.meta.dirname, "support/issue-path-cases.ts");
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ACCOUNTS.developer.email], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`issue-path-cases failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Opens the form with `values` as the restored local draft. */
async function openWithDraft(page: Page, values: RequestFormValues, label = "") {
  // Leave the form first: its autosave (shortly after each change, the restore included) would
  // otherwise overwrite the draft set here with the previous example's values.
  await page.goto("/api/health");
  await page.evaluate(
    ([key, draft]) => window.localStorage.setItem(key as string, draft as string),
    [
      `tablewright.request-draft.v1:${ACCOUNTS.developer.email}`,
      JSON.stringify({ version: 1, savedAt: new Date().toISOString(), values }),
    ],
  );
  await page.goto("/requests/new");
  await expect(page.getByTestId("draft-status"), label).toContainText("Restored your draft");
}

/** In the page: the element a form path lands on (itself or its nearest rendered ancestor), as the form resolves it. */
async function resolveInPage(page: Page, formPaths: string[]) {
  return page.evaluate((paths) => {
    const idOf = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    return paths.map((formPath) => {
      let candidate = formPath;
      while (candidate) {
        const element = document.getElementById(idOf(candidate));
        if (element) {
          const style = getComputedStyle(element);
          const focusable =
            (element.tabIndex >= 0 || element.hasAttribute("tabindex")) &&
            !(element as HTMLInputElement).disabled &&
            style.display !== "none" &&
            style.visibility !== "hidden";
          return { formPath, landsOn: candidate, focusable };
        }
        const cut = candidate.lastIndexOf(".");
        candidate = cut < 0 ? "" : candidate.slice(0, cut);
      }
      return { formPath, landsOn: "", focusable: Boolean(document.getElementById("request-form-top")) };
    });
  }, formPaths);
}

test("every validation code's path lands on a focusable field or section of the form", async ({ page }) => {
  // About 90 page loads: one per example.
  test.setTimeout(600_000);
  const { codes, cases } = loadCases();
  const covered = new Set([
    ...cases.flatMap((c) => c.issues.map((i) => i.code)),
    ...Object.keys(NOT_IN_EXAMPLES),
    ...CHANGE_MODE_ONLY,
  ]);
  expect(codes.filter((code) => !covered.has(code))).toEqual([]);

  await signIn(page, "developer", "/requests/new");
  const failures: string[] = [];
  for (const c of cases) {
    await openWithDraft(page, c.values, c.file);
    // The restored values render their conditional fields a commit or two after the draft bar
    // appears: look again for up to 3 s before calling a path lost.
    const lost = async () => {
      const resolved = await resolveInPage(
        page,
        c.issues.map((i) => i.path),
      );
      return resolved.flatMap((r, i) => {
        const issue = c.issues[i] as { code: string; path: string };
        // Only a finding on the whole request ("") belongs at the top of the form.
        return (r.landsOn === "" && issue.path !== "") || !r.focusable
          ? [`${c.file}: ${issue.code} at "${issue.path}" lands on "${r.landsOn}"`]
          : [];
      });
    };
    let misses = await lost();
    for (let i = 0; i < 15 && misses.length > 0; i++) {
      await page.waitForTimeout(200);
      misses = await lost();
    }
    failures.push(...misses);
  }
  // The codes without an example, on a form that has every section they name switched on.
  const full = cases.find((c) => c.values.backup.enabled && c.values.billing.mode === "PROVISIONED") ?? cases[0];
  await openWithDraft(page, (full as Case).values);
  const extra = Object.entries(NOT_IN_EXAMPLES);
  const resolved = await resolveInPage(
    page,
    extra.map(([, p]) => p),
  );
  resolved.forEach((r, i) => {
    const [code, issuePath] = extra[i] as [string, string];
    if ((r.landsOn === "" && issuePath !== "") || !r.focusable) failures.push(`${code} at "${issuePath}" lands on top`);
  });
  expect(failures).toEqual([]);
});

test("a check link moves the keyboard to its field, not to the top (the prod tier's Region-loss rule)", async ({
  page,
}) => {
  await signIn(page, "developer", "/requests/new");
  // A prod request with no replica and no backup copy: the Region-loss rule fails.
  const values = structuredClone(
    loadCases().cases.find((c) => c.file === "invalid/POLICY_REGION_LOSS_NOT_SURVIVED.json")?.values,
  );
  expect(values?.tier).toBe("prod");
  await openWithDraft(page, values as RequestFormValues);
  await page.getByRole("tab", { name: /^Checks/ }).click();
  const link = page.getByTestId("checks-list").getByRole("link", { name: /must survive the loss of a Region/ });
  await link.click();
  const focused = await page.evaluate(() => document.activeElement?.id ?? "");
  expect(focused).not.toBe("request-form-top");
  expect(focused).toMatch(/^field-regions/);
  await expect(page.locator(`#${focused}`)).toBeInViewport();
});
