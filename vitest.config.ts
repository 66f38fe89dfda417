import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/domain/**/*.test.ts", "lib/cli/**/*.test.ts", "lib/api/**/*.test.ts", "terraform-templates/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
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
