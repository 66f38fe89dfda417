import type { Server } from "node:http";
import { expect, test } from "@playwright/test";
import Provider from "oidc-provider";
import { freePort, type OwnPortal, startOwnPortal } from "../support/own-portal";

/**
 * A real authorisation code flow with PKCE against a real OpenID provider (panva's certified
 * oidc-provider) on loopback, with a second portal instance configured for SSO. The provider's
 * development login form stands in for the company's identity provider.
 */
const PEOPLE: Record<string, { name: string; groups: string[]; email?: string; emailVerified?: boolean }> = {
  paula: { name: "Paula Platform", groups: ["tablewright-platform", "tablewright-team-payments"] },
  devi: { name: "Devi Developer", groups: ["tablewright-team-search", "unrelated-group"] },
  // Claims the address of an existing portal account (the demo admin) without the provider verifying it.
  mallory: { name: "Mallory", groups: ["tablewright-platform"], email: "ada@example.com", emailVerified: false },
};

let idp: Server;
let portal: OwnPortal | undefined;
let portalUrl: string;

test.beforeAll(async () => {
  const idpPort = await freePort();
  const portalPort = await freePort();
  portalUrl = `http://127.0.0.1:${portalPort}`;
  const issuer = `http://127.0.0.1:${idpPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "tablewright",
        client_secret: "e2e-secret",
        redirect_uris: [`${portalUrl}/api/auth/oidc/callback`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const person = PEOPLE[id];
      if (!person) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: person.email ?? `${id}@corp.example`,
          email_verified: person.emailVerified ?? true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
  });
  idp = provider.listen(idpPort, "127.0.0.1");

  portal = await startOwnPortal(
    {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
      TABLEWRIGHT_AWS_CHECKS: "off",
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: "tablewright",
      OIDC_CLIENT_SECRET: "e2e-secret",
      OIDC_SCOPES: "openid email profile groups",
      TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "",
    },
    { port: portalPort },
  );
});

test.afterAll(async () => {
  portal?.process.kill("SIGTERM");
  await new Promise((resolve) => idp?.close(resolve));
});

async function signInThroughProvider(page: import("@playwright/test").Page, login: string) {
  await page.goto(`${portalUrl}/sign-in`);
  await expect(page.getByText("Demo accounts")).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  // The provider's own login and consent pages.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${portalUrl}/`);
}

test("a user whose groups map to the platform role signs in through OIDC and can work the queue", async ({ page }) => {
  await signInThroughProvider(page, "paula");
  await expect(page.getByText("Paula Platform")).toBeVisible();
  await expect(page.getByText("Platform approver")).toBeVisible();
  await expect(page.getByRole("link", { name: "Approval queue" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/oidc-signed-in.png", fullPage: true });

  const audit = await page.request.get(`${portalUrl}/api/v1/change-requests?limit=1`);
  expect(audit.status()).toBe(200);
});

test("a developer's team groups become memberships; local sign-in is refused in SSO mode", async ({ page }) => {
  await signInThroughProvider(page, "devi");
  await expect(page.getByText("Devi Developer")).toBeVisible();
  await expect(page.getByText("Developer", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Approval queue" })).toHaveCount(0);

  const local = await page.request.post(`${portalUrl}/api/auth/sign-in`, {
    form: { email: "dana@example.com", password: "demo-developer", returnTo: "/" },
    headers: { origin: portalUrl },
    maxRedirects: 0,
  });
  expect(local.status()).toBe(303);
  expect(local.headers().location).toContain("/sign-in?error=");
});

test("an unverified email never links to the existing account that owns it", async ({ page }) => {
  await page.goto(`${portalUrl}/sign-in`);
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  await page.locator('input[name="login"]').fill("mallory");
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "has not verified the email" })).toBeVisible();
  // Not signed in as the account's owner (nor as anyone).
  const me = await page.request.get(`${portalUrl}/api/v1/tokens`);
  expect(me.status()).toBe(401);
});

test("a tampered callback (wrong state) is refused", async ({ page }) => {
  await page.goto(`${portalUrl}/api/auth/oidc/callback?code=abc&state=forged`);
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: /sign-in expired|try again/i })).toBeVisible();
});
