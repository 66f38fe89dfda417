import { createHash } from "node:crypto";
import path from "node:path";
import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { callApi, REMOTE_FLAGS_HELP, reportFailure, resolveRemote } from "../remote";
import { writeOutputFile } from "../write-output";

const USAGE = `Usage: tablewright download <key> --revision N --server URL --token T [--out file.zip]

Downloads the approved module bundle of a change request, checks its SHA-256 against the
server's checksum header, and writes it (default: <key>-r<N>.zip). Prints {"file", "sha256"}.

${REMOTE_FLAGS_HELP}
  --revision N         the approved revision (see tablewright status)
  --out FILE           where to write the zip

Exit codes: 0 written and verified, 1 not approved, not found or checksum mismatch,
2 bad usage, the server unreachable, or an --out that cannot be written.`;

/** `tablewright download`: GET .../revisions/{n}/bundle, verified before it is written. */
export const downloadCommand: CliCommand = {
  name: "download",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    const key = positional[0];
    const revision = typeof flags.revision === "string" ? flags.revision : undefined;
    if (positional.length !== 1 || !key || !/^TW-\d+$/.test(key) || !revision || !/^\d+$/.test(revision)) {
      io.stderr(`tablewright download: give a key such as TW-42 and --revision N\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const target = resolveRemote(flags, io, "download");
    if (!target) return EXIT.unreadable;
    const result = await callApi(target, "GET", `/api/v1/change-requests/${key}/revisions/${revision}/bundle`, {
      binary: true,
    });
    if (!result.ok) return reportFailure(io, "download", result);
    const bytes = result.bytes ?? new Uint8Array();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const expected = result.headers.get("x-checksum-sha256");
    if (expected !== sha256) {
      io.stderr(`tablewright download: checksum mismatch (server says ${expected}, got ${sha256}); nothing written\n`);
      return EXIT.invalid;
    }
    const file = path.resolve(io.cwd, typeof flags.out === "string" ? flags.out : `${key}-r${revision}.zip`);
    const written = await writeOutputFile(file, bytes);
    if (!written.ok) {
      io.stderr(`tablewright download: ${written.message}\n`);
      return EXIT.unreadable;
    }
    io.stdout(`${JSON.stringify({ file, sha256, bytes: bytes.byteLength }, null, 2)}\n`);
    return EXIT.ok;
  },
};
