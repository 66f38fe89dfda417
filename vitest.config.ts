import { defineConfig } from "vitest/config";

export default defineConfig({
  // `server-only` throws outside React Server Components; tests import lib/server directly.
  resolve: {
    tsconfigPaths: true,
    alias: { "server-only": new URL("./tests/setup/server-only-stub.ts", import.meta.url).pathname },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/domain/**/*.test.ts",
            "lib/*.test.ts",
            "lib/cli/**/*.test.ts",
            "lib/mcp/**/*.test.ts",
            "lib/api/**/*.test.ts",
            "terraform-templates/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/unit/**/*.test.ts",
            "components/**/*.test.ts",
          ],
        },
      },
      {
        // Real terraform init/validate/plan of generated modules (tests/support/terraform.ts):
        // one file at a time, two plans at once (the provider runs per plan). About two minutes on
        // an idle 2-core machine; the long timeout is for a loaded one (tests share batch plans and
        // wait for them), not for a hang: every terraform call ends on its own.
        extends: true,
        test: {
          name: "terraform",
          include: ["tests/terraform/**/*.test.ts"],
          globalSetup: ["tests/setup/terraform-global-setup.ts"],
          fileParallelism: false,
          maxConcurrency: 2,
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/server/**/*.test.ts", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/postgres-global-setup.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
