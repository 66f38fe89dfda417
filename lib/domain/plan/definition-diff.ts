import type { TableRequest } from "../request/schema";

/**
 * A table definition as the planner compares it: the request with its arrays of indexes and
 * replicas keyed by name and Region, because DynamoDB and the provider know them by name (the
 * provider keeps them in sets): reordering them changes nothing, renaming one is a delete and an
 * add. A GSI's non-key attributes are a set in the provider too; an LSI's are an ordered,
 * ForceNew list, so their order counts.
 */
export type DefinitionShape = Record<string, unknown>;
export type Segments = readonly string[];

export interface DefinitionLeaf {
  segments: string[];
  /** Display path, e.g. `globalSecondaryIndexes["by-status"].projection.type`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** Keyed collections of the request: where they sit and the field that names each member. */
const KEYED_COLLECTIONS: readonly { segments: Segments; key: string }[] = [
  { segments: ["globalSecondaryIndexes"], key: "name" },
  { segments: ["localSecondaryIndexes"], key: "name" },
  { segments: ["regions", "replicas"], key: "region" },
];
/** Parents whose children are named by data (index names, Regions, tag keys), shown in brackets. */
const NAMED_PARENTS = new Set(["globalSecondaryIndexes", "localSecondaryIndexes", "regions.replicas", "tags"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Formats segments the way plan changes name fields. */
export function formatSegments(segments: Segments): string {
  let out = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const parent = segments.slice(0, i).join(".");
    if (NAMED_PARENTS.has(parent)) out += `[${JSON.stringify(segment)}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

export function toDefinitionShape(request: TableRequest): DefinitionShape {
  // No deep copy: shapes are never changed in place (setAt copies the path it writes).
  let shape = request as unknown as DefinitionShape;
  for (const { segments, key } of KEYED_COLLECTIONS) {
    const list = getAt(shape, segments);
    if (!Array.isArray(list)) continue;
    const keyed: Record<string, unknown> = {};
    for (const item of list) keyed[String((item as Record<string, unknown>)[key])] = item;
    shape = setAt(shape, segments, keyed);
  }
  return shape;
}

/**
 * Back to a request. Keyed members are listed in the order they have in `orderHints` (first
 * hint first), so an intermediate definition keeps the requested order where it can. The result
 * shares unchanged parts with `shape` (shapes are never changed in place: see `setAt`).
 */
export function fromDefinitionShape(shape: DefinitionShape, orderHints: readonly TableRequest[]): TableRequest {
  let out = shape;
  for (const { segments, key } of KEYED_COLLECTIONS) {
    const keyed = getAt(out, segments);
    if (!isRecord(keyed)) continue;
    const order: string[] = [];
    for (const hint of orderHints) {
      const list = getAt(hint as unknown as DefinitionShape, segments);
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const name = String((item as Record<string, unknown>)[key]);
        if (!order.includes(name)) order.push(name);
      }
    }
    for (const name of Object.keys(keyed)) if (!order.includes(name)) order.push(name);
    out = setAt(
      out,
      segments,
      order.filter((name) => name in keyed).map((name) => keyed[name]),
    );
  }
  return out as unknown as TableRequest;
}

export function getAt(root: unknown, segments: Segments): unknown {
  let node = root;
  for (const segment of segments) {
    if (!isRecord(node)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * A copy of `root` with the value at `segments` set (or, with `undefined`, deleted), creating
 * parent objects. Copy-on-write: only the objects on the path are copied and `root` is left as it
 * is, so shapes can share everything else.
 */
export function setAt(root: DefinitionShape, segments: Segments, value: unknown): DefinitionShape {
  const [head, ...rest] = segments;
  if (head === undefined) throw new Error("setAt needs a path; replace the whole shape instead");
  const copy: DefinitionShape = { ...root };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = root[head];
  if (!isRecord(child) && value === undefined) return root;
  copy[head] = setAt(isRecord(child) ? child : {}, rest, value);
  return copy;
}

/** A GSI's projected non-key attributes: a set in the provider, so order does not count. */
function isSetValued(segments: Segments): boolean {
  return (
    segments.length === 4 &&
    segments[0] === "globalSecondaryIndexes" &&
    segments[2] === "projection" &&
    segments[3] === "nonKeyAttributes"
  );
}

function sameLeaf(segments: Segments, a: unknown, b: unknown): boolean {
  if (isSetValued(segments) && Array.isArray(a) && Array.isArray(b)) {
    return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(before: unknown, after: unknown, segments: string[], out: DefinitionLeaf[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const key of keys) walk(before[key], after[key], [...segments, key], out);
    return;
  }
  if (sameLeaf(segments, before, after)) return;
  out.push({ segments, path: formatSegments(segments), before, after });
}

/**
 * Every field where `after` differs from `before`, as leaves: a member added or removed from a
 * keyed collection, or a value that differs, is one leaf; objects present on both sides are
 * walked into.
 */
export function diffDefinitions(before: TableRequest, after: TableRequest): DefinitionLeaf[] {
  const out: DefinitionLeaf[] = [];
  walk(toDefinitionShape(before), toDefinitionShape(after), [], out);
  return out;
}

/** True when `prefix` is `segments` or one of its ancestors. */
export function covers(prefix: Segments, segments: Segments): boolean {
  return prefix.length <= segments.length && prefix.every((s, i) => s === segments[i]);
}
