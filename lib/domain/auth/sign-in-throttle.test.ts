import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_THROTTLE,
  checkThrottle,
  NO_FAILURES,
  recordFailure,
  type ThrottleState,
  throttleDelayMs,
} from "./sign-in-throttle";

const policy = ACCOUNT_THROTTLE;

describe("sign-in throttle", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [9, 16_000],
    [14, 512_000],
    [15, 900_000],
    [1_000_000, 900_000],
  ])("%i failures impose %i ms", (failures, delay) => {
    expect(throttleDelayMs(failures, policy)).toBe(delay);
  });

  it("lets the first five attempts through, then makes each wait longer", () => {
    let state: ThrottleState = NO_FAILURES;
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(checkThrottle(state, t0, policy)).toEqual({ allowed: true });
      state = recordFailure(state, t0, policy);
    }
    expect(checkThrottle(state, t0 + 999, policy)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(checkThrottle(state, t0 + 1_000, policy)).toEqual({ allowed: true });
    state = recordFailure(state, t0 + 1_000, policy);
    expect(checkThrottle(state, t0 + 2_000, policy)).toEqual({ allowed: false, retryAfterMs: 1_000 });
  });

  it("25 wrong passwords in 5 seconds leave the right one refused (the reported attack)", () => {
    let state: ThrottleState = NO_FAILURES;
    let tried = 0;
    for (let t = 0; t < 5_000; t += 200) {
      if (!checkThrottle(state, t, policy).allowed) continue;
      tried++;
      state = recordFailure(state, t, policy);
    }
    expect(tried).toBeLessThan(10);
    expect(checkThrottle(state, 5_000, policy).allowed).toBe(false);
  });

  it("forgets failures after an hour without one", () => {
    const state = { failures: 50, lastFailureAt: 0 };
    expect(checkThrottle(state, 60 * 60_000, policy)).toEqual({ allowed: true });
    expect(recordFailure(state, 60 * 60_000, policy)).toEqual({ failures: 1, lastFailureAt: 60 * 60_000 });
  });

  it("never waits longer than the maximum, and never a negative or infinite time", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 2 ** 31 }), fc.integer({ min: 0, max: 2 ** 40 }), (failures, elapsed) => {
        const decision = checkThrottle({ failures, lastFailureAt: 0 }, elapsed, policy);
        if (!decision.allowed) {
          expect(decision.retryAfterMs).toBeGreaterThan(0);
          expect(decision.retryAfterMs).toBeLessThanOrEqual(policy.maxDelayMs);
        }
      }),
    );
  });
});
