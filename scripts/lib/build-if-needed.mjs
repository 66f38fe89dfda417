// Builds the Next app when the sources changed since the last build (or it never ran), so
// `npm start` on a fresh clone is one command and later starts are instant.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "terraform-templates",
  "policy",
  "prisma",
  "examples",
  "schema",
  "public",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", "generated", "dist"]);

function walk(entry, out) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const name of readdirSync(entry).sort()) {
      if (!SKIP.has(name) && !name.endsWith(".test.ts")) walk(path.join(entry, name), out);
    }
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint() {
  const files = [];
  for (const entry of SOURCES) walk(entry, files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

export function buildIfNeeded({ distDir = process.env.NEXT_DIST_DIR || ".next", force = false } = {}) {
  const stampFile = path.join(distDir, "tablewright-source.sha256");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stampFile);
  if (!force && built && readFileSync(stampFile, "utf8") === fingerprint) return false;
  console.log(
    built ? "build: sources changed, rebuilding" : "build: no build yet, building (about a minute the first time)",
  );
  // The CLI and the demo seed are bundled from the same sources.
  const cli = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
  if (cli.status !== 0) throw new Error("building the CLI bundle failed");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  writeFileSync(stampFile, fingerprint);
  return true;
}
