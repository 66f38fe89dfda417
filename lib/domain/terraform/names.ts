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

/**
 * Terraform labels for per-index, per-Region resources: identifiers, unique, and a function of the
 * set of resources only, never of their order. A label whose sanitised form no other resource
 * shares is the plain `prefix_name`; when two names sanitise alike ("by-status", "by_status"),
 * every one of them gets a hash of its identity. So removing or reordering one index never hands
 * its label to another (which Terraform would plan as destroy and create), and a move is only ever
 * to an address no object held before (`moved.tf` covers labels that do change).
 */
export function deferredLabels() {
  const pending: { target: { label: string }; base: string; identity: string }[] = [];
  return {
    /** Registers `target` for a label; it is set by `resolve()`. */
    add<T extends { label: string }>(target: T, prefix: string, name: string, identity: string = name): T {
      const base = name ? `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, "_")}` : prefix;
      pending.push({ target, base, identity: `${prefix}\u0000${identity}` });
      return target;
    },
    resolve(): void {
      const count = new Map<string, number>();
      for (const p of pending) count.set(p.base, (count.get(p.base) ?? 0) + 1);
      const wanted = pending.map((p) => ((count.get(p.base) ?? 0) > 1 ? `${p.base}_${fnv1a(p.identity)}` : p.base));
      // A hash that meets a plain label (or another hash) is astronomically rare; still keep labels unique.
      const used = new Set<string>();
      pending.forEach((p, i) => {
        let label = wanted[i] as string;
        for (let n = 2; used.has(label); n++) label = `${wanted[i]}_${n}`;
        used.add(label);
        p.target.label = label;
      });
    },
  };
}
