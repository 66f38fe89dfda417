import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("a requester answers a request for changes in the form: revision 2 goes back to review with a diff", async ({
  page,
}) => {
  await signIn(page, "developer", "/requests/TW-5");
  await expect(page.getByText("Staging tables need the CostCenter tag").first()).toBeVisible();
  await page.getByRole("link", { name: "Revise (new revision)" }).click();

  await expect(page.getByRole("heading", { name: "Revise TW-5: revision 2" })).toBeVisible();
  // The form starts from revision 1: the table name and the tag are already there.
  await expect(page.getByLabel("Table name", { exact: true })).toHaveValue("threads-staging");
  const tagValues = page.getByLabel(/^Tag \d+ value$/);
  const costCenter = tagValues.filter({ has: page.locator('[value="CC-8000"]') });
  const count = await tagValues.count();
  let edited = false;
  for (let i = 0; i < count; i++) {
    if ((await tagValues.nth(i).inputValue()) === "CC-8000") {
      await tagValues.nth(i).fill("CC-2001");
      edited = true;
    }
  }
  expect(edited, `${await costCenter.count()} CostCenter field(s)`).toBe(true);
  await page.screenshot({ path: "test-results/screenshots/request-revise.png", fullPage: false });
  await page.getByRole("button", { name: "Save revision 2" }).click();
  // A revision that goes back to review is shown first, then sent.
  await page.getByRole("dialog").getByRole("button", { name: "Save revision 2 and send to review" }).click();

  await page.waitForURL(/\/requests\/TW-5$/);
  await expect(page.getByText("submitted").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Changes from revision 1 to 2" })).toBeVisible();
  // The diff names the field as a person reads it, not by its path (tags.CostCenter).
  await expect(page.getByText("Tag “CostCenter”").first()).toBeVisible();
});

test("an approved request shows whether its live table can be checked", async ({ page }) => {
  await signIn(page, "otherDeveloper", "/requests/TW-3");
  const card = page.getByTestId("live-check");
  await expect(card).toBeVisible();
  // The e2e server runs with live checks off: the card says so instead of offering a button.
  await expect(card).toContainText("Live checks are off");
  await expect(card.getByRole("button")).toHaveCount(0);
});
