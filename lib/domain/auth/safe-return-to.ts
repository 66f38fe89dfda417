/** Longest return path kept; longer ones are refused, not cut (a cut path is another path). */
const MAX_RETURN_TO = 1000;
const SENTINEL = "http://return-to.invalid";

/**
 * Where to send someone after signing in: a path on this site, or "/" for anything else. Browsers
 * are generous readers of Location headers (they drop tabs and newlines, treat `\` as `/`, and
 * resolve `/./` and `%2e%2e`), so the check is made on what a browser would resolve, not on the
 * text: control characters and backslashes are refused outright, the path must resolve on this
 * origin, and the resolved path must not start with `//` (protocol-relative). The tested list of
 * known bypasses is in safe-return-to.test.ts.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_RETURN_TO) return "/";
  // C0 controls (tab, CR, LF, NUL...), DEL and backslashes: never in a path this portal links to.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  let resolved: URL;
  try {
    resolved = new URL(value, SENTINEL);
  } catch {
    return "/";
  }
  if (resolved.origin !== SENTINEL) return "/";
  // Encoded slashes, backslashes or control characters in the path would become `//`, `/\` or a
  // stripped tab for any reader that decodes once more; no page of the portal has them.
  if (resolved.pathname.startsWith("//") || /%(2f|5c|[01][0-9a-f]|7f)/i.test(resolved.pathname)) return "/";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
