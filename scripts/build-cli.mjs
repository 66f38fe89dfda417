// Bundles the CLI (lib/cli/main.ts) and the server-side scripts (the demo seed, the environment
// check) into dist/ with esbuild, so they start fast under plain Node (no tsx at run time). npm
// packages stay external.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Start clean: chunks of earlier builds would otherwise pile up beside the new ones.
rmSync("dist", { recursive: true, force: true });

const common = {
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  splitting: true,
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __twCreateRequire } from 'node:module'; const require = __twCreateRequire(import.meta.url);",
  },
};

// The CLI imports the engine and lib/aws only, never server-only code: `server-only` throws when
// imported outside React Server Components, so a server import sneaking into the CLI fails here
// (and the linter refuses it earlier).
await build({ ...common, entryPoints: { cli: "lib/cli/main.ts" } });

// The seed and the environment check are server code run by Node, outside Next.
await build({
  ...common,
  entryPoints: { seed: "prisma/seed.ts", env: "lib/env.ts" },
  alias: { "server-only": "./scripts/lib/empty.mjs" },
});
