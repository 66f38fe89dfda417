/**
 * When a failed delivery is tried again: quickly at first (a receiver restarting), then backing off
 * to hours (a receiver down for a while), eight attempts in about a day. A re-send grants a fresh
 * set of attempts.
 */
export const DELIVERY_RETRY_DELAYS_MS = [
  10_000, // 10 s
  60_000, // 1 min
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3_600_000, // 2 h
  6 * 3_600_000, // 6 h
  12 * 3_600_000, // 12 h
] as const;

/** Attempts per delivery (or per re-send): the first plus one per delay. */
export const DELIVERY_MAX_ATTEMPTS = DELIVERY_RETRY_DELAYS_MS.length + 1;

/**
 * The wait after failed attempt number `attempt` (1-based), or null when no attempt is left.
 * `random` in [0, 1) spreads retries by up to ±10% so receivers that failed together do not get
 * every retry at the same instant.
 */
export function nextRetryDelayMs(attempt: number, attemptsLeft: number, random = 0.5): number | null {
  if (attemptsLeft <= 0) return null;
  const index = Math.min(Math.max(attempt, 1), DELIVERY_RETRY_DELAYS_MS.length) - 1;
  const base = DELIVERY_RETRY_DELAYS_MS[index] as number;
  const jitter = 1 + (Math.min(Math.max(random, 0), 0.999_999) * 2 - 1) * 0.1;
  return Math.round(base * jitter);
}
