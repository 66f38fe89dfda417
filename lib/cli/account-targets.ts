import {
  type AccountTarget,
  AccountTargetInputSchema,
  type AssumeRoleTarget,
  resolveAccountTarget,
  toAssumeRoleTarget,
} from "../domain/accounts/account-target";
import type { CliIo } from "./command";
import { readJsonInput } from "./read-input";
import { callApi, resolveRemote } from "./remote";

export const ACCOUNT_TARGETS_HELP = `  --account-targets <file.json | server>
                       the portal's account mappings, so the provider assumes the same role the
                       portal's module would: a file holding GET /api/v1/account-targets' answer
                       ({"targets": [...]}, or the array alone), or "server" to fetch them with
                       --server/--token (or TABLEWRIGHT_SERVER/TABLEWRIGHT_TOKEN)`;

export type LoadedTargets = { ok: true; targets: AccountTarget[] } | { ok: false; message: string };

/** Checks each mapping with the portal's own schema; the first broken one is named by index and field. */
export function parseAccountTargets(value: unknown): LoadedTargets {
  const list = Array.isArray(value) ? value : (value as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(list)) {
    return { ok: false, message: 'account targets must be {"targets": [...]} or an array of mappings' };
  }
  const targets: AccountTarget[] = [];
  for (const [index, item] of list.entries()) {
    // The portal's list carries an id; the input schema is strict, so leave it out.
    const { id, ...fields } = (item ?? {}) as Record<string, unknown>;
    const parsed = AccountTargetInputSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        message: `account target ${index}: ${issue?.path.join(".") || "mapping"} ${issue?.message ?? "is not valid"}`,
      };
    }
    targets.push({ ...parsed.data, id: typeof id === "string" ? id : String(index) });
  }
  return { ok: true, targets };
}

/**
 * The mapping for a request (its team and tier) from `--account-targets`, or undefined when the
 * flag is absent or no mapping applies (the default credentials' account, as in the portal).
 */
export async function loadAccountTargetFor(
  command: string,
  flags: Record<string, string | true>,
  scope: { team: string; tier: string },
  io: CliIo,
): Promise<{ ok: true; target: AssumeRoleTarget | undefined } | { ok: false }> {
  const source = flags["account-targets"];
  if (source === undefined) return { ok: true, target: undefined };
  if (source === true) {
    io.stderr(`tablewright ${command}: --account-targets needs a file or "server"\n`);
    return { ok: false };
  }
  let value: unknown;
  if (source === "server") {
    const remote = resolveRemote(flags, io, command);
    if (!remote) return { ok: false };
    const result = await callApi(remote, "GET", "/api/v1/account-targets");
    if (!result.ok) {
      io.stderr(`tablewright ${command}: cannot read the portal's account targets: ${result.message}\n`);
      return { ok: false };
    }
    value = result.body;
  } else {
    const read = await readJsonInput(source, io);
    if (!read.ok) {
      io.stderr(`tablewright ${command}: --account-targets: ${read.message}\n`);
      return { ok: false };
    }
    value = read.value;
  }
  const loaded = parseAccountTargets(value);
  if (!loaded.ok) {
    io.stderr(`tablewright ${command}: --account-targets: ${loaded.message}\n`);
    return { ok: false };
  }
  const target = resolveAccountTarget(loaded.targets, scope);
  return { ok: true, target: target ? toAssumeRoleTarget(target) : undefined };
}
