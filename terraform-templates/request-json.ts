/** Objects get sorted keys; arrays keep their order (index and replica order is meaningful). */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = stable(v);
    }
    return out;
  }
  return value;
}

/** `request.json`: the parsed request (defaults applied), sorted keys, two-space indent. */
export function renderRequestJson(request: unknown): string {
  return `${JSON.stringify(stable(request), null, 2)}\n`;
}
