/** Largest request accepted, serialised: the same 1 MiB as the API body and CLI input limits. */
export const MAX_REQUEST_BYTES = 1_048_576;
/** Deepest nesting accepted; a real request nests 6 levels, so 32 only stops abuse. */
export const MAX_REQUEST_DEPTH = 32;

export type InputLimitFinding = { kind: "too-large"; bytes: number } | { kind: "too-deep"; depth: number };

/**
 * Measures an untrusted value before zod sees it, so a 10 MB string or a 10,000-level array costs
 * one bounded walk instead of a zod parse (or a stack overflow). The size is an estimate of the
 * serialised JSON that never under-counts strings; the walk stops at the first limit it passes,
 * which also makes it safe on cyclic objects handed in by JavaScript callers.
 */
export function checkInputLimits(input: unknown): InputLimitFinding | undefined {
  let bytes = 0;
  // Iterative walk: recursion on hostile depth would overflow the stack before we could report.
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === "string") {
      bytes += value.length + 2;
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_REQUEST_DEPTH) return { kind: "too-deep", depth: depth + 1 };
      bytes += 2;
      if (Array.isArray(value)) {
        for (const item of value) {
          bytes += 1;
          if (bytes > MAX_REQUEST_BYTES) return { kind: "too-large", bytes };
          stack.push({ value: item, depth: depth + 1 });
        }
      } else {
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          bytes += key.length + 4;
          if (bytes > MAX_REQUEST_BYTES) return { kind: "too-large", bytes };
          stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
        }
      }
    } else {
      bytes += 5;
    }
    if (bytes > MAX_REQUEST_BYTES) return { kind: "too-large", bytes };
  }
  return undefined;
}
