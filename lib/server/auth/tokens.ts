import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random secret (256 bits) for cookies and API tokens. */
export function generateSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Only hashes are stored: a leaked database row cannot be replayed as a session or token. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
