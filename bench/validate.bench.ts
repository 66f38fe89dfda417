import { DEFAULT_TIER_POLICY } from "../lib/domain/policy/default-policy";
import { validateTableRequest } from "../lib/domain/validation";
import { buildMaximalRequest, buildTypicalRequest } from "./fixtures/maximal-request";
import { isMain } from "./lib/is-main";
import { formatMeasurements, type Measurement, measure } from "./lib/measure";

// Validation runs on every form keystroke and API call, so it must stay far below a frame.
// Exported for the combined report (scripts/bench.mjs); prints its own table when run directly.
export const VALIDATE_TARGETS = { "validate typical request": 0.05, "validate maximal request": 0.5 };

export function runValidateBench(): Measurement[] {
  const typical = buildTypicalRequest();
  const maximal = buildMaximalRequest();
  for (const [name, request] of [
    ["typical", typical],
    ["maximal", maximal],
  ] as const) {
    const result = validateTableRequest(request, DEFAULT_TIER_POLICY);
    if (!result.valid) throw new Error(`${name} fixture is invalid: ${JSON.stringify(result.issues)}`);
  }
  return [
    measure("validate typical request", () => validateTableRequest(typical, DEFAULT_TIER_POLICY), {
      iterations: 20_000,
      warmup: 2_000,
    }),
    measure("validate maximal request", () => validateTableRequest(maximal, DEFAULT_TIER_POLICY), {
      iterations: 5_000,
      warmup: 500,
    }),
  ];
}

if (isMain(import.meta.url)) console.log(formatMeasurements(runValidateBench(), VALIDATE_TARGETS));
