/**
 * Reading Terraform version constraints (`>= 5.100.0, < 6.0.0`, `~> 6.37`): the lowest version a
 * constraint lets `terraform init` pick and the major it stays below. A plan records constraints,
 * not the provider version selected (that lives in .terraform.lock.hcl), so the attestation judges
 * what the configuration allows.
 */

type Version = [number, number, number];

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? [0, 0, 0];
  const pb = parseVersion(b) ?? [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface ConstraintBounds {
  /** The lowest version allowed, or undefined when nothing bounds it from below. */
  lower?: string;
  /** Versions must stay below this one; undefined when nothing bounds them from above. */
  upper?: string;
}

/** Bounds of one or more constraint strings, all of which apply (Terraform intersects them). */
export function readConstraintBounds(constraints: readonly string[]): ConstraintBounds {
  let lower: string | undefined;
  let upper: string | undefined;
  const raise = (v: string) => {
    if (!lower || compareVersions(v, lower) > 0) lower = v;
  };
  const cap = (v: string) => {
    if (!upper || compareVersions(v, upper) < 0) upper = v;
  };
  for (const constraint of constraints) {
    for (const part of constraint.split(",")) {
      const m = /^\s*(>=|<=|~>|!=|=|>|<)?\s*(v?\d+(?:\.\d+){0,2})\s*$/.exec(part);
      if (!m) continue;
      const op = m[1] ?? "=";
      const version = m[2] as string;
      const v = parseVersion(version);
      if (!v) continue;
      const text = v.join(".");
      if (op === "=" || op === ">=" || op === ">") raise(text);
      if (op === "=") cap(`${v[0]}.${v[1]}.${v[2] + 1}`);
      if (op === "<" || op === "<=") cap(op === "<" ? text : `${v[0]}.${v[1]}.${v[2] + 1}`);
      if (op === "~>") {
        raise(text);
        // ~> 6.37 allows 6.x; ~> 6.37.1 allows 6.37.x.
        const segments = version.replace(/^v/, "").split(".").length;
        cap(segments >= 3 ? `${v[0]}.${v[1] + 1}.0` : `${v[0] + 1}.0.0`);
      }
    }
  }
  return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}
