/**
 * The admin's allowlist of outbound destinations (TABLEWRIGHT_OUTBOUND_ALLOWLIST): comma-separated
 * host names (`hooks.example.com`, or `*.example.com` for its subdomains) and address ranges in
 * CIDR notation (`10.20.0.0/16`, `2001:db8::/32`; a bare address means that one address). Parsed
 * here without any network access; lib/server checks resolved addresses against it.
 */
export interface OutboundAllowlist {
  /** Lower-case host names; an entry starting with "*." matches subdomains only. */
  hosts: string[];
  cidrs: { address: string; prefix: number; family: "ipv4" | "ipv6" }[];
}

const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether a string is an IPv6 address (the URL parser is the strictest pure check at hand). */
function isIpv6(value: string): boolean {
  if (!value.includes(":") || /[^0-9a-fA-F:.]/.test(value)) return false;
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

export type AllowlistParse = { ok: true; allowlist: OutboundAllowlist } | { ok: false; errors: string[] };

/** Parses the setting; every bad entry is named with the rule it breaks. */
export function parseOutboundAllowlist(value: string | undefined): AllowlistParse {
  const allowlist: OutboundAllowlist = { hosts: [], cidrs: [] };
  const errors: string[] = [];
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.includes("://")) {
      errors.push(`"${raw.trim()}": not a host name, *.domain, address or CIDR (give the host, not a URL)`);
      continue;
    }
    const [address = "", prefixText, ...extra] = entry.split("/");
    const family = IPV4.test(address) ? "ipv4" : isIpv6(address) ? "ipv6" : undefined;
    if (family) {
      const max = family === "ipv4" ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (extra.length > 0 || !/^\d+$/.test(prefixText ?? String(max)) || prefix > max) {
        errors.push(`"${raw.trim()}": the prefix length must be 0-${max}`);
        continue;
      }
      allowlist.cidrs.push({ address, prefix, family });
      continue;
    }
    if (prefixText !== undefined) {
      errors.push(`"${raw.trim()}": a CIDR needs an IPv4 or IPv6 address before the slash`);
      continue;
    }
    if (!HOST.test(entry) || entry.length > 253) {
      errors.push(`"${raw.trim()}": not a host name, *.domain, address or CIDR`);
      continue;
    }
    allowlist.hosts.push(entry.replace(/\.$/, ""));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, allowlist };
}

/** Whether a host name is on the list (exactly, or under a `*.` entry). */
export function isHostAllowlisted(allowlist: OutboundAllowlist, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return allowlist.hosts.some((entry) =>
    entry.startsWith("*.") ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : host === entry,
  );
}
