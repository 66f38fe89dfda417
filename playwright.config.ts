import { defineConfig, devices } from "@playwright/test";
import { resolveChromium } from "./e2e/support/chromium";

// e2e runs against a production build served by `next start` on loopback, on its own SQLite file
// (or on PostgreSQL when E2E_DATABASE_URL is set). scripts/e2e.mjs builds and migrates first.
const PORT = Number(process.env.E2E_PORT ?? 3200);
const BASE_URL = `http://127.0.0.1:${PORT}`;
process.env.E2E_BASE_URL ??= BASE_URL;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/artifacts",
  reporter: [["list"]],
  workers: 1,
  // On CI, a test that fails is run once more and, if it then passes, is reported as "flaky" in the
  // list reporter's summary, by name, instead of failing the whole hand-in on a shared 2-core
  // machine; a test that fails twice still fails the step. Locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // The journeys read the seeded demo data first; the API suites (which create hundreds of
  // requests) and the ops suites (which start their own servers) run after them.
  projects: [
    { name: "journeys", testIgnore: ["api/**", "ops/**", "oidc/**"] },
    { name: "api", testMatch: ["api/**/*.spec.ts"], dependencies: ["journeys"] },
    { name: "ops", testMatch: ["ops/**/*.spec.ts", "oidc/**/*.spec.ts"], dependencies: ["api"] },
  ],
  use: {
    baseURL: BASE_URL,
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: resolveChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // Not bare `next`: webServer runs through /bin/sh without node_modules/.bin on PATH.
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      // The e2e database is seeded with the labelled demo accounts; `next start` runs as production.
      TABLEWRIGHT_ALLOW_LOCAL_ACCOUNTS: "1",
      // No AWS here: say so instead of probing the credential chain (the live checks have their own tests).
      TABLEWRIGHT_AWS_CHECKS: process.env.TABLEWRIGHT_AWS_CHECKS ?? "off",
      // Low enough that the 429 test stays quick; e2e/api reads the same number.
      TABLEWRIGHT_RATE_LIMIT_PER_MINUTE: process.env.E2E_RATE_LIMIT ?? "300",
    },
  },
});
