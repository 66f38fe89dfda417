import { timingSafeEqual } from "node:crypto";
import { getMetrics } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

function authorised(req: Request, token: string): boolean {
  const sent = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics. Protected by TABLEWRIGHT_METRICS_TOKEN (a bearer token for the scraper);
 * without one configured the endpoint stays off, so nothing leaks by default.
 */
export async function GET(req: Request) {
  const token = process.env.TABLEWRIGHT_METRICS_TOKEN;
  if (!token) {
    return new Response(
      "metrics are off: set TABLEWRIGHT_METRICS_TOKEN and scrape with Authorization: Bearer <token>\n",
      {
        status: 404,
        headers: { "content-type": "text/plain" },
      },
    );
  }
  if (!authorised(req, token)) {
    return new Response("unauthorised\n", {
      status: 401,
      headers: { "content-type": "text/plain", "www-authenticate": "Bearer" },
    });
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
