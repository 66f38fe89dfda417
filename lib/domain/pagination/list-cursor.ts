/**
 * The cursor of a list page: the (createdAt, id) of the last row shown, as base64url JSON. Pure and
 * portable (no Buffer), so the API, the pages and the request proxy read it the same way; a cursor
 * this portal did not issue is refused by all of them before it reaches the database.
 */
export interface ListCursor {
  createdAt: string;
  id: string;
}

// PostgreSQL timestamps end in 294276 AD and JavaScript dates reach ±275760: a cursor date outside
// the years rows can have is not one the portal issued, and would fail as a database error.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,500}$/;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string | undefined {
  if (!BASE64URL.test(value) || value.length % 4 === 1) return undefined;
  try {
    const binary = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function encodeListCursor(cursor: ListCursor): string {
  return toBase64Url(JSON.stringify([cursor.createdAt, cursor.id]));
}

/** The cursor, or undefined for anything the portal did not issue. Never throws. */
export function decodeListCursor(value: string): ListCursor | undefined {
  const text = fromBase64Url(value);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [createdAt, id] = parsed as unknown[];
  if (typeof createdAt !== "string" || typeof id !== "string" || !ID.test(id)) return undefined;
  const at = Date.parse(createdAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(createdAt) || Number.isNaN(at) || at < EARLIEST || at > LATEST) return undefined;
  return { createdAt, id };
}
