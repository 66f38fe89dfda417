import { validateTableRequest } from "../../domain/validation";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { loadPolicy } from "../load-policy";
import { readJsonInput } from "../read-input";

const USAGE = `Usage: tablewright validate <request.json | -> [--policy <policy.json>]

Validates a table request against AWS limits, Terraform provider gaps and the tier policy,
and prints {"valid": ..., "issues": [...]} as JSON on standard output.

Arguments:
  <request.json>       the request file; - reads standard input
  --policy <file>      tier policy to apply instead of policy/tier-policy.json

Exit codes: 0 valid (warnings allowed), 1 invalid request, 2 unreadable input, not JSON,
or a bad policy file (the reason goes to standard error).
Codes are listed in docs/validation-codes.md.`;

/** `tablewright validate`: the validation engine on a file or standard input. */
export const validateCommand: CliCommand = {
  name: "validate",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) {
      io.stderr(`tablewright validate: give exactly one request file or -\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const policy = await loadPolicy("validate", flags.policy, io);
    if (!policy) return EXIT.unreadable;

    const input = await readJsonInput(positional[0], io);
    if (!input.ok) {
      io.stderr(`tablewright validate: ${input.message}\n`);
      return EXIT.unreadable;
    }
    const { valid, issues } = validateTableRequest(input.value, policy);
    io.stdout(`${JSON.stringify({ valid, issues }, null, 2)}\n`);
    return valid ? EXIT.ok : EXIT.invalid;
  },
};
