import type { TableRequest } from "../../domain/request/schema";
import { buildRenderContext, UnrenderableRequestError } from "../../domain/terraform";
import type { RenderContext } from "../../domain/terraform/model";
import { validateTableRequest } from "../../domain/validation";
import { loadAccountTargetFor } from "../account-targets";
import { parseArgs } from "../args";
import { type CliIo, EXIT } from "../command";
import { applyProviderFlag, loadPolicy } from "../load-policy";
import { readJsonInput } from "../read-input";

export type PreparedRequest =
  | { ok: true; request: TableRequest; context: RenderContext; out: string; flags: Record<string, string | true> }
  | { ok: false; code: number };

/**
 * Shared front half of `render` and `bundle`: parse flags, read, validate under the tier policy
 * (`--policy`, else the shipped one) for the provider target (`--aws-provider`, else the policy's).
 * An invalid request prints its issues and stops here, before anything is written.
 */
export async function prepareRequest(
  command: string,
  usage: string,
  args: string[],
  io: CliIo,
): Promise<PreparedRequest> {
  const { positional, flags } = parseArgs(args);
  const out = flags.out;
  if (positional.length !== 1 || typeof out !== "string") {
    io.stderr(`tablewright ${command}: give one request file (or -) and --out\n\n${usage}\n`);
    return { ok: false, code: EXIT.unreadable };
  }
  const loaded = await loadPolicy(command, flags.policy, io);
  const policy = loaded && applyProviderFlag(command, flags["aws-provider"], loaded, io);
  if (!policy) return { ok: false, code: EXIT.unreadable };
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(`tablewright ${command}: ${input.message}\n`);
    return { ok: false, code: EXIT.unreadable };
  }
  const { valid, issues, request } = validateTableRequest(input.value, policy);
  if (!valid || !request) {
    io.stderr(`tablewright ${command}: the request is invalid; nothing was written.\n`);
    io.stdout(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
    return { ok: false, code: EXIT.invalid };
  }
  const account = await loadAccountTargetFor(command, flags, { team: request.owner.team, tier: request.tier }, io);
  if (!account.ok) return { ok: false, code: EXIT.unreadable };
  const extra: RenderContext = account.target ? { accountTarget: account.target } : {};
  if (typeof flags["change-request"] === "string") extra.changeRequestKey = flags["change-request"];
  if (typeof flags.revision === "string" && /^\d+$/.test(flags.revision)) extra.revision = Number(flags.revision);
  return { ok: true, request, context: buildRenderContext(request, policy, extra), out, flags };
}

/** A renderer refusal is a validation gap: report it as an invalid request with its code. */
export function reportUnrenderable(command: string, error: unknown, io: CliIo): number {
  if (!(error instanceof UnrenderableRequestError)) throw error;
  io.stderr(`tablewright ${command}: cannot render: ${error.message}; nothing was written.\n`);
  io.stdout(
    `${JSON.stringify({ valid: false, issues: [{ path: error.path, code: error.code, severity: "error", message: error.message }] }, null, 2)}\n`,
  );
  return EXIT.invalid;
}
