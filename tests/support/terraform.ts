import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Real Terraform with the machine's offline provider mirror (hashicorp/aws 5.100.0 only; see
 * docs/development.md). Tests that need it call `requireTerraform()`, which throws a loud error
 * when the binary or the mirror is missing instead of letting the test pass silently.
 */
const MIRROR_CANDIDATES = [process.env.TABLEWRIGHT_TF_MIRROR, "/opt/tf-plugins", "/usr/share/terraform/plugins"];

function findMirror(): string | undefined {
  for (const root of MIRROR_CANDIDATES) {
    if (root && existsSync(path.join(root, "registry.terraform.io/hashicorp/aws"))) return root;
  }
  return undefined;
}

export interface TerraformTool {
  /** Provider versions the mirror holds, e.g. ["5.100.0"]. */
  awsVersions: string[];
  /**
   * Writes the files into a fresh folder, runs `terraform init` and `terraform validate -json`.
   * Terraform only checks a provider block against the provider's schema when something uses
   * the provider, so give it at least one resource or data source.
   */
  validate(files: Record<string, string>): { valid: boolean; diagnostics: { summary: string; detail?: string }[] };
}

export function requireTerraform(): TerraformTool {
  const version = spawnSync("terraform", ["version"], { encoding: "utf8" });
  if (version.status !== 0) throw new Error("terraform is not on the PATH: this test needs the real CLI");
  const mirror = findMirror();
  if (!mirror) throw new Error("no offline provider mirror found (set TABLEWRIGHT_TF_MIRROR): this test needs it");
  const awsVersions = readdirSync(path.join(mirror, "registry.terraform.io/hashicorp/aws"));
  const work = mkdtempSync(path.join(tmpdir(), "tablewright-tf-"));
  const cliConfig = path.join(work, "terraform.rc");
  writeFileSync(
    cliConfig,
    `plugin_cache_dir = "${path.join(work, "plugin-cache")}"\nprovider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n  direct {\n    exclude = ["*/*/*"]\n  }\n}\n`,
  );
  execFileSync("mkdir", ["-p", path.join(work, "plugin-cache")]);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  let count = 0;
  return {
    awsVersions,
    validate(files) {
      const dir = path.join(work, `module-${count++}`);
      execFileSync("mkdir", ["-p", dir]);
      for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
      execFileSync("terraform", ["init", "-input=false", "-backend=false", "-no-color"], {
        cwd: dir,
        env,
        stdio: "pipe",
      });
      const run = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env, encoding: "utf8" });
      const out = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { summary: string; detail?: string }[] };
      return { valid: out.valid, diagnostics: out.diagnostics };
    },
  };
}
