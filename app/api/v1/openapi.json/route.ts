import { buildOpenApiDocument } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json: generated from the route registry and the handlers' zod schemas. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
