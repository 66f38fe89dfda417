/**
 * The sign-in throttle as a pure rule: how long someone must wait before the next password
 * attempt, given how many attempts failed recently. lib/server/auth/sign-in-throttle.ts keeps the
 * counts in the database (shared by every instance) per account and per client address.
 *
 * After `freeFailures` failures the wait doubles with each further failure, from `baseDelayMs` up
 * to `maxDelayMs`; a count nobody has added to for `forgetAfterMs` starts again from zero.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export interface ThrottleState {
  failures: number;
  /** Epoch milliseconds of the last counted attempt; undefined when there is none. */
  lastFailureAt: number | undefined;
}

/** One person's account: five tries, then 1 s, 2 s, 4 s ... up to 15 minutes between attempts. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** One client address, which may be a whole office behind NAT: more room before the back-off starts. */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 30,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: undefined };

/** The failures that still count at `now` (old ones are forgotten). */
export function currentFailures(state: ThrottleState, now: number, policy: ThrottlePolicy): number {
  if (state.lastFailureAt === undefined || now - state.lastFailureAt >= policy.forgetAfterMs) return 0;
  return Math.max(0, Math.trunc(state.failures));
}

/** The wait that `failures` recent failures impose after the last one. */
export function throttleDelayMs(failures: number, policy: ThrottlePolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond < 0) return 0;
  // 2 ** 30 already exceeds any sane maximum; capping the exponent keeps the number finite.
  return Math.min(policy.baseDelayMs * 2 ** Math.min(beyond, 30), policy.maxDelayMs);
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Whether an attempt may be made at `now`. */
export function checkThrottle(state: ThrottleState, now: number, policy: ThrottlePolicy): ThrottleDecision {
  const failures = currentFailures(state, now, policy);
  if (failures === 0 || state.lastFailureAt === undefined) return { allowed: true };
  const until = state.lastFailureAt + throttleDelayMs(failures, policy);
  return now >= until ? { allowed: true } : { allowed: false, retryAfterMs: until - now };
}

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState, now: number, policy: ThrottlePolicy): ThrottleState {
  return { failures: currentFailures(state, now, policy) + 1, lastFailureAt: now };
}
