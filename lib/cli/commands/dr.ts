import { estimateCost } from "../../domain/cost";
import { buildDrPreview, type DrPreviewOptions } from "../../domain/dr";
import { validateTableRequest } from "../../domain/validation";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { loadPolicy } from "../load-policy";
import { readJsonInput } from "../read-input";

const USAGE = `Usage: tablewright dr <request.json | -> [--no-cost] [--policy <policy.json>]

Validates a table request, then prints its disaster-recovery preview as JSON: the DR pattern
(chosen or derived), and for each Region its role, the data it holds, whether it takes reads
and writes, RPO and RTO with their AWS-documented basis, the failover runbook, its share of the
monthly cost estimate, and warnings; plus the replication, backup-copy and witness links.

Arguments:
  <request.json>   the request file; - reads standard input
  --no-cost        leave out the per-Region cost share (no cost estimate is computed)
  --policy <file>  tier policy to apply instead of policy/tier-policy.json

Exit codes: 0 preview printed, 1 invalid request (validation issues printed as JSON) or a DR
error in the preview, 2 unreadable input or bad usage.`;

/** `tablewright dr`: validation, then the DR preview (with cost shares), on a file or standard input. */
export const drCommand: CliCommand = {
  name: "dr",
  usage: USAGE,
  run: async (args, io) => {
    // Unknown options never reach here: runCli refuses what USAGE does not name.
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) {
      io.stderr(`tablewright dr: give exactly one request file or -\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const policy = await loadPolicy("dr", flags.policy, io);
    if (!policy) return EXIT.unreadable;
    const input = await readJsonInput(positional[0], io);
    if (!input.ok) {
      io.stderr(`tablewright dr: ${input.message}\n`);
      return EXIT.unreadable;
    }
    const { valid, issues, request } = validateTableRequest(input.value, policy);
    if (!valid || !request) {
      io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
      io.stderr("tablewright dr: the request is invalid; fix the issues above (tablewright validate shows the same)\n");
      return EXIT.invalid;
    }

    const options: DrPreviewOptions = {};
    if (flags["no-cost"] === undefined) {
      options.estimate = estimateCost(request, undefined, {
        defaultWorkload: policy.tiers[request.tier].defaultWorkload,
      });
    }
    const preview = buildDrPreview(request, policy, options);
    io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
    return preview.issues.some((i) => i.severity === "error") ? EXIT.invalid : EXIT.ok;
  },
};
