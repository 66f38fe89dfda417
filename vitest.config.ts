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
