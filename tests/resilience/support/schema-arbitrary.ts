// Values generated from a JSON Schema (the table request's, as published at
// /api/v1/schemas/table-request), so the fuzzer reaches every optional block (backup, alarms,
// workload, replicas, GSIs, LSIs, stream, ttl...) with values of the right shape, near and past
// their limits, and strings drawn from the syntaxes the engine parses (cron, ARNs, Regions).
// Seeded through fast-check, so a run is reproducible from its seed.
import fc from "fast-check";

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema nodes are free-form
type SchemaNode = Record<string, any>;

const CRON_TOKENS = [
  "*",
  "?",
  "0",
  "1",
  "3",
  "7",
  "12",
  "15",
  "23",
  "31",
  "59",
  "60",
  "0/0",
  "*/0",
  "0/1",
  "*/6",
  "5/15",
  "1-5",
  "9-2",
  "1,3,5",
  "MON",
  "MON-FRI",
  "JAN",
  "JAN-DEC",
  "L",
  "LW",
  "15W",
  "6L",
  "3#2",
  "2#9",
  "1970",
  "2199",
  "2200",
  ",",
  "/",
  "-",
];
const cronLike = fc
  .tuple(
    fc.array(fc.array(fc.constantFrom(...CRON_TOKENS), { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 8 }),
    fc.boolean(),
  )
  .map(([fields, wrap]) => {
    const text = fields.map((f) => f.join("")).join(" ");
    return wrap ? `cron(${text})` : text;
  });

const sixFieldCron = fc
  .array(fc.array(fc.constantFrom(...CRON_TOKENS), { minLength: 1, maxLength: 3 }), { minLength: 6, maxLength: 6 })
  .map((fields) => `cron(${fields.map((f) => f.join("")).join(" ")})`);

/** Strings that exercise the parsers behind string fields, plus plain and hostile text. */
export const interestingString = (maxLength = 1024) =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: Math.min(maxLength, 40) }) },
      { weight: 2, arbitrary: cronLike },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "\uFEFF",
          "__proto__",
          "constructor",
          "${jndi:ldap://x}",
          '"; rm -rf / #',
          "${var.x}",
          "%{ if true }x%{ endif }",
          "<script>alert(1)</script>",
          "arn:aws:sns:us-east-1:123456789012:alerts",
          "arn:aws:kms:us-east-1:123456789012:key/abc",
          "arn:aws:kms:eu-west-1:123456789012:alias/x",
          "us-east-1",
          "rate(0 hours)",
          "rate(1 minute)",
          "cron(0 3 * * ? *)",
          "cron(0/0 * * * ? *)",
          "cron(0 */0 * * ? *)",
          "cron(* * * * ? 1970-2199)",
          "S",
          "N",
          "B",
        ),
      },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => "x".repeat(Math.min(maxLength, 256 * n))) },
    )
    .map((s) => s.slice(0, maxLength));

function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const path = String(current.$ref).replace(/^#\//, "").split("/");
    current = path.reduce<SchemaNode>((n, part) => n?.[part], root);
  }
  return current ?? {};
}

/**
 * An arbitrary for a schema node: objects with every optional property sometimes present
 * (fc.record with only the required keys required), enums and consts, numbers across and just past
 * their bounds, arrays up to and just past maxItems. `depth` stops runaway recursion.
 */
export function fromSchema(node: SchemaNode, root: SchemaNode, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(node, root);
  if (depth > 8) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const options = (schema.oneOf ?? schema.anyOf) as SchemaNode[];
    return fc.oneof(...options.map((o) => fromSchema(o, root, depth + 1)));
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fromSchema(v, root, depth + 1)])),
        { requiredKeys: (schema.required ?? []) as string[] },
      );
      if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        const extra = fc.dictionary(
          interestingString(schema.propertyNames?.maxLength ?? 128),
          fromSchema(schema.additionalProperties, root, depth + 1),
          { maxKeys: 8 },
        );
        return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
      }
      return record;
    }
    case "array": {
      const max = Math.min(Number(schema.maxItems ?? 5), 40);
      const item = fromSchema(schema.items ?? {}, root, depth + 1);
      // Mostly short (the engine runs in full on them); sometimes at the limit, sometimes one past it.
      return fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: Math.min(max, 3) }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: max, maxLength: max }) },
        { weight: 1, arbitrary: fc.array(item, { minLength: max + 1, maxLength: max + 1 }) },
      );
    }
    case "string":
      // A field the schema describes as a cron expression gets mostly six-field cron(...) text.
      if (/\bcron\b/i.test(String(schema.description ?? ""))) {
        return fc.oneof(
          { weight: 3, arbitrary: sixFieldCron },
          { weight: 1, arbitrary: interestingString(schema.maxLength) },
        );
      }
      return interestingString(schema.maxLength ?? 1024);
    case "integer":
    case "number": {
      const min = Number(schema.minimum ?? -1e6);
      const max = Number(schema.maximum ?? 1e9);
      const inRange =
        type === "integer"
          ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) })
          : fc.double({ min, max, noNaN: true });
      return fc.oneof(
        { weight: 6, arbitrary: inRange },
        { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1, 0, 1) },
      );
    }
    case "boolean":
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Requests that keep a valid base and replace some of its top-level blocks with generated ones:
 * enough stays valid that the whole engine (validation, cost, DR preview, rendering) runs on the
 * generated block, which is where the zero-step backup schedule hid.
 */
export function tableRequestArbitrary(schema: SchemaNode, base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const root = schema;
  const request = resolve(schema, root);
  const properties = (request.properties ?? {}) as Record<string, SchemaNode>;
  const names = Object.keys(properties);
  return fc
    .subarray(names, { minLength: 1, maxLength: 6 })
    .chain((chosen) =>
      fc.record(Object.fromEntries(chosen.map((name) => [name, fromSchema(properties[name] as SchemaNode, root, 1)]))),
    )
    .map((blocks) => ({ ...base, ...blocks }));
}
