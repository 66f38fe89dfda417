import type { APIRequestContext, Page } from "@playwright/test";

/** The demo accounts the e2e database is seeded with (see lib/server/demo-accounts.ts). */
export const ACCOUNTS = {
  developer: { email: "dana@example.com", password: "demo-developer" },
  otherDeveloper: { email: "omar@example.com", password: "demo-developer" },
  approver: { email: "pat@example.com", password: "demo-approver" },
  secondApprover: { email: "quinn@example.com", password: "demo-approver" },
  budgetApprover: { email: "bea@example.com", password: "demo-budget" },
  admin: { email: "ada@example.com", password: "demo-admin" },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

/** Signs in through the real sign-in form, as a person would. */
export async function signIn(page: Page, who: AccountName, returnTo = "/") {
  await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(ACCOUNTS[who].email);
  await page.getByLabel("Password").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * Signs an API request context in (cookie) and returns its CSRF token for writes. `baseUrl` is the
 * portal the context talks to (its Origin is checked): the shared e2e portal unless a spec runs its own.
 */
export async function signInApi(
  request: APIRequestContext,
  who: AccountName,
  baseUrl = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3200",
): Promise<string> {
  const res = await request.post("/api/auth/sign-in", {
    form: { email: ACCOUNTS[who].email, password: ACCOUNTS[who].password, returnTo: "/" },
    headers: { origin: new URL(baseUrl).origin },
    maxRedirects: 0,
  });
  if (res.status() !== 303) throw new Error(`sign-in failed with ${res.status()}`);
  const home = await (await request.get("/")).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!csrf) throw new Error("no CSRF token on the home page after sign-in");
  return csrf;
}
