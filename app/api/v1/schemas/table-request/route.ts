import tableRequestSchema from "@/schema/table-request.schema.json";

/** GET /api/v1/schemas/table-request: the checked-in JSON Schema (a test keeps it in step with zod). */
export function GET() {
  return Response.json(tableRequestSchema, {
    headers: { "content-type": "application/schema+json", "cache-control": "public, max-age=300" },
  });
}
