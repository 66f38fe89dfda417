import "server-only";

/**
 * What the portal believes about where a request came from. Headers such as X-Forwarded-For and
 * X-Forwarded-Host are only as honest as whoever wrote them: without a reverse proxy in front, the
 * client writes them itself. So they are believed only when TABLEWRIGHT_TRUSTED_PROXIES says how
 * many proxies stand in front of the portal (docs/operations.md "Behind a reverse proxy").
 *
 * With no trusted proxy, `installForwardedHeaderGuard` (instrumentation.ts) removes the client's
 * forwarded headers as each request arrives, and Next.js fills X-Forwarded-For / -Host / -Proto from
 * the socket and the Host header, so the values read here are the real peer and connection.
 */

/** How many reverse proxies the operator declared in front of the portal (0 = none, the default). */
export function trustedProxyCount(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.TABLEWRIGHT_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(value) && value > 0 ? Math.min(value, 10) : 0;
}

/** Headers a client could use to claim another address, host or scheme. */
export const FORWARDED_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
] as const;

const ADDRESS = /^[0-9A-Za-z:.%_[\]-]{1,64}$/;

function listOf(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client's address. With N trusted proxies, each appends the address it received from to
 * X-Forwarded-For, so the Nth entry from the right is the one the outermost trusted proxy saw;
 * everything left of it was written by the client. With none, it is the socket's peer address.
 */
export function clientAddressFrom(headers: Headers, proxies = trustedProxyCount()): string | undefined {
  const entries = listOf(headers.get("x-forwarded-for"));
  const candidate = proxies > 0 ? entries[Math.max(0, entries.length - proxies)] : entries.at(-1);
  return candidate && ADDRESS.test(candidate) ? candidate : undefined;
}

/** The host and scheme the browser used, as far as this request can tell honestly. */
export function forwardedHostAndProto(
  headers: Headers,
  fallback: URL,
  proxies = trustedProxyCount(),
): { host: string; proto: string } {
  // Without a trusted proxy the guard replaced X-Forwarded-Host by the Host header and -Proto by
  // the socket's scheme; a trusted proxy's values are the first of its list (the client-facing hop).
  const host =
    (proxies > 0 ? listOf(headers.get("x-forwarded-host"))[0] : undefined) ?? headers.get("host") ?? fallback.host;
  const protoHeader = listOf(headers.get("x-forwarded-proto"))[0];
  const proto = protoHeader === "https" || protoHeader === "http" ? protoHeader : fallback.protocol.replace(":", "");
  return { host, proto };
}
