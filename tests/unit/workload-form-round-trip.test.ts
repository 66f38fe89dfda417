import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeDraft } from "@/components/request-form/draft-storage";
import { fromTableRequest, initialFormValues } from "@/components/request-form/form-defaults";
import { toTableRequest } from "@/components/request-form/to-table-request";
import { DEFAULT_TIER_POLICY } from "@/lib/domain/policy/default-policy";
import { TableRequestSchema } from "@/lib/domain/request/schema";

// The workload's new fields (item count, reads per Region, consistency mix) survive the form:
// loading a request into the form and saving it gives back the same workload.
const ROOT = path.resolve(import.meta.dirname, "../..");
const roundTrip = (input: unknown) => {
  const blank = initialFormValues({ teams: ["payments"], requesterEmail: "dev@example.com" }, DEFAULT_TIER_POLICY);
  const request = TableRequestSchema.parse(input);
  return { request, back: TableRequestSchema.parse(toTableRequest(fromTableRequest(request, blank))) };
};

describe("workload through the request form", () => {
  const examples = ["valid", "warnings"].flatMap((dir) =>
    readdirSync(path.join(ROOT, "examples/requests", dir))
      .filter((f) => f.endsWith(".json"))
      .map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(path.join(ROOT, "examples/requests", dir, f), "utf8"))]),
  );

  it.each(examples.filter(([, r]) => r.workload))("%s keeps its workload", (_, input) => {
    const { request, back } = roundTrip(input);
    expect(back.workload).toEqual(request.workload);
  });

  it("keeps itemCount, readsPerSecondByRegion and readConsistencyMix", () => {
    const input = JSON.parse(
      readFileSync(path.join(ROOT, "examples/requests/warnings/WORKLOAD_READS_ON_STANDBY.json"), "utf8"),
    );
    const { back } = roundTrip(input);
    expect(back.workload).toMatchObject({
      itemCount: 40_000_000,
      readsPerSecondByRegion: { "us-east-1": 380, "us-west-2": 20 },
      readConsistencyMix: { eventual: 80, strong: 20, transactional: 0 },
    });
    expect(back.workload?.storageGb).toBeUndefined();
  });
});

describe("a saved draft restores the workload", () => {
  it("keeps the reads named per Region (a record the blank form holds empty)", () => {
    const blank = initialFormValues({ teams: ["payments"], requesterEmail: "dev@example.com" }, DEFAULT_TIER_POLICY);
    const stored = structuredClone(blank);
    stored.workload.useReadsByRegion = true;
    stored.workload.readsPerSecondByRegion = { "us-east-1": 90, "us-east-2": 10 };
    const restored = mergeDraft(blank, JSON.parse(JSON.stringify(stored)));
    expect(restored.workload.useReadsByRegion).toBe(true);
    expect(restored.workload.readsPerSecondByRegion).toEqual({ "us-east-1": 90, "us-east-2": 10 });
  });
});
