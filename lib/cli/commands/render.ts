import path from "node:path";
import { renderModule } from "../../domain/terraform";
import { ACCOUNT_TARGETS_HELP } from "../account-targets";
import { type CliCommand, EXIT } from "../command";
import { prepareRequest, reportUnrenderable } from "./module-output";
import { RENDER_MANIFEST, writeModuleDir } from "./write-module-dir";

const USAGE = `Usage: tablewright render <request.json | -> --out <dir> [--aws-provider 5|6] [--policy <policy.json>]
                          [--change-request <key>] [--revision <n>] [--account-targets <file.json | server>] [--force]

Validates the request, then writes its Terraform module (versions.tf, providers.tf, main.tf, ...,
README.md, request.json) into <dir>. Same request, same bytes.

Options:
  --aws-provider 5|6   hashicorp/aws major version to write for (default: the policy's, 6 in the
                       shipped policy); 5 refuses multi-Region strong consistency
  --policy <file>      tier policy to apply instead of policy/tier-policy.json
${ACCOUNT_TARGETS_HELP}
  --force              write into a non-empty folder that no render wrote (its other files stay)

<dir> holds exactly the latest render: files an earlier render wrote and this one does not (listed
in ${RENDER_MANIFEST}) are removed.

Exit codes: 0 written, 1 invalid request (issues as JSON on standard output; nothing written),
2 unreadable input, bad usage, a non-empty <dir> without --force, or a <dir> that cannot be written.`;

/** `tablewright render`: the module as files in a directory. */
export const renderCommand: CliCommand = {
  name: "render",
  usage: USAGE,
  run: async (args, io) => {
    const prepared = await prepareRequest("render", USAGE, args, io);
    if (!prepared.ok) return prepared.code;
    let files: Record<string, string>;
    try {
      files = renderModule(prepared.request, prepared.context);
    } catch (error) {
      return reportUnrenderable("render", error, io);
    }
    const dir = path.resolve(io.cwd, prepared.out);
    const written = await writeModuleDir(dir, files, prepared.flags.force === true);
    if (!written.ok) {
      io.stderr(`tablewright render: ${written.message}\n`);
      return EXIT.unreadable;
    }
    const notes = [
      ...(written.removed.length > 0 ? [`removed ${written.removed.join(", ")} (left from the previous render)`] : []),
      ...(written.untouched.length > 0
        ? [`left in place, not written by this render: ${written.untouched.join(", ")}`]
        : []),
    ];
    io.stdout(
      `${Object.keys(files).length} files written to ${prepared.out} (hashicorp/aws ${prepared.context.awsProviderMajor ?? 6}.x)${notes.length > 0 ? `; ${notes.join("; ")}` : ""}\n`,
    );
    return EXIT.ok;
  },
};
