// Bundles the CLI (lib/cli/main.ts) and the server-side scripts (the demo seed, the environment
// check) into dist/ with esbuild, so they start fast under plain Node (no tsx at run time). npm
// packages stay external.
import { rmSync } from "node:fs";
import path from "node:path";
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
// zod's classic entry re-exports every locale (z.locales); they were 40% of the engine chunk every
// local command parses at start-up. The CLI only ever speaks English (zod registers `en` itself).
const onlyEnglishZodLocale = {
  name: "only-english-zod-locale",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), "../locales/index.js"), namespace: "zod-locales" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: "js",
    }));
  },
};
// `import * as z from "zod"` in our code reaches zod's index, which also exports `z` as a value:
// esbuild then keeps the whole namespace (every schema class, every check). Resolving "zod" to a
// shim over its classic entry (a plain `export *`) lets esbuild keep only what the engine uses.
// The shim still offers `z` (`import { z } from "zod"` builds), but a file that imports it that way
// brings the whole namespace back: write `import * as z from "zod"`.
const zodWithoutNamespace = {
  name: "zod-without-namespace",
  setup(build) {
    const classic = path.resolve("node_modules/zod/v4/classic/external.js");
    build.onResolve({ filter: /^zod$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: "zod", namespace: "zod-shim" },
    );
    build.onLoad({ filter: /.*/, namespace: "zod-shim" }, () => ({
      contents: `export * from ${JSON.stringify(classic)};\nexport * as z from ${JSON.stringify(classic)};\n`,
      resolveDir: path.dirname(classic),
      loader: "js",
    }));
  },
};
const { packages: _all, ...cliOptions } = common;
await build({
  ...cliOptions,
  // Bundled: the engine's own dependencies (zod, fflate, @noble/hashes), so a local command reads
  // a few chunks instead of a hundred package files. External: the SDKs only verify, import and mcp load.
  external: ["@aws-sdk/*", "@modelcontextprotocol/*"],
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [onlyEnglishZodLocale, zodWithoutNamespace],
  entryPoints: { cli: "lib/cli/main.ts" },
});

// The seed and the environment check are server code run by Node, outside Next.
await build({
  ...common,
  entryPoints: { seed: "prisma/seed.ts", env: "lib/env.ts" },
  alias: { "server-only": "./scripts/lib/empty.mjs" },
});
