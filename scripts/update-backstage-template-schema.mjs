// Refreshes tests/fixtures/backstage/Template.v1beta3.schema.json: Backstage's JSON Schema for
// Software Templates (scaffolder.backstage.io/v1beta3), as @backstage/plugin-scaffolder-common
// publishes it. The package is not a dependency: installing it brings ~130 packages (120 MB, the
// Azure and GitHub SDKs of @backstage/integration) for one schema, so the schema is fetched from the
// npm registry with `npm pack`, checked against the registry's integrity, and kept as a fixture
// with its provenance. Usage: node scripts/update-backstage-template-schema.mjs [version]
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const PACKAGE = "@backstage/plugin-scaffolder-common";
const version = process.argv[2] ?? "2.4.0";
const out = "tests/fixtures/backstage/Template.v1beta3.schema.json";

const dir = mkdtempSync(path.join(os.tmpdir(), "backstage-schema-"));
try {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", `${PACKAGE}@${version}`, "--json", "--pack-destination", dir], { encoding: "utf8" }),
  );
  const expected = execFileSync("npm", ["view", `${PACKAGE}@${version}`, "dist.integrity"], {
    encoding: "utf8",
  }).trim();
  if (packed.integrity !== expected) throw new Error(`integrity mismatch: ${packed.integrity} != ${expected}`);
  execFileSync("tar", ["xzf", path.join(dir, packed.filename), "-C", dir]);
  const require = createRequire(path.join(dir, "package", "package.json"));
  const schema = require("./dist/Template.v1beta3.schema.json.cjs.js").default;
  const provenance = {
    $comment: `Copied from ${PACKAGE}@${version} (dist/Template.v1beta3.schema.json), Apache-2.0, npm integrity ${packed.integrity}. Refresh with scripts/update-backstage-template-schema.mjs.`,
  };
  writeFileSync(out, `${JSON.stringify({ ...provenance, ...schema }, null, 2)}\n`);
  console.log(`wrote ${out} from ${PACKAGE}@${version}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
