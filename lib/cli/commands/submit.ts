import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { readJsonInput } from "../read-input";
import { callApi, REMOTE_FLAGS_HELP, reportFailure, resolveRemote } from "../remote";

const USAGE = `Usage: tablewright submit <request.json | -> --server URL --token T [--title T] [--draft] [--idempotency-key K]

Creates a change request on the portal from a request file and submits it for review
(--draft keeps it as a draft). Prints {"key", "status", ...} as JSON.

${REMOTE_FLAGS_HELP}
  --title T            a title for reviewers (default: "<table> (<tier>)")
  --draft              create without submitting
  --idempotency-key K  retrying with the same key returns the first result (safe in CI)

Exit codes: 0 created, 1 refused by the server (validation errors, permissions), 2 unreadable input,
bad usage or the server unreachable.`;

/** `tablewright submit`: POST /api/v1/change-requests. */
export const submitCommand: CliCommand = {
  name: "submit",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1) {
      io.stderr(`tablewright submit: give exactly one request file or -\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const target = resolveRemote(flags, io, "submit");
    if (!target) return EXIT.unreadable;
    const input = await readJsonInput(positional[0], io);
    if (!input.ok) {
      io.stderr(`tablewright submit: ${input.message}\n`);
      return EXIT.unreadable;
    }
    const result = await callApi(target, "POST", "/api/v1/change-requests", {
      json: {
        request: input.value,
        submit: flags.draft !== true,
        ...(typeof flags.title === "string" ? { title: flags.title } : {}),
      },
      headers: typeof flags["idempotency-key"] === "string" ? { "idempotency-key": flags["idempotency-key"] } : {},
    });
    if (!result.ok) return reportFailure(io, "submit", result);
    io.stdout(
      `${JSON.stringify({ ...(result.body as object), url: `${target.server}/requests/${(result.body as { key: string }).key}` }, null, 2)}\n`,
    );
    return EXIT.ok;
  },
};
