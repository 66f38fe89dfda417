import path from "node:path";
import { buildBundle } from "../../domain/bundle";
import { ACCOUNT_TARGETS_HELP } from "../account-targets";
import { type CliCommand, EXIT } from "../command";
import { writeOutputFile } from "../write-output";
import { prepareRequest, reportUnrenderable } from "./module-output";

const USAGE = `Usage: tablewright bundle <request.json | -> --out <file.zip> [--aws-provider 5|6] [--policy <policy.json>]
                          [--change-request <key>] [--revision <n>] [--account-targets <file.json | server>]

Validates the request, then writes a zip with the Terraform module in a folder named after the
table and a manifest.json holding each file's SHA-256. Same request, same bytes.

Options:
  --aws-provider 5|6   hashicorp/aws major version to write for (default: the policy's, 6 in the
                       shipped policy); 5 refuses multi-Region strong consistency
  --policy <file>      tier policy to apply instead of policy/tier-policy.json
${ACCOUNT_TARGETS_HELP}

Exit codes: 0 written, 1 invalid request (issues as JSON on standard output; nothing written),
2 unreadable input, bad usage, or an --out that cannot be written.`;

/** `tablewright bundle`: the module as a reproducible zip. */
export const bundleCommand: CliCommand = {
  name: "bundle",
  usage: USAGE,
  run: async (args, io) => {
    const prepared = await prepareRequest("bundle", USAGE, args, io);
    if (!prepared.ok) return prepared.code;
    let zip: Uint8Array;
    try {
      zip = buildBundle(prepared.request, prepared.context);
    } catch (error) {
      return reportUnrenderable("bundle", error, io);
    }
    const file = path.resolve(io.cwd, prepared.out);
    const written = await writeOutputFile(file, zip);
    if (!written.ok) {
      io.stderr(`tablewright bundle: ${written.message}\n`);
      return EXIT.unreadable;
    }
    io.stdout(`${zip.length} bytes written to ${prepared.out}\n`);
    return EXIT.ok;
  },
};
