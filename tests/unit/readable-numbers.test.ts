import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { estimateCost } from "@/lib/domain/cost";
import { TableRequestSchema } from "@/lib/domain/request/schema";

// People read the estimate's formulas; "33.3333% of reads served here" (three
// active Regions) is noise. Percentages in them carry at most one decimal.
const dir = path.resolve(__dirname, "../../examples/requests/valid");
const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, TableRequestSchema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8")))] as const);

describe("estimate texts people read", () => {
  it.each(examples)("%s: no percentage with more than one decimal", (_name, request) => {
    const estimate = estimateCost(request);
    const texts = estimate.regions.flatMap((r) => r.lineItems.map((l) => `${l.description} · ${l.formula}`));
    expect(texts.filter((t) => /\d\.\d{2,}%/.test(t))).toEqual([]);
  });

  it("three active Regions on provisioned capacity read a third each, written 33.3%", () => {
    const global = examples.find(([name]) => name === "global-3-region-cmk.json")?.[1];
    if (!global) throw new Error("the three-Region example is missing");
    const provisioned = TableRequestSchema.parse({
      ...global,
      billing: { mode: "PROVISIONED", read: { units: 100 }, write: { units: 50 } },
    });
    const texts = estimateCost(provisioned).regions.flatMap((r) =>
      r.lineItems.map((l) => `${l.description} · ${l.formula}`),
    );
    expect(texts.filter((t) => /\d\.\d{2,}%/.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes("33.3% of reads served here"))).toBe(true);
  });
});

describe("every estimate sentence people read", () => {
  const sentences = (estimate: ReturnType<typeof estimateCost>) => [
    ...estimate.regions.flatMap((r) => [...r.notes, ...r.lineItems.map((l) => `${l.description} · ${l.formula}`)]),
    ...estimate.warnings,
    ...estimate.assumptions,
    estimate.alternatives.recommended.reason,
    estimate.alternatives.billingModeBreakEven.explanation,
    estimate.alternatives.tableClassBreakEven.explanation,
    ...estimate.alternatives.options.flatMap((o) => (o.note ? [o.note] : [])),
    ...estimate.whatIf.map((w) => `${w.label} · ${w.description}`),
    ...(estimate.reservedCapacity ? [estimate.reservedCapacity.reason, ...estimate.reservedCapacity.notes] : []),
  ];

  it.each(examples)("%s: warnings, assumptions and explanations carry at most one decimal", (_name, request) => {
    expect(sentences(estimateCost(request)).filter((t) => /\d\.\d{2,}%/.test(t))).toEqual([]);
  });

  it("a shortfall, reads per Region and a consistency mix in thirds stay at one decimal", () => {
    const global = examples.find(([name]) => name === "global-3-region-cmk.json")?.[1];
    if (!global) throw new Error("the three-Region example is missing");
    const request = TableRequestSchema.parse({
      ...global,
      billing: {
        mode: "PROVISIONED",
        read: { units: 100, autoscaling: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70 } },
        write: { units: 50 },
      },
      workload: {
        readsPerSecond: 1000,
        writesPerSecond: 10,
        itemSizeBytes: 1024,
        storageGb: 10,
        readConsistencyMix: { eventual: 33.3333, strong: 66.6667, transactional: 0 },
      },
    });
    const texts = sentences(estimateCost(request));
    expect(texts.filter((t) => /\d\.\d{2,}%/.test(t))).toEqual([]);
    // The shortfall sentence is there (the case tests something), with its share rounded.
    expect(texts.some((t) => /% of it would be throttled/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes("33.3% eventual, 66.7% strong"))).toBe(true);
  });
});
