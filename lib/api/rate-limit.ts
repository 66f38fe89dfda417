/**
 * Per-token request budget, a fixed one-minute window kept in this process's memory. With several
 * instances the effective limit is the per-instance limit times the number of instances (documented
 * in docs/operations.md); a shared store would cost a database write per request.
 */
export const RATE_LIMIT_PER_MINUTE = Number(process.env.TABLEWRIGHT_RATE_LIMIT_PER_MINUTE ?? 1200);

// On globalThis: Next may load each route's bundle with its own copy of this module.
const holder = globalThis as typeof globalThis & {
  __tablewrightRateWindows?: Map<string, { start: number; count: number }>;
};
holder.__tablewrightRateWindows ??= new Map();
const windows = holder.__tablewrightRateWindows;

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export function takeRateLimit(key: string, limit = RATE_LIMIT_PER_MINUTE, now = Date.now()): RateLimitResult {
  const windowStart = now - (now % 60_000);
  let window = windows.get(key);
  if (!window || window.start !== windowStart) {
    window = { start: windowStart, count: 0 };
    windows.set(key, window);
    if (windows.size > 10_000) {
      for (const [k, w] of windows) if (w.start !== windowStart) windows.delete(k);
    }
  }
  window.count++;
  return {
    allowed: window.count <= limit,
    limit,
    remaining: Math.max(0, limit - window.count),
    resetSeconds: Math.ceil((windowStart + 60_000 - now) / 1000),
  };
}
