import { AppError } from "@/lib/domain/app-error";

/** The version the client last saw, from the body or an If-Match header ("3" or W/"3"). */
export function expectedVersionOf(req: Request, bodyVersion?: number): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = req.headers.get("if-match");
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new AppError("BAD_REQUEST", 'If-Match must be the version number, e.g. "3"');
  return Number(match[1]);
}

const BODY_FIELDS = ["acknowledgement", "tableId", "driftResolution"] as const;

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
