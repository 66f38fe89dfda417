// Bundles lib/cli into dist/cli.mjs with esbuild so `npx tablewright` starts fast (no tsx at run time).
import { build } from "esbuild";

await build({
  entryPoints: { cli: "lib/cli/main.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  splitting: true,
  logLevel: "warning",
  banner: { js: "import { createRequire as __twCreateRequire } from 'node:module'; const require = __twCreateRequire(import.meta.url);" },
});
