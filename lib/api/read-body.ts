import { AppError } from "@/lib/domain/app-error";

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Reads a request body up to `maxBytes`, counting as it streams so a lying or missing
 * Content-Length cannot make the server buffer more than the limit.
 */
export async function readBodyText(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `the body is ${declared} bytes; the limit is ${maxBytes}`);
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE", `the body is larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body after checking its media type; bad JSON is a 400 that says where. */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `send the body as application/json (got ${type || "no content type"})`,
    );
  }
  const text = await readBodyText(req, maxBytes);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "the body is empty; send a JSON document");
  // PostgreSQL text cannot hold U+0000, so a stored comment, reason or title with one failed as a 500
  // (found by the resilience fuzzer). An escaped NUL (an odd run of backslashes before u0000) is refused here.
  if (/(?<!\\)(?:\\\\)*\\u0000/.test(text)) {
    throw new AppError("BAD_REQUEST", "strings in the body must not contain the NUL character (\\u0000)");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `the body is not valid JSON: ${(error as Error).message}`);
  }
}
