export interface FieldChange {
  /** Path in the request, in the same notation as validation issues (`a.b[2].c`). */
  path: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Leaf-level differences between two JSON values, in a stable (sorted-key) order. */
export function diffJson(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: FieldChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      if (i >= before.length) changes.push({ path: join(path, i), before: undefined, after: after[i] });
      else if (i >= after.length) changes.push({ path: join(path, i), before: before[i], after: undefined });
      else changes.push(...diffJson(before[i], after[i], join(path, i)));
    }
    return changes;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffJson(before[key], after[key], join(path, key)));
  }
  return [{ path: path || "(root)", before, after }];
}
