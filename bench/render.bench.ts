import { buildBundle } from "../lib/domain/bundle";
import { TableRequestSchema } from "../lib/domain/request/schema";
import { renderModule } from "../lib/domain/terraform";
import { buildMaximalRequest, buildTypicalRequest } from "./fixtures/maximal-request";
import { isMain } from "./lib/is-main";
import { formatMeasurements, type Measurement, measure } from "./lib/measure";

// Rendering runs on every form change (live module preview) and bundling on every download.
const context = { changeRequestKey: "CR-1", revision: 1, requestedBy: "bench@example.com" };

export const RENDER_TARGETS = { "render maximal": 2, "bundle maximal": 10 };

// Exported for the combined report (scripts/bench.mjs); prints its own table when run directly.
export function runRenderBench(): Measurement[] {
  const typical = TableRequestSchema.parse(buildTypicalRequest());
  const maximal = TableRequestSchema.parse(buildMaximalRequest());
  return [
    measure("render typical", () => renderModule(typical, context), { iterations: 5_000, warmup: 500 }),
    measure("render maximal", () => renderModule(maximal, context), { iterations: 2_000, warmup: 200 }),
    measure("bundle typical", () => buildBundle(typical, context), { iterations: 1_000, warmup: 100 }),
    measure("bundle maximal", () => buildBundle(maximal, context), { iterations: 500, warmup: 50 }),
  ];
}

if (isMain(import.meta.url)) {
  const maximal = TableRequestSchema.parse(buildMaximalRequest());
  const sizes = {
    maximalFiles: Object.keys(renderModule(maximal, context)).length,
    maximalBytes: Object.values(renderModule(maximal, context)).reduce((n, c) => n + c.length, 0),
    maximalZipBytes: buildBundle(maximal, context).length,
  };
  console.log(formatMeasurements(runRenderBench(), RENDER_TARGETS));
  console.log(JSON.stringify(sizes));
}
