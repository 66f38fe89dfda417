import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn, signInApi } from "./support/auth";

const BASE = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3200";

// Each was a finding of issue 16; each must keep failing the attacker.

test("returnTo never sends a signed-in visitor off-site, whatever trick the link uses", async ({ page, request }) => {
  await signInApi(request, "developer");
  for (const returnTo of [
    "/%5Cevil.example/phish",
    "/%09/evil.example",
    "//evil.example",
    "/.//evil.example",
    "/%2F%2Fevil.example",
    "https://evil.example",
  ]) {
    const res = await request.get(`/sign-in?returnTo=${returnTo}`, { maxRedirects: 0 });
    expect(res.status(), returnTo).toBe(307);
    expect(new URL(res.headers().location ?? "", BASE).origin, returnTo).toBe(new URL(BASE).origin);
  }
  // And in the browser, which would follow `/\evil.example` off-site if it were ever sent.
  await signIn(page, "developer");
  await page.goto("/sign-in?returnTo=/%5Cevil.example/phish");
  expect(new URL(page.url()).origin).toBe(new URL(BASE).origin);
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();
});

test("sign-out without the session's CSRF field keeps the session and the cookie", async ({ request }) => {
  const csrf = await signInApi(request, "developer");
  const forged = await request.post("/api/auth/sign-out", {
    form: {},
    headers: { origin: new URL(BASE).origin },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(303);
  expect(forged.headers()["set-cookie"]).toBeUndefined();
  expect(await (await request.get("/")).text()).toContain('name="csrf"');

  const real = await request.post("/api/auth/sign-out", {
    form: { csrf },
    headers: { origin: new URL(BASE).origin },
    maxRedirects: 0,
  });
  expect(real.headers()["set-cookie"]).toMatch(/Max-Age=0/);
  expect(real.headers().location).toBe("/sign-in");
});

test("the sign-in endpoints refuse oversized bodies with 413, like the API", async ({ request }) => {
  for (const path of ["/api/auth/sign-in", "/api/auth/sign-out"]) {
    const res = await request.post(path, {
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(BASE).origin },
      data: `email=${"a".repeat(200_000)}`,
      maxRedirects: 0,
    });
    expect(res.status(), path).toBe(413);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
  }
});

test("failed sign-ins are throttled: the form says how long to wait, a script gets 429", async ({ page, request }) => {
  // An account that does not exist is throttled like one that does (nothing tells them apart).
  const email = "nobody-here@example.com";
  await page.goto("/sign-in");
  let alert = "";
  for (let attempt = 0; attempt < 8 && !/Too many failed sign-ins/.test(alert); attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/sign-in\?error=/);
    // The sign-in form's message (Next's route announcer is an alert region too).
    alert = (await page.locator("p[role=alert]").textContent()) ?? "";
  }
  expect(alert).toMatch(/Too many failed sign-ins; try again in \d+ s/);
  await page.screenshot({ path: "test-results/screenshots/sign-in-throttled.png", fullPage: true });

  // A script asking for JSON: within a couple of quick attempts the wait applies to it too.
  let api = await request.post("/api/auth/sign-in", {
    form: { email, password: "another-guess", returnTo: "/" },
    headers: { origin: new URL(BASE).origin, accept: "application/json" },
  });
  for (let i = 0; i < 3 && api.status() !== 429; i++) {
    api = await request.post("/api/auth/sign-in", {
      form: { email, password: `another-guess-${i}`, returnTo: "/" },
      headers: { origin: new URL(BASE).origin, accept: "application/json" },
    });
  }
  expect(api.status()).toBe(429);
  expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await api.json()).code).toBe("RATE_LIMITED");

  // Other accounts from the same address are not locked out by it.
  const other = await request.post("/api/auth/sign-in", {
    form: { ...ACCOUNTS.secondApprover, returnTo: "/" },
    headers: { origin: new URL(BASE).origin, accept: "application/json" },
  });
  expect(other.status()).toBe(200);
});

test("an address no page can read gets a friendly 400 page; the API answers problem+json", async ({
  page,
  request,
}) => {
  await signIn(page, "developer");
  for (const path of ["/requests/%FF", "/?q=a&q=b", "/?status=a&status=b", "/?cursor=zzz", "/?q=%00"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(400);
    await expect(page.getByRole("heading", { name: "This address does not work" }), path).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screenshots/bad-request.png", fullPage: true });
  await page.getByRole("link", { name: "Go to your requests" }).click();
  await expect(page.getByRole("heading", { name: "My requests" })).toBeVisible();

  await signInApi(request, "developer");
  for (const [path, status] of [
    ["/api/v1/change-requests/%FF", 400],
    ["/api/v1/change-requests?q=%00", 400],
    ["/api/v1/tokens/abc%00", 400],
    ["/api/v1/no-such-endpoint", 404],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(status);
    expect(res.headers()["content-type"], path).toContain("application/problem+json");
  }
});
