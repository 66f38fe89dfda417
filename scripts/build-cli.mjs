// Bundles the CLI (lib/cli/main.ts) and the demo seed (prisma/seed.ts) into dist/ with esbuild, so
// they start fast under plain Node (no tsx at run time). npm packages stay external.
import { build } from "esbuild";

await build({
  entryPoints: { cli: "lib/cli/main.ts", seed: "prisma/seed.ts", env: "lib/env.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  splitting: true,
  logLevel: "warning",
  // `server-only` throws outside React Server Components; these entry points are server code run by Node.
  alias: { "server-only": "./scripts/lib/empty.mjs" },
  banner: {
    js: "import { createRequire as __twCreateRequire } from 'node:module'; const require = __twCreateRequire(import.meta.url);",
  },
});
