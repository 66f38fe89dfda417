import { readFile } from "node:fs/promises";
import path from "node:path";

// Swagger UI's own files, served from the installed swagger-ui-dist package (no CDN: the portal
// runs offline and under a strict CSP).
const FILES: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// Resolved from the working directory: bundlers rewrite require.resolve into module ids.
const distDir = path.join(process.cwd(), "node_modules", "swagger-ui-dist");

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = FILES[file];
  if (!type) return new Response("not found", { status: 404 });
  const body = await readFile(path.join(distDir, file));
  return new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
}
