import { estimateCost } from "../lib/domain/cost";
import { buildDrPreview } from "../lib/domain/dr";
import { DEFAULT_TIER_POLICY } from "../lib/domain/policy/default-policy";
import { TableRequestSchema } from "../lib/domain/request/schema";
import { buildMaximalRequest, buildTypicalRequest } from "./fixtures/maximal-request";
import { isMain } from "./lib/is-main";
import { formatMeasurements, type Measurement, measure } from "./lib/measure";

// The DR preview is recomputed with the estimate on every form change; like it, it must stay far
// below a frame. It is given the estimate, as analyzeTableRequest does.
export const DR_TARGETS = { "DR preview maximal": 0.5 };

export function runDrPreviewBench(): Measurement[] {
  const typical = TableRequestSchema.parse(buildTypicalRequest());
  const maximal = TableRequestSchema.parse(buildMaximalRequest());
  const typicalEstimate = estimateCost(typical);
  const maximalEstimate = estimateCost(maximal);
  return [
    measure("DR preview typical", () => buildDrPreview(typical, DEFAULT_TIER_POLICY, { estimate: typicalEstimate }), {
      iterations: 20_000,
      warmup: 2_000,
    }),
    measure("DR preview maximal", () => buildDrPreview(maximal, DEFAULT_TIER_POLICY, { estimate: maximalEstimate }), {
      iterations: 5_000,
      warmup: 500,
    }),
  ];
}

if (isMain(import.meta.url)) console.log(formatMeasurements(runDrPreviewBench(), DR_TARGETS));
