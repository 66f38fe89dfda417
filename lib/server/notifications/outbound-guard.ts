import "server-only";
import net from "node:net";
import { isHostAllowlisted, type OutboundAllowlist, parseOutboundAllowlist } from "@/lib/domain/notifications";
import { databaseConfig } from "../db";

/**
 * Where outbound notifications may go: server-side request forgery protection, applied at delivery
 * time to every address a destination resolves to (and to address literals), never only when a
 * URL is saved, since DNS can change between the two.
 *
 * - Always refused: link-local addresses (169.254.0.0/16, fe80::/10), which include the cloud
 *   instance metadata endpoints, the other metadata addresses (AWS IPv6 fd00:ec2::254, Alibaba
 *   100.100.100.200, Azure 168.63.129.16), "this network", multicast and broadcast.
 * - Allowed: an address in an allowlisted CIDR, or any address of an allowlisted host name.
 * - Loopback: only in the embedded demo mode (SQLite), so a newcomer can point a webhook at a local
 *   receiver; elsewhere only through the allowlist.
 * - Private and other non-public ranges: only through the allowlist.
 * - Public addresses: allowed unless TABLEWRIGHT_OUTBOUND_PUBLIC=off, which leaves only the allowlist.
 */
export interface OutboundPolicy {
  allowlist: OutboundAllowlist;
  allowed: net.BlockList;
  allowLoopback: boolean;
  allowPublic: boolean;
}

function blockList(entries: [string, number, "ipv4" | "ipv6"][]): net.BlockList {
  const list = new net.BlockList();
  for (const [address, prefix, family] of entries) list.addSubnet(address, prefix, family);
  return list;
}

const ALWAYS_REFUSED = blockList([
  ["169.254.0.0", 16, "ipv4"], // link-local, incl. 169.254.169.254 (AWS, GCP, Azure, OCI metadata)
  ["fe80::", 10, "ipv6"], // link-local
  ["fd00:ec2::254", 128, "ipv6"], // AWS instance metadata over IPv6
  ["100.100.100.200", 32, "ipv4"], // Alibaba Cloud metadata
  ["168.63.129.16", 32, "ipv4"], // Azure host (WireServer)
  ["0.0.0.0", 8, "ipv4"], // "this network"
  ["::", 128, "ipv6"], // unspecified
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["ff00::", 8, "ipv6"], // multicast
  ["255.255.255.255", 32, "ipv4"], // broadcast
]);

const LOOPBACK = blockList([
  ["127.0.0.0", 8, "ipv4"],
  ["::1", 128, "ipv6"],
]);

/** Not reachable on the public internet: an internal network, or reserved. */
const NON_PUBLIC = blockList([
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["192.0.0.0", 24, "ipv4"], // IETF protocol assignments
  ["192.0.2.0", 24, "ipv4"], // documentation
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["198.51.100.0", 24, "ipv4"], // documentation
  ["203.0.113.0", 24, "ipv4"], // documentation
  ["240.0.0.0", 4, "ipv4"], // reserved
  ["fc00::", 7, "ipv6"], // unique local
  ["2001:db8::", 32, "ipv6"], // documentation
  ["64:ff9b::", 96, "ipv6"], // NAT64 (would reach IPv4 space indirectly)
]);

/** `::ffff:a.b.c.d` is the IPv4 address a.b.c.d (and is checked as one). */
export function normalizeAddress(address: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const plain = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1];
  if (mapped && net.isIPv4(mapped)) return { address: mapped, family: "ipv4" };
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(plain)) {
    const [hi = "0", lo = "0"] = plain.slice(7).split(":");
    const n = (Number.parseInt(hi, 16) << 16) | Number.parseInt(lo, 16);
    return { address: [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."), family: "ipv4" };
  }
  const version = net.isIP(plain);
  if (version === 4) return { address: plain, family: "ipv4" };
  if (version === 6) return { address: plain, family: "ipv6" };
  return null;
}

export type DestinationCheck = { allowed: true } | { allowed: false; reason: string };

/** Whether `hostname` may be reached at `address` under the policy. */
export function checkDestination(policy: OutboundPolicy, hostname: string, address: string): DestinationCheck {
  const ip = normalizeAddress(address);
  if (!ip) return { allowed: false, reason: `${address} is not an IP address` };
  if (ALWAYS_REFUSED.check(ip.address, ip.family)) {
    return {
      allowed: false,
      reason: `${ip.address} is a link-local, metadata or reserved address; notifications never go there`,
    };
  }
  if (policy.allowed.check(ip.address, ip.family)) return { allowed: true };
  if (isHostAllowlisted(policy.allowlist, hostname)) return { allowed: true };
  if (LOOPBACK.check(ip.address, ip.family)) {
    return policy.allowLoopback
      ? { allowed: true }
      : {
          allowed: false,
          reason: `${ip.address} is a loopback address; add it to TABLEWRIGHT_OUTBOUND_ALLOWLIST to allow it`,
        };
  }
  if (NON_PUBLIC.check(ip.address, ip.family)) {
    return {
      allowed: false,
      reason: `${ip.address} is a private or reserved address; add the host or range to TABLEWRIGHT_OUTBOUND_ALLOWLIST to allow it`,
    };
  }
  if (!policy.allowPublic) {
    return {
      allowed: false,
      reason: `${hostname} (${ip.address}) is not on TABLEWRIGHT_OUTBOUND_ALLOWLIST (TABLEWRIGHT_OUTBOUND_PUBLIC=off)`,
    };
  }
  return { allowed: true };
}

/** The policy from the environment; the embedded demo mode (SQLite) allows loopback. */
export function outboundPolicyFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  embedded = databaseConfig().kind === "sqlite",
): OutboundPolicy {
  const parsed = parseOutboundAllowlist(env.TABLEWRIGHT_OUTBOUND_ALLOWLIST);
  // The server refuses to start with a malformed list (lib/env.ts); here it can only be valid.
  const allowlist = parsed.ok ? parsed.allowlist : { hosts: [], cidrs: [] };
  return {
    allowlist,
    allowed: blockList(allowlist.cidrs.map((c) => [c.address, c.prefix, c.family])),
    allowLoopback: embedded,
    allowPublic: !["off", "0", "false"].includes((env.TABLEWRIGHT_OUTBOUND_PUBLIC ?? "").trim().toLowerCase()),
  };
}
