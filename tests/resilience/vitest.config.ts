import { defineConfig } from "vitest/config";

// The resilience suite (`npm run test:resilience`): real `next start` instances and throwaway
// PostgreSQL clusters on loopback. Not part of the unit or integration projects: it needs a build
// (scripts/resilience.mjs makes it) and minutes, not seconds. Files run one after another so each
// owns the machine's two cores while it measures.
export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  test: {
    include: ["tests/resilience/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    // Every file starts its own servers; a retry would hide exactly what this suite looks for.
    retry: 0,
  },
});
