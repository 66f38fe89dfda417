import { estimateCost } from "../../domain/cost";
import { validateTableRequest } from "../../domain/validation";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { loadPolicy } from "../load-policy";
import { readJsonInput } from "../read-input";

const USAGE = `Usage: tablewright estimate <request.json | -> [--transfer-usd-per-gb <rate>] [--scenario low|expected|high] [--policy <policy.json>]

Validates a table request, then prints its monthly AWS cost estimate as JSON: line items per
Region (quantity, unit, unit price, formula), totals, billable storage per table and index, the
other billing mode and table class, break-even points, capacity that cannot serve the workload,
what-if comparisons, reserved capacity (provisioned tables), a 12-month \`projection\`, the
assumptions used and the date of AWS's prices.

Arguments:
  <request.json>                 the request file; - reads standard input
  --transfer-usd-per-gb <rate>   cross-Region data transfer rate in USD per GB (default 0.02;
                                 not in AWS's DynamoDB price list, so it is an assumption)
  --scenario <name>              without a workload in the request, which tier default to itemise
                                 (low, expected or high; default expected). The range is always shown.
  --policy <file>                tier policy to validate with (and take default workloads from)
                                 instead of policy/tier-policy.json

Exit codes: 0 estimate printed, 1 invalid request (issues printed as JSON), 2 unreadable input
or bad usage.`;

const SCENARIOS = ["low", "expected", "high"] as const;
type Scenario = (typeof SCENARIOS)[number];
const isScenario = (value: unknown): value is Scenario => SCENARIOS.includes(value as Scenario);

/** `tablewright estimate`: validation, then the cost estimate, on a file or standard input. */
export const estimateCommand: CliCommand = {
  name: "estimate",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) {
      io.stderr(`tablewright estimate: give exactly one request file or -\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const rateFlag = flags["transfer-usd-per-gb"];
    const rate = rateFlag === undefined ? undefined : Number(rateFlag);
    if (rateFlag === true || (rate !== undefined && (!Number.isFinite(rate) || rate < 0))) {
      io.stderr("tablewright estimate: --transfer-usd-per-gb needs a number >= 0 (USD per GB)\n");
      return EXIT.unreadable;
    }
    const scenario = flags.scenario;
    if (scenario !== undefined && !isScenario(scenario)) {
      io.stderr("tablewright estimate: --scenario must be low, expected or high\n");
      return EXIT.unreadable;
    }
    const policy = await loadPolicy("estimate", flags.policy, io);
    if (!policy) return EXIT.unreadable;

    const input = await readJsonInput(positional[0], io);
    if (!input.ok) {
      io.stderr(`tablewright estimate: ${input.message}\n`);
      return EXIT.unreadable;
    }
    const { valid, issues, request } = validateTableRequest(input.value, policy);
    if (!valid || !request) {
      io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
      io.stderr(
        "tablewright estimate: the request is invalid; fix the issues above (tablewright validate shows the same)\n",
      );
      return EXIT.invalid;
    }
    const estimate = estimateCost(request, undefined, {
      dataTransferUsdPerGb: rate,
      workloadScenario: scenario,
      defaultWorkload: policy.tiers[request.tier].defaultWorkload,
    });
    io.stdout(`${JSON.stringify(estimate, null, 2)}\n`);
    return EXIT.ok;
  },
};
