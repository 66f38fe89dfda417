import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readUnitsPerRead, suggestIndexCapacity, suggestTableCapacity, writeUnitsPerWrite } from "./suggest-capacity";

const base = {
  readsPerSecond: 80,
  writesPerSecond: 10,
  itemSizeBytes: 6 * 1024,
  readConsistency: "STRONG" as const,
  writeMode: "STANDARD" as const,
};

describe("units per operation (AWS unit rules, shared/reference/pricing.md)", () => {
  it.each([
    // bytes, consistency, read units
    [1, "STRONG", 1],
    [4096, "STRONG", 1],
    [4097, "STRONG", 2],
    [6 * 1024, "STRONG", 2],
    [6 * 1024, "EVENTUAL", 1],
    [6 * 1024, "TRANSACTIONAL", 4],
    [1024, "EVENTUAL", 0.5],
  ] as const)("a %s-byte %s read uses %s read units", (bytes, consistency, units) => {
    expect(readUnitsPerRead(bytes, consistency)).toBe(units);
  });

  it.each([
    [1, "STANDARD", 1],
    [1024, "STANDARD", 1],
    [1025, "STANDARD", 2],
    [1536, "STANDARD", 2],
    [1536, "TRANSACTIONAL", 4],
  ] as const)("a %s-byte %s write uses %s write units", (bytes, mode, units) => {
    expect(writeUnitsPerWrite(bytes, mode)).toBe(units);
  });
});

describe("suggestTableCapacity", () => {
  it("works the console's example: 80 strongly consistent reads of 6 KB need 160 RCU; 10 writes need 60 WCU", () => {
    const s = suggestTableCapacity(base, 80);
    expect(s.read.need.averageUnits).toBe(160);
    expect(s.write.need.averageUnits).toBe(60);
    // At 80% target utilisation the table provisions need / 0.8.
    expect(s.read.units).toBe(200);
    expect(s.write.units).toBe(75);
    expect(s.read.autoscaling).toEqual({ minCapacity: 200, maxCapacity: 200, targetUtilization: 80 });
    expect(s.read.need.isPeakGiven).toBe(false);
  });

  it("sizes the auto scaling maximum for the peak", () => {
    const s = suggestTableCapacity({ ...base, readConsistency: "EVENTUAL", peakReadsPerSecond: 20_000 }, 70);
    // 20,000 eventually consistent 8 KB reads = 20,000 RCU; at 70 % that is 28,572 provisioned.
    expect(s.read.need.peakUnits).toBe(20_000);
    expect(s.read.autoscaling.maxCapacity).toBe(28_572);
    expect(s.read.isAboveDefaultQuota).toBe(false);
    const huge = suggestTableCapacity({ ...base, peakReadsPerSecond: 100_000 });
    expect(huge.read.isAboveDefaultQuota).toBe(true);
  });

  it("never suggests less than 1 unit, even for an idle table", () => {
    const s = suggestTableCapacity({ ...base, readsPerSecond: 0, writesPerSecond: 0 });
    expect(s.read.units).toBe(1);
    expect(s.write.autoscaling.minCapacity).toBe(1);
  });

  it("always serves the stated peak at the target utilisation (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          readsPerSecond: fc.double({ min: 0, max: 1e5, noNaN: true }),
          writesPerSecond: fc.double({ min: 0, max: 1e5, noNaN: true }),
          peakReadsPerSecond: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
          peakWritesPerSecond: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
          itemSizeBytes: fc.integer({ min: 1, max: 400 * 1024 }),
          readConsistency: fc.constantFrom("EVENTUAL", "STRONG", "TRANSACTIONAL"),
          writeMode: fc.constantFrom("STANDARD", "TRANSACTIONAL"),
        }),
        fc.integer({ min: 20, max: 90 }),
        (workload, target) => {
          const s = suggestTableCapacity(workload, target);
          for (const side of [s.read, s.write]) {
            expect(Number.isInteger(side.units)).toBe(true);
            expect(side.units).toBeGreaterThanOrEqual(1);
            expect(side.autoscaling.minCapacity).toBeLessThanOrEqual(side.autoscaling.maxCapacity);
            expect(side.autoscaling.maxCapacity * (target / 100)).toBeGreaterThanOrEqual(side.need.peakUnits - 1e-6);
            expect(side.units * (target / 100)).toBeGreaterThanOrEqual(side.need.averageUnits - 1e-6);
          }
        },
      ),
    );
  });
});

describe("suggestIndexCapacity", () => {
  it("writes the whole item to an ALL index and one unit per write to a KEYS_ONLY one", () => {
    expect(suggestIndexCapacity(base, "ALL", 80).write.need.averageUnits).toBe(60);
    expect(suggestIndexCapacity(base, "KEYS_ONLY", 80).write.need.averageUnits).toBe(10);
    expect(suggestIndexCapacity(base, "KEYS_ONLY", 80).read).toEqual(suggestTableCapacity(base, 80).read);
  });
});
