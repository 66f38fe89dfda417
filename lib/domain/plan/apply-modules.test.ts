import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type TableRequest, TableRequestSchema } from "../request/schema";
import { renderModule } from "../terraform/render-module";
import { loadValidExamples } from "../terraform/test-support";
import { addApplyToReadme, applyModuleSpec } from "./apply-modules";
import { diffDefinitions } from "./definition-diff";
import { pathCovers } from "./index";
import { planTableChange } from "./plan-table-change";
import { definitionPair } from "./test-support";

const prod = loadValidExamples().find((e) => e.name === "prod-with-gsis")?.request as TableRequest;
const gsi = prod.globalSecondaryIndexes[0] as TableRequest["globalSecondaryIndexes"][number];

/** The journey: a prod table gets two new GSIs (one UpdateTable each) on a 500 GB table. */
const live = TableRequestSchema.parse({ ...prod, globalSecondaryIndexes: [gsi] });
const requested = TableRequestSchema.parse({
  ...prod,
  globalSecondaryIndexes: [
    gsi,
    { ...gsi, name: "by-region", partitionKey: { name: "region", type: "S" } },
    { ...gsi, name: "by-channel", partitionKey: { name: "channel", type: "S" } },
  ],
});
const context = { now: "2026-12-04T12:00:00.000Z", tableSizeGb: 500, itemCount: 500_000_000 };

describe("per-apply modules (applyModuleSpec)", () => {
  const plan = planTableChange(live, requested, context);

  it("two new GSIs on a large table need an apply each; each module adds one index", () => {
    expect(plan.applies.length).toBeGreaterThanOrEqual(2);
    const specs = plan.applies.map((a) => applyModuleSpec(plan, live, a.number));
    expect(specs[0]?.from).toBe(live);
    expect(specs.at(-1)?.to).toEqual(requested);
    const indexCounts = specs.map((s) => s?.to.globalSecondaryIndexes.length);
    expect(indexCounts.slice(0, 2)).toEqual([2, 3]);
    const module1 = renderModule(specs[0]?.to as TableRequest, { awsProviderMajor: 6, previousDefinition: live });
    expect((module1["main.tf"] as string).match(/global_secondary_index \{/g)).toHaveLength(2);
    const module2 = renderModule(specs[1]?.to as TableRequest, {
      awsProviderMajor: 6,
      previousDefinition: specs[0]?.to,
    });
    expect((module2["main.tf"] as string).match(/global_secondary_index \{/g)).toHaveLength(3);
  });

  it("the README opens with 'Apply k of n', its steps and the order", () => {
    const files = addApplyToReadme({ "README.md": "# t\n\n## Operation plan\n\n## Requirements\n" }, plan, 2);
    const readme = files["README.md"] as string;
    expect(readme).toContain(`## Apply 2 of ${plan.applies.length}`);
    expect(readme).toContain(`only after apply 1 of ${plan.applies.length} finished`);
    expect(readme.indexOf("## Apply 2")).toBeLessThan(readme.indexOf("## Operation plan"));
  });

  it("an apply the plan does not have is undefined", () => {
    expect(applyModuleSpec(plan, live, plan.applies.length + 1)).toBeUndefined();
    expect(applyModuleSpec(plan, live, 0)).toBeUndefined();
  });

  it("property: the applies chain from the live definition to the requested one, each changing only what its steps say", () => {
    fc.assert(
      fc.property(definitionPair, fc.boolean(), ({ live: a, requested: b }, sized) => {
        const p = planTableChange(a, b, sized ? context : { now: context.now });
        if (p.kind === "none") return;
        let previous: TableRequest | null = a;
        for (const apply of p.applies) {
          const spec = applyModuleSpec(p, a, apply.number);
          expect(spec?.from).toEqual(previous);
          const covered = p.steps
            .filter((s) => apply.steps.includes(s.order))
            .flatMap((s) => s.changes.flatMap((c) => c.paths));
          for (const leaf of diffDefinitions(spec?.from as TableRequest, spec?.to as TableRequest)) {
            expect(
              covered.some((path) => pathCovers(path, leaf.path)),
              leaf.path,
            ).toBe(true);
          }
          previous = spec?.to ?? null;
        }
        expect(previous).toEqual(b);
      }),
      { numRuns: 80 },
    );
  });
});
