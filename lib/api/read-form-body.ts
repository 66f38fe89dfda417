import { AppError } from "@/lib/domain/app-error";
import { readBodyText } from "./read-body";

/** An HTML form of a few fields never needs more; the sign-in and sign-out forms are under 1 KB. */
export const MAX_FORM_BYTES = 16_384;

/**
 * Reads an HTML form post with the same streaming limit as the API's JSON bodies (413 beyond
 * `maxBytes`, counted as it arrives), so an unauthenticated client cannot make the server buffer
 * a huge body. URL-encoded and multipart forms are accepted; anything else is a 415.
 */
export async function readFormBody(req: Request, maxBytes = MAX_FORM_BYTES): Promise<URLSearchParams> {
  const type = req.headers.get("content-type") ?? "";
  const isUrlEncoded = /^application\/x-www-form-urlencoded\b/i.test(type);
  const isMultipart = /^multipart\/form-data\b/i.test(type);
  if (!isUrlEncoded && !isMultipart) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `send the form as application/x-www-form-urlencoded (got ${type || "no content type"})`,
    );
  }
  const text = await readBodyText(req, maxBytes);
  if (isUrlEncoded) return new URLSearchParams(text);
  try {
    const form = await new Response(text, { headers: { "content-type": type } }).formData();
    const fields = new URLSearchParams();
    for (const [name, value] of form) if (typeof value === "string") fields.append(name, value);
    return fields;
  } catch {
    throw new AppError("BAD_REQUEST", "the form body is not valid multipart/form-data");
  }
}

/** Whether the caller asked for JSON (a script) rather than a page (a browser's form post). */
export function wantsJson(req: Request): boolean {
  const accept = req.headers.get("accept") ?? "";
  return /application\/(problem\+)?json/i.test(accept) && !/text\/html/i.test(accept);
}
