// The engine part of `npm run bench`: every per-operation bench (typical and maximal) plus how the
// full analysis (validate, estimate, DR preview, render: what the API and the live panel run) grows
// with GSIs and Regions. Run by scripts/bench.mjs through tsx; prints one JSON document on stdout.
import { analyzeTableRequest } from "../lib/domain/analyze-request";
import { DEFAULT_TIER_POLICY } from "../lib/domain/policy/default-policy";
import { DR_TARGETS, runDrPreviewBench } from "./dr-preview.bench";
import { ESTIMATE_TARGETS, runEstimateBench } from "./estimate.bench";
import { buildScaledRequest } from "./fixtures/scaled-request";
import { type Measurement, measure } from "./lib/measure";
import { PLAN_TARGETS, runPlanBench } from "./plan-change.bench";
import { RENDER_TARGETS, runRenderBench } from "./render.bench";
import { runValidateBench, VALIDATE_TARGETS } from "./validate.bench";

export const GSI_STEPS = [0, 5, 10, 20];
export const REGION_STEPS = [1, 3, 6, 10];

export interface ScalingCell {
  gsis: number;
  regions: number;
  valid: boolean;
  medianMs: number;
  p99Ms: number;
}

function runScaling(): ScalingCell[] {
  const cells: ScalingCell[] = [];
  for (const gsis of GSI_STEPS) {
    for (const regions of REGION_STEPS) {
      const request = buildScaledRequest(gsis, regions);
      const analysis = analyzeTableRequest(request, { policy: DEFAULT_TIER_POLICY });
      const m = measure(
        `analyze ${gsis} GSIs x ${regions} Regions`,
        () => analyzeTableRequest(request, { policy: DEFAULT_TIER_POLICY }),
        { iterations: 300, warmup: 50 },
      );
      cells.push({ gsis, regions, valid: analysis.valid, medianMs: m.medianMs, p99Ms: m.p99Ms });
    }
  }
  return cells;
}

export function runEngineSuite(): {
  operations: Measurement[];
  targets: Record<string, number>;
  scaling: ScalingCell[];
} {
  const operations = [
    ...runValidateBench(),
    ...runEstimateBench(),
    ...runDrPreviewBench(),
    ...runRenderBench(),
    ...runPlanBench(),
  ];
  return {
    operations,
    targets: { ...VALIDATE_TARGETS, ...ESTIMATE_TARGETS, ...DR_TARGETS, ...RENDER_TARGETS, ...PLAN_TARGETS },
    scaling: runScaling(),
  };
}

process.stdout.write(`${JSON.stringify(runEngineSuite())}\n`);
