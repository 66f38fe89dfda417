/**
 * Rules a webhook URL must meet when a team registers it. Where it may point (which hosts and
 * addresses) is decided later, at delivery time, after DNS resolution (lib/server/notifications).
 */
export const MAX_WEBHOOK_URL_LENGTH = 2_000;

export type WebhookUrlProblem = { code: string; message: string };

/** Returns null for an acceptable URL, or the first problem found. */
export function checkWebhookUrl(value: string): WebhookUrlProblem | null {
  if (value.length > MAX_WEBHOOK_URL_LENGTH) {
    return { code: "WEBHOOK_URL_TOO_LONG", message: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: "WEBHOOK_URL_INVALID", message: "must be an absolute URL such as https://hooks.example.com/tw" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { code: "WEBHOOK_URL_SCHEME", message: `must use http or https, not ${url.protocol.replace(/:$/, "")}` };
  }
  if (url.username || url.password) {
    return {
      code: "WEBHOOK_URL_CREDENTIALS",
      message: "must not carry a user name or password; the signature authenticates Tablewright",
    };
  }
  if (!url.hostname) return { code: "WEBHOOK_URL_INVALID", message: "must name a host" };
  return null;
}

/**
 * The URL as lists show it: scheme, host and path, with the query string hidden, and for Slack
 * (whose webhook path is itself the secret) the path hidden too.
 */
export function maskWebhookUrl(value: string, kind: string): string {
  try {
    const url = new URL(value);
    const path = kind === "SLACK" ? (url.pathname.length > 1 ? "/…" : "/") : url.pathname;
    return `${url.protocol}//${url.host}${path}${url.search ? "?…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}
