import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import { callApi, REMOTE_FLAGS_HELP, reportFailure, resolveRemote } from "../remote";

const USAGE = `Usage: tablewright status <key> --server URL --token T

Prints a change request's status, approvals, revisions with their bundle checksums, and decisions
as JSON, e.g. to wait for approval in a pipeline.

${REMOTE_FLAGS_HELP}

Exit codes: 0 found, 1 not found or not visible to the token, 2 bad usage or the server unreachable.`;

interface Detail {
  key: string;
  title: string;
  status: string;
  version: number;
  tier: string;
  currentRevision: number;
  approvedRevision: number | null;
  approvals: { count: number; required: number };
  revisions: { number: number; bundleSha256: string; createdAt: string }[];
  decisions: { kind: string; reason: string; revisionNumber: number; decider: { email: string }; createdAt: string }[];
}

/** `tablewright status`: GET /api/v1/change-requests/{key}, summarised. */
export const statusCommand: CliCommand = {
  name: "status",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    if (positional.length !== 1 || !/^TW-\d+$/.test(positional[0] as string)) {
      io.stderr(`tablewright status: give one change request key such as TW-42\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const target = resolveRemote(flags, io, "status");
    if (!target) return EXIT.unreadable;
    const result = await callApi(target, "GET", `/api/v1/change-requests/${positional[0]}`);
    if (!result.ok) return reportFailure(io, "status", result);
    const d = result.body as Detail;
    const summary = {
      key: d.key,
      title: d.title,
      tier: d.tier,
      status: d.status,
      version: d.version,
      currentRevision: d.currentRevision,
      approvedRevision: d.approvedRevision,
      approvals: d.approvals,
      revisions: d.revisions.map((r) => ({ number: r.number, bundleSha256: r.bundleSha256, createdAt: r.createdAt })),
      decisions: d.decisions.map((x) => ({
        kind: x.kind,
        reason: x.reason,
        revision: x.revisionNumber,
        by: x.decider.email,
        at: x.createdAt,
      })),
    };
    io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT.ok;
  },
};
