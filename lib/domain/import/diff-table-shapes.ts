import type { TableShape } from "./table-shape";

/** One field where the live table differs from what was approved. `null` means absent. */
export interface TableDifference {
  /** Request-style path, e.g. `globalSecondaryIndexes["by-status"].projection.type`. */
  path: string;
  expected: unknown;
  actual: unknown;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function childPath(parent: string, key: string): string {
  const segment = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return parent ? `${parent}${segment}` : segment.replace(/^\./, "");
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(expected: unknown, actual: unknown, path: string, out: TableDifference[]): void {
  // Undefined on the expected side means "not part of the approval": never a difference.
  if (expected === undefined) return;
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      // A key only the live side has (an extra index, tag or replica) is a difference too.
      if (!(key in expected)) out.push({ path: childPath(path, key), expected: null, actual: actual[key] ?? null });
      else walk(expected[key], actual[key], childPath(path, key), out);
    }
    return;
  }
  if (!same(expected, actual ?? null)) out.push({ path, expected, actual: actual ?? null });
}

/**
 * Field-by-field differences between an expected and a live table shape, in a stable order
 * (the shape's field order, then names as they appear). Keyed collections report a missing or
 * extra index, replica or tag as one difference at its name, not one per nested field.
 */
export function diffTableShapes(expected: TableShape, actual: TableShape): TableDifference[] {
  const out: TableDifference[] = [];
  walk(expected, actual, "", out);
  return out;
}
