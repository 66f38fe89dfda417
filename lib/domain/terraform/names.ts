/**
 * AWS names derived from the table name. Table names allow 255 characters and dots; backup
 * vaults allow 50 and no dots, IAM roles 64. A name that does not fit is cut and given a short
 * hash of the full name, so it stays unique and the same request always gives the same name.
 */
export function boundedName(base: string, suffix: string, max: number, disallowed: RegExp): string {
  const clean = `${base}${suffix}`.replace(disallowed, "-");
  if (clean.length <= max) return clean;
  const hash = fnv1a(`${base}${suffix}`);
  const keep = max - suffix.length - hash.length - 1;
  return `${base.slice(0, Math.max(1, keep)).replace(disallowed, "-")}-${hash}${suffix.replace(disallowed, "-")}`.slice(
    0,
    max,
  );
}

/** 32-bit FNV-1a as 8 hex digits: a cheap, stable disambiguator (not a security hash). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Characters AWS rejects, per name kind. */
export const DISALLOWED = {
  backupVault: /[^A-Za-z0-9_-]/g,
  backupPlan: /[^A-Za-z0-9_.-]/g,
  iam: /[^\w+=,.@-]/g,
  alarm: /[^\x20-\x7e]/g,
} as const;

/** Terraform labels for per-index resources: identifiers, unique, stable. */
export function labelFactory(): (prefix: string, name: string) => string {
  const used = new Set<string>();
  return (prefix, name) => {
    const base = name ? `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, "_")}` : prefix;
    let label = base;
    for (let i = 2; used.has(label); i++) label = `${base}_${i}`;
    used.add(label);
    return label;
  };
}
