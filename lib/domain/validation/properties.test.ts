import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { buildMaximalRequest } from "../../../bench/fixtures/maximal-request";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { TableRequestSchema } from "../request/schema";
import { VALIDATION_CODES } from "./codes";
import { type PathSegment, parseIssuePath } from "./paths";
import type { Loose } from "./test-support";
import type { ValidationResult } from "./types";
import { validateTableRequest } from "./validate-table-request";

const VALID_DIR = path.resolve(__dirname, "../../../examples/requests/valid");
const VALID_EXAMPLES: unknown[] = readdirSync(VALID_DIR).map((f) =>
  JSON.parse(readFileSync(path.join(VALID_DIR, f), "utf8")),
);
const SCHEMA = z.toJSONSchema(TableRequestSchema, { io: "input" }) as Loose;

/** True when `segments` name a place the JSON Schema describes (a field that may be missing). */
function schemaHasPath(node: Loose, segments: PathSegment[]): boolean {
  if (node === undefined) return false;
  if (node.$ref) return schemaHasPath(SCHEMA.$defs[node.$ref.replace("#/$defs/", "")], segments);
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    if (node[key]) return node[key].some((option: Loose) => schemaHasPath(option, segments));
  }
  if (segments.length === 0) return true;
  const [head, ...rest] = segments;
  if (typeof head === "number") return node.type === "array" && schemaHasPath(node.items, rest);
  if (node.type !== "object") return false;
  if (node.properties?.[head as string]) return schemaHasPath(node.properties[head as string], rest);
  return typeof node.additionalProperties === "object" && schemaHasPath(node.additionalProperties, rest);
}

/** True when the path names a value in the input, or a field the schema defines under a value that exists. */
function pointsAtRequestOrSchema(input: unknown, issuePath: string): boolean {
  const segments = parseIssuePath(issuePath);
  if (!segments) return false;
  let value: unknown = input;
  for (const segment of segments) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) {
      return schemaHasPath(SCHEMA, segments);
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}

function expectWellFormed(input: unknown, result: ValidationResult): void {
  expect(typeof result.valid).toBe("boolean");
  expect(result.valid).toBe(!result.issues.some((i) => i.severity === "error"));
  if (result.valid) expect(result.request).toBeDefined();
  for (const issue of result.issues) {
    const info = VALIDATION_CODES[issue.code as keyof typeof VALIDATION_CODES];
    expect(info, issue.code).toBeDefined();
    expect(issue.severity).toBe(info.severity);
    expect(issue.source).toBe(info.source);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(pointsAtRequestOrSchema(input, issue.path), `${issue.code} at "${issue.path}"`).toBe(true);
  }
}

/** Every path to a value inside a JSON document, so a mutation can hit any field. */
function listPaths(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) listPaths(value[i], [...prefix, i], out);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) listPaths(item, [...prefix, key], out);
  }
  return out;
}

function setAt(root: Loose, segments: PathSegment[], value: unknown, remove: boolean): Loose {
  if (segments.length === 0) return remove ? undefined : value;
  let node = root;
  for (const segment of segments.slice(0, -1)) node = node[segment];
  const last = segments[segments.length - 1] as PathSegment;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return root;
}

const BASES = [...VALID_EXAMPLES, buildMaximalRequest()];

describe("the validator on any input", () => {
  it("never throws on arbitrary JSON and explains every finding", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
        expectWellFormed(input, validateTableRequest(input, DEFAULT_TIER_POLICY));
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary JavaScript values", () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 4, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
        (input) => {
          const result = validateTableRequest(input, DEFAULT_TIER_POLICY);
          expect(typeof result.valid).toBe("boolean");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on mutated valid requests, and every issue path points at the request or the schema", () => {
    const mutation = fc.integer({ min: 0, max: BASES.length - 1 }).chain((b) => {
      const paths = listPaths(BASES[b]);
      return fc.tuple(
        fc.constant(b),
        fc.array(
          fc.record({
            path: fc.constantFrom(...paths),
            value: fc.oneof(
              fc.jsonValue({ maxDepth: 2 }),
              fc.constantFrom(
                0,
                -1,
                1,
                35,
                36,
                40_001,
                "",
                "us-east-1",
                "eu-west-1",
                "STRONG",
                "PROVISIONED",
                "INCLUDE",
                true,
                false,
              ),
            ),
            remove: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      );
    });
    fc.assert(
      fc.property(mutation, ([b, edits]) => {
        let input: Loose = structuredClone(BASES[b]);
        for (const edit of edits) {
          try {
            input = setAt(input, edit.path, structuredClone(edit.value), edit.remove);
          } catch {
            // An earlier edit removed this path's parent; skip it.
          }
        }
        expectWellFormed(input, validateTableRequest(input, DEFAULT_TIER_POLICY));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps every valid example valid (no errors) and the maximal fixture too", () => {
    for (const base of BASES) {
      const result = validateTableRequest(base, DEFAULT_TIER_POLICY);
      expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    }
  });
});
