import { decodeListCursor } from "@/lib/domain/pagination/list-cursor";

/** Why a request's URL cannot be served, in words for the person or script that sent it. */
export interface UrlProblem {
  where: string;
  message: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: see above
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

/**
 * Checks the URL before any route sees it (proxy.ts), so a malformed one is a 400 that names the
 * problem instead of an error deep inside Next.js or the database: a path segment that is not valid
 * percent-encoding (Next.js answered a plain-text 500), a control character in the path or a NUL in
 * the query (PostgreSQL text cannot hold U+0000). Pages also refuse a query parameter given twice
 * (every page filter is single-valued) and a list cursor the portal did not issue.
 */
export function findUrlProblem(url: URL, { page }: { page: boolean }): UrlProblem | undefined {
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { where: "path", message: `segment "${segment.slice(0, 60)}" is not valid percent-encoding` };
    }
    if (CONTROL.test(decoded)) return { where: "path", message: "contains a control character" };
  }
  const seen = new Set<string>();
  for (const [name, value] of url.searchParams) {
    const label = `query parameter "${name.slice(0, 60).replace(CONTROL_ALL, "?")}"`;
    if (name.includes("\u0000") || value.includes("\u0000")) {
      return { where: label, message: "contains the NUL character (%00)" };
    }
    if (!page) continue;
    if (seen.has(name)) return { where: label, message: "is given more than once; give it once" };
    seen.add(name);
    if (name === "cursor" && !decodeListCursor(value)) {
      return { where: label, message: "is not a page link the portal made; go back to the first page" };
    }
  }
  return undefined;
}
