import * as z from "zod";

type JsonSchema = { [key: string]: unknown };

/**
 * A zod schema as the JSON Schema an MCP tool lists. Draft-07, because that is the dialect the
 * SDK's client compiles with (Ajv's default); `io` picks what a caller sends (defaults optional)
 * or what a tool returns. MCP wants `type: "object"` at the root, so a schema that zod emits as a
 * `$ref` to a named definition (one with a `.meta({ id })`) gets that definition hoisted to the root,
 * the definitions kept for the references inside it.
 */
export function toToolJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema & { type: "object" } {
  const generated = z.toJSONSchema(schema, { target: "draft-7", io, unrepresentable: "any" }) as JsonSchema;
  const ref = generated.$ref;
  const definitions = (generated.definitions ?? {}) as Record<string, JsonSchema>;
  let root = generated;
  if (typeof ref === "string" && ref.startsWith("#/definitions/")) {
    const { $ref: _ref, ...rest } = generated;
    root = { ...rest, ...definitions[ref.slice("#/definitions/".length)] };
  }
  if (root.type !== "object") throw new Error(`an MCP tool schema must be an object at its root (got ${root.type})`);
  return root as JsonSchema & { type: "object" };
}
