import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VALIDATION_CODES } from "./codes";

const ROOT = path.resolve(__dirname, "../../..");
const doc = readFileSync(path.join(ROOT, "docs/validation-codes.md"), "utf8");
// Rows of the codes table: | `CODE` | severity | source | meaning | reference |
const rows = [...doc.matchAll(/^\| `([A-Z0-9_]+)` \| (error|warning) \| (\w+) \|/gm)].map((m) => ({
  code: m[1] as string,
  severity: m[2],
  source: m[3],
}));

describe("docs/validation-codes.md", () => {
  it("lists every code of the catalogue once, with its severity and source", () => {
    const catalogue = Object.entries(VALIDATION_CODES).map(([code, info]) => ({
      code,
      severity: info.severity,
      source: info.source,
    }));
    expect(rows.map((r) => r.code).sort()).toEqual(Object.keys(VALIDATION_CODES).sort());
    expect(rows).toEqual(expect.arrayContaining(catalogue));
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });

  it("names only codes that exist wherever it mentions one", () => {
    // Upper-snake words in the prose that are AWS enums or identifiers, not codes.
    const notCodes = new Set([
      "VALIDATION_CODES",
      "NEW_AND_OLD_IMAGES",
      "PAY_PER_REQUEST",
      "STANDARD_INFREQUENT_ACCESS",
      "ACTIVE_ACTIVE_MREC",
    ]);
    const mentioned = [...doc.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1] as string);
    // The coverage table abbreviates a family as `PROJECTION_..._REQUIRED` -> `_REQUIRED`; skip those.
    expect(mentioned.filter((c) => !(c in VALIDATION_CODES) && !notCodes.has(c))).toEqual([]);
  });

  it("example files are named after real codes", () => {
    for (const dir of ["invalid", "warnings"]) {
      for (const file of readdirSync(path.join(ROOT, "examples/requests", dir))) {
        expect(Object.keys(VALIDATION_CODES)).toContain(file.replace(/\.json$/, ""));
      }
    }
  });
});
