import "server-only";
import { AppError } from "@/lib/domain/app-error";

/** One column of a keyset order; the last one must be unique (the row id) so the order is total. */
export interface KeysetColumn<Field extends string = string> {
  field: Field;
  direction: "asc" | "desc";
  kind: "date" | "number" | "string";
}

export type KeysetValue = Date | number | string;

/**
 * A keyset order on `columns`, all in one direction, with the row id last so the order is total
 * (two rows created in the same millisecond, or of the same cost, still have a fixed order).
 */
export function keysetOrder<Field extends string>(
  direction: KeysetColumn["direction"],
  ...columns: [field: Field, kind: KeysetColumn["kind"]][]
): KeysetColumn<Field | "id">[] {
  return [...columns.map(([field, kind]) => ({ field, direction, kind })), { field: "id", direction, kind: "string" }];
}

/**
 * Keyset ("seek") pagination: a page continues strictly after the last row of the previous one in
 * a total order, so pages never skip or repeat a row when rows arrive or leave, and a deep page
 * costs what the first one does (an index range, not an OFFSET). The cursor is opaque to clients:
 * the order's name and the last row's values.
 */
export function encodeCursor(order: string, values: readonly KeysetValue[]): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify([order, ...plain])).toString("base64url");
}

/** The values of a cursor made by `encodeCursor` for the same order, or a 400 naming `cursor`. */
export function decodeCursor(value: string, order: string, columns: readonly KeysetColumn[]): KeysetValue[] {
  const refuse = () =>
    new AppError("BAD_REQUEST", "the cursor is not one this API issued", {
      issues: [{ path: "cursor", code: "CURSOR_INVALID", message: "pass the nextCursor of a previous page" }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== columns.length + 1 || parsed[0] !== order) throw refuse();
  return columns.map((column, i) => {
    const raw: unknown = parsed[i + 1];
    if (column.kind === "number" && typeof raw === "number" && Number.isFinite(raw)) return raw;
    if (column.kind === "string" && typeof raw === "string") return raw;
    if (column.kind === "date" && typeof raw === "string" && !Number.isNaN(Date.parse(raw))) return new Date(raw);
    throw refuse();
  });
}

/**
 * The condition "after these values" in the order, for a Prisma `where`: (a > x) OR (a = x AND
 * b > y) OR ... with each column's direction. Every column must be non-null in the rows paged.
 */
export function keysetAfter(columns: readonly KeysetColumn[], values: readonly KeysetValue[]) {
  return {
    OR: columns.map((column, i) => {
      const condition: Record<string, unknown> = {};
      for (let j = 0; j < i; j++) condition[(columns[j] as KeysetColumn).field] = values[j];
      condition[column.field] = { [column.direction === "asc" ? "gt" : "lt"]: values[i] };
      return condition;
    }),
  };
}

/** The Prisma `orderBy` of a keyset order. */
export function keysetOrderBy(columns: readonly KeysetColumn[]) {
  return columns.map((column) => ({ [column.field]: column.direction }));
}
