import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { estimateCost } from "@/lib/domain/cost";
import { TableRequestSchema } from "@/lib/domain/request/schema";

// Issue 17 item 18: people read the estimate's formulas; "33.3333% of reads served here" (three
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
