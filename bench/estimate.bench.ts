import { estimateCost } from "../lib/domain/cost";
import { TableRequestSchema } from "../lib/domain/request/schema";
import { buildMaximalRequest, buildTypicalRequest } from "./fixtures/maximal-request";
import { isMain } from "./lib/is-main";
import { formatMeasurements, type Measurement, measure } from "./lib/measure";

// The estimate reruns on every form change next to the request, so it must cost well under a frame.
// The engine works on parsed requests (defaults applied); parsing is the validator's cost, not ours.
function fixtures() {
  return {
    typical: TableRequestSchema.parse(buildTypicalRequest()),
    maximal: TableRequestSchema.parse(buildMaximalRequest()),
    // The same maximal request with an explicit workload (one priced scenario instead of three).
    maximalWithWorkload: TableRequestSchema.parse({
      ...buildMaximalRequest(),
      workload: {
        readsPerSecond: 5000,
        writesPerSecond: 1000,
        itemSizeBytes: 6000,
        storageGb: 2000,
        streamReadsPerSecond: 20,
      },
    }),
  };
}

export const ESTIMATE_TARGETS = {
  "estimate maximal request": 0.2,
  "estimate maximal request with workload": 0.2,
};

// Exported for the combined report (scripts/bench.mjs); prints its own table when run directly.
export function runEstimateBench(): Measurement[] {
  const { typical, maximal, maximalWithWorkload } = fixtures();
  return [
    measure("estimate typical request", () => estimateCost(typical), { iterations: 20_000, warmup: 2_000 }),
    measure("estimate maximal request", () => estimateCost(maximal), { iterations: 5_000, warmup: 500 }),
    measure("estimate maximal request with workload", () => estimateCost(maximalWithWorkload), {
      iterations: 5_000,
      warmup: 500,
    }),
  ];
}

if (isMain(import.meta.url)) {
  const { typical, maximal, maximalWithWorkload } = fixtures();
  const summary = (name: string, e: ReturnType<typeof estimateCost>) =>
    `${name}: ${e.regions.length} Regions, ${e.regions.reduce((n, r) => n + r.lineItems.length, 0)} line items, $${e.totalMonthlyUsd.toFixed(2)}/month${e.range ? ` (range $${e.range.low.toFixed(2)}-$${e.range.high.toFixed(2)})` : ""}`;
  console.log(summary("typical", estimateCost(typical)));
  console.log(summary("maximal", estimateCost(maximal)));
  console.log(summary("maximal + workload", estimateCost(maximalWithWorkload)));
  console.log(formatMeasurements(runEstimateBench(), ESTIMATE_TARGETS));
}
