import "server-only";
import { createHash } from "node:crypto";
import os from "node:os";

/**
 * A UUID derived from a name, e.g. `notifications.deliver:<delivery id>:<attempt>`: sending the
 * same logical job twice (a retried request, the sweep finding work already queued) gives the same
 * id, and the queue keeps one. Hash-based (SHA-256), formatted as an RFC 9562 version 8 UUID.
 */
export function jobIdFor(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Names this process in job runs and logs: host and pid. */
export function instanceName(): string {
  return `${os.hostname()}:${process.pid}`;
}
