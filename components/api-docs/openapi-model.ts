/**
 * The OpenAPI document reduced to what the reference page shows: operations grouped by tag, their
 * parameters, a ready-to-send example body, and the responses. Pure; works on any OpenAPI 3.1
 * document shaped like ours (local `#/components/schemas/...` references only).
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  minimum?: number;
  description?: string;
};

type OpenApiParameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type OpenApiOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema; example?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};
export type OpenApiDocument = {
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export interface ApiParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  /** "string", "integer", "one of: dev, staging, prod". */
  type: string;
  options?: string[];
}

export interface ApiOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  requiresAuth: boolean;
  /** Whether a session needs the CSRF header for it (every method but GET). */
  isWrite: boolean;
  parameters: ApiParameter[];
  body?: { schemaName?: string; example: string };
  responses: { status: string; description: string; schemaName?: string }[];
}

export interface ApiReference {
  tags: { name: string; operations: ApiOperation[] }[];
  schemas: { name: string; json: string }[];
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function refName(schema: JsonSchema | undefined): string | undefined {
  return schema?.$ref?.startsWith("#/components/schemas/")
    ? schema.$ref.slice("#/components/schemas/".length)
    : undefined;
}

function describeType(schema: JsonSchema | undefined): { type: string; options?: string[] } {
  if (!schema) return { type: "string" };
  if (schema.enum) {
    const options = schema.enum.map(String);
    return { type: `one of: ${options.join(", ")}`, options };
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? refName(schema) ?? "value");
  return { type };
}

/**
 * A small valid-looking value for a schema: its example or default, the first enum value, the
 * required properties of an object. `known` gives whole examples for named schemas (the table
 * request), which a generated one could not make valid.
 */
export function exampleOf(
  schema: JsonSchema | undefined,
  schemas: Record<string, JsonSchema>,
  known: Record<string, unknown> = {},
  depth = 0,
): unknown {
  if (!schema || depth > 8) return null;
  const name = refName(schema);
  if (name) return name in known ? known[name] : exampleOf(schemas[name], schemas, known, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (variant) return exampleOf(variant, schemas, known, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        out[key] = exampleOf(schema.properties?.[key], schemas, known, depth + 1);
      return out;
    }
    case "array":
      return [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    case "string":
      return "";
    default:
      return null;
  }
}

/** Every operation of the document, grouped by tag in the document's order, and its named schemas. */
export function buildApiReference(doc: OpenApiDocument, known: Record<string, unknown> = {}): ApiReference {
  const schemas = doc.components?.schemas ?? {};
  const groups = new Map<string, ApiOperation[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Other";
      const content = op.requestBody?.content?.["application/json"];
      const operation: ApiOperation = {
        id: op.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description,
        tag,
        requiresAuth: (op.security?.length ?? 0) > 0,
        isWrite: method !== "get",
        parameters: (op.parameters ?? [])
          .filter((p): p is OpenApiParameter & { in: ApiParameter["in"] } => ["path", "query", "header"].includes(p.in))
          .map((p) => ({
            name: p.name,
            in: p.in,
            required: p.in === "path" || Boolean(p.required),
            description: p.description ?? p.schema?.description,
            ...describeType(p.schema),
          })),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description ?? "",
          schemaName: refName(Object.values(r.content ?? {})[0]?.schema),
        })),
      };
      if (content) {
        const example = content.example ?? exampleOf(content.schema, schemas, known);
        operation.body = { schemaName: refName(content.schema), example: JSON.stringify(example, null, 2) };
      }
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return {
    tags: [...groups].map(([name, operations]) => ({ name, operations })),
    schemas: Object.entries(schemas).map(([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) })),
  };
}

/** `/api/v1/change-requests/{key}` with `{ key: "TW-1" }`; values are URL-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}

/** Element ids from operation ids and schema names. */
export function anchorOf(...parts: string[]): string {
  return parts
    .join("-")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .toLowerCase();
}
