import { AppError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/server/actor";

/** The actor of an authenticated route (the wrapper already refused anonymous callers). */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in or send an API token");
  return actor;
}

/** The version the client last saw, from the body or an If-Match header ("3" or W/"3"). */
export function expectedVersionOf(req: Request, bodyVersion?: number): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = req.headers.get("if-match");
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new AppError("BAD_REQUEST", 'If-Match must be the version number, e.g. "3"');
  return Number(match[1]);
}

/** A positive integer path segment (revision numbers), or a 404 for anything else. */
export function revisionParam(value: string | undefined, what = "revision"): number {
  if (!value || !/^\d{1,6}$/.test(value) || Number(value) < 1) throw new AppError("NOT_FOUND", `no ${what} "${value}"`);
  return Number(value);
}

export function keyParam(value: string | undefined): string {
  if (!value || !/^TW-\d{1,9}$/.test(value)) throw new AppError("NOT_FOUND", `no change request "${value ?? ""}"`);
  return value;
}

/** Parses the query string with the route's query schema; bad values are field issues. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

const BODY_FIELDS = ["acknowledgement", "tableId"] as const;

/**
 * Runs `fn`, prefixing the field paths of a validation failure with `prefix` so they point into
 * the body (`request.tableName`) rather than into the table request alone.
 */
export async function withIssuePrefix<T>(
  prefix: string,
  fn: () => Promise<T>,
  /** Body fields beside the request (e.g. `acknowledgement`, `tableId`): their paths stay as they are. */
  bodyFields: readonly string[] = BODY_FIELDS,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError && error.issues.length) {
      throw new AppError(error.code, error.message, {
        details: error.details,
        issues: error.issues.map((i) => ({
          ...i,
          path: bodyFields.some((f) => i.path === f || i.path.startsWith(`${f}.`))
            ? i.path
            : i.path === ""
              ? prefix
              : i.path.startsWith("[")
                ? `${prefix}${i.path}`
                : `${prefix}.${i.path}`,
        })),
      });
    }
    throw error;
  }
}
