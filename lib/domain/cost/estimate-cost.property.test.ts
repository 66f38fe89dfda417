import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AWS_REGIONS } from "../regions";
import type { TableRequestInput } from "../request/schema";
import { estimateCost } from "./estimate-cost";
import { buildCostTestRequest } from "./test-requests";

// Whatever valid-ish workload and shape comes in, every amount is a finite number >= 0 and the
// totals add up. Invalid-but-parseable capacity (0 units, 0% target) is included on purpose.
const region = fc.constantFrom(...AWS_REGIONS);
const capacity = fc.record(
  {
    units: fc.integer({ min: 0, max: 100_000 }),
    autoscaling: fc.record({
      minCapacity: fc.integer({ min: 0, max: 1000 }),
      maxCapacity: fc.integer({ min: 0, max: 100_000 }),
      targetUtilization: fc.integer({ min: 0, max: 100 }),
    }),
  },
  { requiredKeys: ["units"] },
);
const projection = fc.oneof(
  fc.constant({ type: "ALL" as const }),
  fc.constant({ type: "KEYS_ONLY" as const }),
  fc
    .array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 25 })
    .map((a) => ({ type: "INCLUDE" as const, nonKeyAttributes: a })),
);
const rate = fc.double({ min: 0, max: 1e6, noNaN: true });

const input = fc.record({
  primary: region,
  replicas: fc.uniqueArray(
    fc.record({
      region,
      role: fc.constantFrom("ACTIVE" as const, "STANDBY" as const),
      tableClass: fc.option(fc.constantFrom("STANDARD" as const, "STANDARD_INFREQUENT_ACCESS" as const), {
        nil: undefined,
      }),
    }),
    { maxLength: 4, selector: (r) => r.region },
  ),
  witness: fc.option(region, { nil: undefined }),
  provisioned: fc.option(fc.record({ read: capacity, write: capacity }), { nil: undefined }),
  tableClass: fc.constantFrom("STANDARD" as const, "STANDARD_INFREQUENT_ACCESS" as const),
  gsis: fc.array(
    fc.record({ projection, capacity: fc.option(fc.record({ read: capacity, write: capacity }), { nil: undefined }) }),
    { maxLength: 4 },
  ),
  workload: fc.option(
    fc.record({
      readsPerSecond: rate,
      writesPerSecond: rate,
      itemSizeBytes: fc.integer({ min: 1, max: 10_000_000 }),
      readConsistency: fc.constantFrom("EVENTUAL" as const, "STRONG" as const, "TRANSACTIONAL" as const),
      writeMode: fc.constantFrom("STANDARD" as const, "TRANSACTIONAL" as const),
      storageGb: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
      itemCount: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: undefined }),
      monthlyGrowthGb: fc.double({ min: 0, max: 1e5, noNaN: true }),
      peakReadsPerSecond: fc.option(rate, { nil: undefined }),
      peakWritesPerSecond: fc.option(rate, { nil: undefined }),
      // Validation refuses these when they disagree; the engine must still never crash or go negative.
      readsPerSecondByRegion: fc.option(fc.dictionary(region, rate, { maxKeys: 4 }), { nil: undefined }),
      readConsistencyMix: fc.option(
        fc.record({
          eventual: fc.double({ min: 0, max: 100, noNaN: true }),
          strong: fc.double({ min: 0, max: 100, noNaN: true }),
          transactional: fc.double({ min: 0, max: 100, noNaN: true }),
        }),
        { nil: undefined },
      ),
      streamReadsPerSecond: fc.option(rate, { nil: undefined }),
    }),
    { nil: undefined },
  ),
  pitr: fc.boolean(),
  backup: fc.option(
    fc.record({
      enabled: fc.boolean(),
      schedule: fc.constantFrom("cron(0 3 * * ? *)", "rate(1 hours)", "cron(0 */6 * * ? *)", "nonsense"),
      retentionDays: fc.integer({ min: 0, max: 3650 }),
      copyRegion: fc.option(region, { nil: undefined }),
    }),
    { nil: undefined },
  ),
  transfer: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

describe("estimateCost: properties", () => {
  it("never returns a negative, NaN or infinite amount, and totals add up", () => {
    fc.assert(
      fc.property(input, (x) => {
        const overrides: Partial<TableRequestInput> = {
          tier: "prod",
          tableClass: x.tableClass,
          regions: {
            primary: x.primary,
            replicas: x.replicas.filter((r) => r.region !== x.primary),
            witness: x.witness,
          },
          billing: x.provisioned ? { mode: "PROVISIONED", ...x.provisioned } : { mode: "PAY_PER_REQUEST" },
          globalSecondaryIndexes: x.gsis.map((g, i) => ({
            name: `gsi${i}`,
            partitionKey: { name: `g${i}`, type: "S" },
            projection: g.projection,
            capacity: g.capacity,
          })),
          pointInTimeRecovery: { enabled: x.pitr },
          stream: { enabled: true },
          workload: x.workload,
          backup: x.backup,
        };
        const e = estimateCost(buildCostTestRequest(overrides), undefined, { dataTransferUsdPerGb: x.transfer });
        let total = 0;
        for (const r of e.regions) {
          let regionTotal = 0;
          for (const li of r.lineItems) {
            for (const n of [li.quantity, li.unitPriceUsd, li.monthlyUsd]) {
              expect(Number.isFinite(n) && n >= 0).toBe(true);
            }
            regionTotal += li.monthlyUsd;
          }
          expect(r.monthlyUsd).toBeCloseTo(regionTotal, 6);
          total += r.monthlyUsd;
        }
        expect(Number.isFinite(e.totalMonthlyUsd) && e.totalMonthlyUsd >= 0).toBe(true);
        expect(Math.abs(e.totalMonthlyUsd - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
        for (const o of e.alternatives.options)
          expect(Number.isFinite(o.totalMonthlyUsd) && o.totalMonthlyUsd >= 0).toBe(true);
        if (e.range) for (const v of Object.values(e.range)) expect(Number.isFinite(v) && v >= 0).toBe(true);
        const finite = (n: number) => Number.isFinite(n) && n >= 0;
        expect(e.projection).toHaveLength(12);
        expect(e.projection[0]?.totalMonthlyUsd).toBeCloseTo(e.totalMonthlyUsd, 6);
        for (const m of e.projection) {
          expect(finite(m.totalMonthlyUsd) && finite(m.cumulativeUsd) && finite(m.billableGbPerRegion)).toBe(true);
          // data only grows, so no month costs less than the one before
          const before = e.projection[m.month - 2]?.totalMonthlyUsd ?? 0;
          if (m.month > 1) expect(m.totalMonthlyUsd).toBeGreaterThanOrEqual(before - 1e-9 * before);
        }
        for (const w of e.whatIf) expect(finite(w.totalMonthlyUsd)).toBe(true);
        for (const entry of e.storage.entries) expect(finite(entry.billableGb)).toBe(true);
        for (const s of e.capacityShortfalls) expect(s.throttledPercent > 0 && s.throttledPercent <= 100).toBe(true);
        for (const t of e.reservedCapacity?.terms ?? [])
          expect(finite(t.upfrontUsd) && finite(t.monthlyUsd)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
