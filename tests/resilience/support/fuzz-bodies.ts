// Generated request bodies for the fuzz test (fast-check): arbitrary JSON, wrong types, mutated valid
// bodies, huge strings, deep nesting and text that is not JSON at all. Each is the raw text sent.
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value (object keys and array indexes), the root included. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** A copy of `base` with the value at `path` replaced (or deleted when `replacement` is undefined). */
function mutate(base: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(base) as Record<string | number, Json>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const nested = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Text bodies for an endpoint whose valid body is `valid`. */
export function bodyArbitrary(valid: Json): fc.Arbitrary<{ kind: string; text: string }> {
  const allPaths = paths(valid);
  const tagged = (kind: string, arb: fc.Arbitrary<string>) => arb.map((text) => ({ kind, text }));
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.array(fc.jsonValue(), { maxLength: 5 }),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }),
    fc.constantFrom(-1, 0, 1e308, -0, 2 ** 53 + 1, "", " ", "\u0000", "__proto__", "constructor"),
  ) as fc.Arbitrary<Json>;
  return fc.oneof(
    {
      weight: 3,
      arbitrary: tagged(
        "arbitrary JSON",
        fc.jsonValue().map((v) => JSON.stringify(v)),
      ),
    },
    {
      weight: 5,
      arbitrary: tagged(
        "mutated valid body",
        fc
          .tuple(fc.constantFrom(...allPaths), fc.option(wrongType, { freq: 4 }))
          .map(([path, value]) => JSON.stringify(mutate(valid, path, value ?? undefined))),
      ),
    },
    {
      weight: 2,
      arbitrary: tagged(
        "several mutations",
        fc.array(fc.tuple(fc.constantFrom(...allPaths), wrongType), { minLength: 2, maxLength: 6 }).map((steps) => {
          let body = valid;
          for (const [path, value] of steps) {
            try {
              body = mutate(body, path, value);
            } catch {
              // an earlier mutation removed this path's parent
            }
          }
          return JSON.stringify(body);
        }),
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        "huge string",
        fc
          .tuple(
            fc.constantFrom(...allPaths),
            fc.string({ minLength: 1, maxLength: 8 }),
            fc.integer({ min: 10_000, max: 300_000 }),
          )
          .map(([path, chunk, length]) =>
            JSON.stringify(mutate(valid, path, chunk.repeat(Math.ceil(length / chunk.length)))),
          ),
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        "deep nesting",
        fc
          .tuple(fc.integer({ min: 50, max: 200_000 }), fc.constantFrom("array", "object", "inside valid"))
          .map(([depth, shape]) => {
            if (shape === "array") return nested(depth, "[", "]");
            if (shape === "object") return nested(depth, '{"a":', "}");
            const text = JSON.stringify(valid);
            // Replace the first value of the body by a deep array, keeping the rest valid.
            return text.startsWith("{") && text.length > 2
              ? `{"nested":${nested(Math.min(depth, 100_000), "[", "]")},${text.slice(1)}`
              : nested(depth, "[", "]");
          }),
      ),
    },
    {
      weight: 1,
      arbitrary: tagged(
        "not JSON",
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom("", " ", "{", '{"a":}', "[1,]", "\uFEFF{}", "null", "NaN", '{"a":1}{"b":2}', "\u0000"),
          fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
        ),
      ),
    },
  );
}
