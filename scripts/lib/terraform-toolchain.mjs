// Finds real Terraform and the offline hashicorp/aws 5.x provider mirror (see
// shared/reference/toolchain.md, "Terraform tooling"): shared by `npm test` (which says loudly that
// the real-Terraform step is skipped when either is missing) and the real-Terraform suite itself
// (tests/support/terraform.ts, which fails when either is missing). Nothing is downloaded.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function mirrorIn(dirs) {
  for (const dir of dirs) {
    if (!dir) continue;
    const aws = path.join(dir, "registry.terraform.io", "hashicorp", "aws");
    if (!existsSync(aws)) continue;
    const v5 = readdirSync(aws)
      .filter((v) => /^5\.\d+\.\d+$/.test(v))
      .sort(compareVersions)
      .at(-1);
    if (v5) return { root: dir, awsVersion: v5 };
  }
  return undefined;
}

/** Cheap guesses where mirrors usually live, found at run time rather than hard-coded. */
function searchMirrorParents() {
  const out = [];
  for (const parent of ["/opt", "/usr/local/share", path.join(process.env.HOME ?? "/root", ".terraform.d")]) {
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent)) out.push(path.join(parent, entry));
    out.push(path.join(parent, "plugins"));
  }
  return out;
}

/**
 * Last resort, as toolchain.md does it: `find / -path '*\/registry.terraform.io/hashicorp/aws/5.*'
 * -type d`; the mirror root is three levels up. find exits 1 when some folders are unreadable; what
 * it printed is still good.
 */
function findMirrorsOnDisk() {
  let stdout = "";
  try {
    stdout = execFileSync(
      "find",
      ["/", "-xdev", "-maxdepth", "7", "-path", "*/registry.terraform.io/hashicorp/aws/5.*", "-type", "d", "-prune"],
      { encoding: "utf8", timeout: 20_000, stdio: ["ignore", "pipe", "ignore"] },
    );
  } catch (error) {
    stdout = error.stdout ?? "";
  }
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((dir) => path.resolve(dir, "../../../.."));
}

/** The mirror root (the folder holding `registry.terraform.io`) and its newest aws 5.x, or undefined. */
export function findAwsMirror() {
  const usual = [process.env.TABLEWRIGHT_TF_MIRROR, "/usr/share/terraform/plugins", ...searchMirrorParents()];
  // The disk-wide search runs only when the usual places hold no mirror.
  return mirrorIn(usual) ?? mirrorIn(findMirrorsOnDisk());
}

/**
 * `{ ok: true, binary, version, mirrorRoot, awsVersion, summary }` with summary
 * "terraform: 1.11.4, aws 5.100.0 (mirror)", or `{ ok: false, missing }` naming what is missing.
 */
export function detectTerraform() {
  const binary = process.env.TABLEWRIGHT_TERRAFORM ?? "terraform";
  const probe = spawnSync(binary, ["version", "-json"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  let version;
  try {
    if (probe.status === 0) version = JSON.parse(probe.stdout).terraform_version;
  } catch {
    version = undefined;
  }
  if (!version) {
    const why = probe.error ? probe.error.message : `exit ${probe.status}`;
    return { ok: false, missing: `terraform is not runnable as \`${binary}\` (${why}); set TABLEWRIGHT_TERRAFORM` };
  }
  const mirror = findAwsMirror();
  if (!mirror) {
    return {
      ok: false,
      missing:
        "no offline mirror of hashicorp/aws 5.x (looked for <root>/registry.terraform.io/hashicorp/aws/5.*; set TABLEWRIGHT_TF_MIRROR to its root)",
    };
  }
  return {
    ok: true,
    binary,
    version,
    mirrorRoot: mirror.root,
    awsVersion: mirror.awsVersion,
    summary: `terraform: ${version}, aws ${mirror.awsVersion} (mirror)`,
  };
}
