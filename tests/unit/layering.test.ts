import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layering is enforced by Biome (noRestrictedImports per folder in biome.json, and
 * noNodejsModules for the pure and browser layers); `npm run lint` fails on a break. These cases
 * prove the configuration catches what it must and lets through what it should: each probe file
 * is linted with the repository's biome.json at its path in a scratch copy of the tree.
 */
const BLOCKED: [file: string, specifier: string][] = [
  ["lib/domain/b.ts", "@/lib/server/db"],
  ["lib/domain/cost/a.ts", "../../server/db"],
  ["lib/domain/cost/c.ts", "node:fs"],
  ["lib/domain/cost/d.ts", "fs"],
  ["lib/domain/cost/e.ts", "next/navigation"],
  ["lib/domain/cost/f.ts", "@prisma/client"],
  ["lib/domain/cost/g.ts", "@/lib/api/schemas/queue"],
  ["lib/domain/cost/h.ts", "../../api/schemas/queue"],
  ["lib/domain/cost/i.ts", "pino"],
  ["lib/domain/cost/j.ts", "@/components/ui/format-date"],
  ["terraform-templates/a.ts", "node:path"],
  ["components/a/a.tsx", "type @/lib/server/change-requests"],
  ["components/a/b.tsx", "@/lib/aws/config"],
  ["components/a/c.tsx", "@/lib/server/db"],
  ["lib/client/a.ts", "@/lib/server/db"],
  ["app/x/a.tsx", "@/lib/generated/sqlite/client"],
  ["app/x/b.tsx", "@prisma/client"],
  ["lib/api/a.ts", "@prisma/client"],
  ["lib/cli/commands/a.ts", "../../server/aws/config"],
  ["lib/cli/b.ts", "server-only"],
  ["lib/cli/c.ts", "@/lib/api/with-api"],
  ["lib/aws/a.ts", "../cli/args"],
  ["lib/aws/b.ts", "@/lib/server/db"],
  ["lib/api/schemas/a.ts", "../with-api"],
  ["lib/api/schemas/b.ts", "@/lib/server/actor"],
];

const ALLOWED: [file: string, specifier: string][] = [
  ["lib/domain/cost/ok-a.ts", "../app-error"],
  ["lib/domain/cost/ok-b.ts", "zod"],
  ["lib/domain/terraform/ok-c.ts", "../../../terraform-templates"],
  ["lib/domain/cost/ok-d.test.ts", "node:fs"],
  ["lib/domain/terraform/test-support.ts", "node:fs"],
  ["components/a/ok-a.tsx", "@/lib/api/schemas/change-requests"],
  ["components/a/ok-b.tsx", "next/navigation"],
  ["components/a/ok-c.tsx", "@/lib/domain/cost/format"],
  ["app/x/ok-a.tsx", "@/lib/server/db"],
  ["lib/server/ok-a.ts", "../generated/sqlite/client"],
  ["lib/server/ok-b.ts", "@prisma/adapter-pg"],
  ["lib/cli/commands/ok-a.ts", "../../aws/config"],
  ["lib/cli/commands/ok-b.ts", "@/lib/api/schemas/tokens"],
  ["lib/aws/ok-a.ts", "@/lib/domain/import"],
  ["lib/api/schemas/ok-a.ts", "./common"],
  ["lib/api/ok-a.ts", "@/lib/server/logger"],
  ["scripts/ok-a.ts", "@prisma/driver-adapter-utils"],
];

let dir: string;
let flagged: Set<string>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tw-layering-"));
  const config = JSON.parse(readFileSync("biome.json", "utf8"));
  delete config.$schema;
  config.vcs = { enabled: false };
  config.files = { includes: ["**"] };
  writeFileSync(path.join(dir, "biome.json"), JSON.stringify(config));
  for (const [file, specifier] of [...BLOCKED, ...ALLOWED]) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    // "type x" probes a type-only import (types from server code are refused too); else a value import.
    const source = specifier.startsWith("type ")
      ? `import type { X } from "${specifier.slice(5)}";\nexport type Probe = X;\n`
      : `import { X } from "${specifier}";\nexport const probe = X;\n`;
    writeFileSync(path.join(dir, file), source);
  }
  const run = spawnSync(
    process.execPath,
    [path.resolve("node_modules/@biomejs/biome/bin/biome"), "lint", "--reporter=json", "--max-diagnostics=1000", "."],
    { cwd: dir, encoding: "utf8" },
  );
  const report = JSON.parse(run.stdout) as {
    diagnostics: { category: string; location: { path: string | { file: string } } }[];
  };
  flagged = new Set(
    report.diagnostics
      .filter(
        (d) => d.category === "lint/style/noRestrictedImports" || d.category === "lint/correctness/noNodejsModules",
      )
      .map((d) => (typeof d.location.path === "string" ? d.location.path : d.location.path.file)),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the linter enforces the layering", () => {
  it.each(BLOCKED)("refuses %s importing %s", (file) => {
    expect(flagged.has(file), `${file} should be refused`).toBe(true);
  });

  it.each(ALLOWED)("lets %s import %s", (file) => {
    expect(flagged.has(file), `${file} should be allowed`).toBe(false);
  });
});
