import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDefinitions } from "./definition-diff";
import { pathCovers } from "./index";
import { planTableChange } from "./plan-table-change";
import { OperationPlanSchema } from "./schema";
import { assembleDefinition, awsErrors, definitionPair, definitionSpec } from "./test-support";

// Generated pairs of valid definitions (live, requested), with and without the table's size.
const context = fc.oneof(
  fc.constant({}),
  fc.record({
    tableSizeGb: fc.double({ min: 0, max: 5000, noNaN: true }),
    itemCount: fc.integer({ min: 0, max: 1e9 }),
  }),
  fc.record({
    now: fc.constant("2026-12-05T10:00:00.000Z"),
    recentChanges: fc.record({
      switchesToOnDemand: fc.array(fc.record({ at: fc.constantFrom("2026-12-05T09:00:00Z", "2026-12-04T20:00:00Z") }), {
        maxLength: 5,
      }),
      tableClassChanges: fc.array(fc.record({ at: fc.constant("2026-11-20T00:00:00Z") }), { maxLength: 3 }),
      ttlChanges: fc.array(fc.record({ at: fc.constant("2026-12-05T09:30:00Z") }), { maxLength: 1 }),
      encryptionKeyChanges: fc.array(fc.record({ at: fc.constant("2026-12-05T08:00:00Z") }), { maxLength: 9 }),
      capacityDecreases: fc.array(fc.record({ at: fc.constant("2026-12-05T09:45:00Z") }), { maxLength: 5 }),
    }),
  }),
);

// PLAN_PROPERTY_RUNS=5000 npx vitest run lib/domain/plan/plan.property.test.ts digs deeper on demand.
/** Freezes a definition so that a planner changing its inputs in place fails the test. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const RUNS = Number(process.env.PLAN_PROPERTY_RUNS ?? 400);
const TIMEOUT = Math.max(30_000, RUNS * 60);

describe("the generator", () => {
  it("produces definitions DynamoDB and the module accept (so the properties below test real pairs)", () => {
    fc.assert(
      fc.property(definitionSpec, (spec) => {
        expect(awsErrors(assembleDefinition(spec))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("planTableChange over generated pairs of valid definitions", () => {
  it(
    "never omits a difference: every changed field is covered by a requested change of some step",
    () => {
      fc.assert(
        fc.property(definitionPair, context, ({ live, requested }, ctx) => {
          // Frozen: the plan shares objects with its inputs and must never change them.
          const plan = planTableChange(deepFreeze(live), deepFreeze(requested), ctx);
          const covered = plan.steps.flatMap((s) =>
            s.changes.filter((c) => c.origin === "requested").flatMap((c) => c.paths),
          );
          for (const leaf of diffDefinitions(live, requested)) {
            expect(
              covered.some((p) => pathCovers(p, leaf.path)),
              `${leaf.path} is in no step`,
            ).toBe(true);
          }
          expect(plan.steps.flatMap((s) => s.changes).filter((c) => c.kind === "UNCLASSIFIED")).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "is valid against its own schema, and a destructive change is never low (it is always destructive)",
    () => {
      fc.assert(
        fc.property(definitionPair, context, ({ live, requested }, ctx) => {
          const plan = planTableChange(live, requested, ctx);
          expect(OperationPlanSchema.safeParse(plan).success).toBe(true);
          const destructive = plan.steps.some((s) => s.changes.some((c) => c.categories.includes("destructive")));
          if (destructive) {
            expect(plan.risk).toBe("destructive");
            expect(plan.requiresAcknowledgement).toBe(true);
          }
          if (plan.risk === "low") expect(destructive).toBe(false);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "numbers steps 1..n and applies 1..m, each step in exactly one apply, in order",
    () => {
      fc.assert(
        fc.property(definitionPair, context, ({ live, requested }, ctx) => {
          const plan = planTableChange(live, requested, ctx);
          expect(plan.steps.map((s) => s.order)).toEqual(plan.steps.map((_, i) => i + 1));
          expect(plan.applies.map((a) => a.number)).toEqual(plan.applies.map((_, i) => i + 1));
          expect(plan.applies.flatMap((a) => a.steps)).toEqual(plan.steps.map((s) => s.order));
          for (const step of plan.steps) {
            expect(plan.applies[step.apply - 1]?.steps).toContain(step.order);
            if (step.separateApply) expect(plan.applies[step.apply - 1]?.steps).toEqual([step.order]);
          }
          expect(plan.singleApply).toBe(plan.applies.length <= 1);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "ends at the requested definition, and each apply changes only what its steps' changes cover",
    () => {
      fc.assert(
        fc.property(definitionPair, context, ({ live, requested }, ctx) => {
          const plan = planTableChange(live, requested, ctx);
          expect(plan.warnings.filter((w) => w.startsWith("Internal"))).toEqual([]);
          if (plan.kind === "none") return;
          expect(plan.applies[plan.applies.length - 1]?.definition).toEqual(requested);
          let previous = live;
          for (const apply of plan.applies) {
            const paths = plan.steps
              .filter((s) => apply.steps.includes(s.order))
              .flatMap((s) => s.changes.flatMap((c) => c.paths));
            for (const leaf of diffDefinitions(previous, apply.definition)) {
              expect(
                paths.some((p) => pathCovers(p, leaf.path)),
                `apply ${apply.number} changes ${leaf.path} without a change for it`,
              ).toBe(true);
            }
            previous = apply.definition;
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "gives every apply a definition DynamoDB and the module accept",
    () => {
      fc.assert(
        fc.property(definitionPair, context, ({ live, requested }, ctx) => {
          const plan = planTableChange(live, requested, ctx);
          for (const apply of plan.applies) {
            expect(awsErrors(apply.definition), `apply ${apply.number} of ${plan.summary}`).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it("plans a create from nothing as low risk, and no change as nothing to do", () => {
    fc.assert(
      fc.property(definitionSpec, (spec) => {
        const request = assembleDefinition(spec);
        const create = planTableChange(null, request);
        expect(create.kind).toBe("create");
        expect(create.risk).toBe("low");
        expect(create.applies).toEqual([{ number: 1, steps: [1], definition: request }]);
        const none = planTableChange(request, structuredClone(request));
        expect(none.kind).toBe("none");
        expect(none.steps).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
