import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * SHA-256 through @noble/hashes: audited, dependency-free and synchronous, so the bundle manifest
 * is computed the same way in the browser, the server and the CLI (WebCrypto's `subtle.digest` is
 * async-only and `node:crypto` is not allowed in lib/domain). The tests check it against
 * `node:crypto` on the NIST vectors and random inputs.
 */
export function sha256Hex(data: Uint8Array): string {
  return bytesToHex(sha256(data));
}
