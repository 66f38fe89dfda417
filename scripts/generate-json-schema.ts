import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { TableRequestSchema } from "../lib/domain/request/schema";

/** Where the published JSON Schema lives; automation users download it from here. */
export const JSON_SCHEMA_PATH = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "schema",
  "table-request.schema.json",
);

/**
 * The JSON Schema of what a client sends (`io: "input"`: defaults are optional), rendered as the
 * exact bytes checked in, so a test can compare them and fail when the zod schema moved on.
 */
export function renderTableRequestJsonSchema(): string {
  const schema = z.toJSONSchema(TableRequestSchema, { io: "input" });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(JSON_SCHEMA_PATH, renderTableRequestJsonSchema());
  console.log(`wrote ${path.relative(process.cwd(), JSON_SCHEMA_PATH)}`);
}
