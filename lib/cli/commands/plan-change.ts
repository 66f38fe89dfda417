import { type PlanContext, PlanContextSchema, planTableChange } from "../../domain/plan";
import { DEFAULT_TIER_POLICY } from "../../domain/policy/default-policy";
import type { TableRequest } from "../../domain/request/schema";
import { mapZodIssues, parseTableRequest, validateTableRequest } from "../../domain/validation";
import { parseArgs } from "../args";
import { type CliCommand, type CliIo, EXIT } from "../command";
import { readJsonInput } from "../read-input";

const USAGE = `Usage: tablewright plan-change <live.json> <requested.json> [--context context.json]
                               [--table-size-gb <GB>] [--item-count <n>] [--now <ISO time>]

Prints the operation plan from a live table definition to a requested one, as JSON: every
difference classified by DynamoDB's and the Terraform provider's rules (in place, long-running,
rate-limited, sequenced, destructive), the ordered steps (what Terraform does, how long it may
take, whether the table stays available, whether the step needs its own apply), one intermediate
definition per apply, and a risk level (low, medium, high, destructive). Offline: nothing is read
from AWS.

Arguments:
  <live.json>          the table as it is (a table request); a file holding null plans a create;
                       - reads standard input (for one of the two files)
  <requested.json>     the table as requested
  --context <file>     JSON: tableSizeGb, itemCount, now, onDemandBackfillWriteUnitsPerSecond and
                       recentChanges (switchesToOnDemand, tableClassChanges, ttlChanges,
                       encryptionKeyChanges, capacityDecreases: [{ "at": ISO time }]) for
                       duration estimates and rate-limit windows
  --table-size-gb <GB> the table's size (overrides the context file)
  --item-count <n>     the table's item count (overrides the context file)
  --now <ISO time>     the time rate-limit windows are judged at (default: now)

Exit codes: 0 plan printed, 1 invalid definition or context (issues printed as JSON), 2 unreadable
input or bad usage.`;

type Loaded<T> = { ok: true; value: T } | { ok: false; code: number };

async function loadDefinition(
  file: string,
  role: "live" | "requested",
  io: CliIo,
): Promise<Loaded<TableRequest | null>> {
  const input = await readJsonInput(file, io);
  if (!input.ok) {
    io.stderr(`tablewright plan-change: ${input.message}\n`);
    return { ok: false, code: EXIT.unreadable };
  }
  if (role === "live") {
    if (input.value === null) return { ok: true, value: null };
    const parsed = parseTableRequest(input.value);
    if (parsed.success) return { ok: true, value: parsed.request };
    io.stdout(`${JSON.stringify({ valid: false, file: "live", issues: parsed.issues }, null, 2)}\n`);
    io.stderr("tablewright plan-change: the live definition is not a table request; fix the issues above\n");
    return { ok: false, code: EXIT.invalid };
  }
  const { issues, request } = validateTableRequest(input.value, DEFAULT_TIER_POLICY);
  const blocking = issues.filter((i) => i.severity === "error" && i.source !== "policy");
  if (!request || blocking.length > 0) {
    io.stdout(`${JSON.stringify({ valid: false, file: "requested", issues: blocking }, null, 2)}\n`);
    io.stderr(
      "tablewright plan-change: the requested definition is invalid; fix the issues above (tablewright validate shows them too)\n",
    );
    return { ok: false, code: EXIT.invalid };
  }
  for (const issue of issues.filter((i) => i.severity === "error" && i.source === "policy")) {
    io.stderr(
      `tablewright plan-change: note: the default tier policy refuses ${issue.code} at ${issue.path || "(root)"}\n`,
    );
  }
  return { ok: true, value: request };
}

function numberFlag(value: string | true | undefined, name: string, io: CliIo): Loaded<number | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  const n = value === true ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < 0) {
    io.stderr(`tablewright plan-change: --${name} needs a number >= 0\n`);
    return { ok: false, code: EXIT.unreadable };
  }
  return { ok: true, value: n };
}

async function loadContext(flags: Record<string, string | true>, io: CliIo): Promise<Loaded<PlanContext>> {
  let raw: Record<string, unknown> = {};
  if (flags.context !== undefined) {
    if (flags.context === true) {
      io.stderr("tablewright plan-change: --context needs a file\n");
      return { ok: false, code: EXIT.unreadable };
    }
    const input = await readJsonInput(flags.context, io);
    if (!input.ok) {
      io.stderr(`tablewright plan-change: ${input.message}\n`);
      return { ok: false, code: EXIT.unreadable };
    }
    if (input.value === null || typeof input.value !== "object" || Array.isArray(input.value)) {
      io.stderr("tablewright plan-change: the context file must hold a JSON object\n");
      return { ok: false, code: EXIT.invalid };
    }
    raw = { ...(input.value as Record<string, unknown>) };
  }
  const size = numberFlag(flags["table-size-gb"], "table-size-gb", io);
  const items = numberFlag(flags["item-count"], "item-count", io);
  if (!size.ok) return size;
  if (!items.ok) return items;
  if (size.value !== undefined) raw.tableSizeGb = size.value;
  if (items.value !== undefined) raw.itemCount = items.value;
  if (flags.now === true) {
    io.stderr("tablewright plan-change: --now needs an ISO time, e.g. 2026-12-05T10:00:00Z\n");
    return { ok: false, code: EXIT.unreadable };
  }
  if (flags.now !== undefined) raw.now = flags.now;
  raw.now ??= new Date().toISOString();
  const parsed = PlanContextSchema.safeParse(raw);
  if (!parsed.success) {
    io.stdout(
      `${JSON.stringify({ valid: false, file: "context", issues: mapZodIssues(parsed.error.issues, raw) }, null, 2)}\n`,
    );
    io.stderr("tablewright plan-change: the context is invalid; fix the issues above\n");
    return { ok: false, code: EXIT.invalid };
  }
  return { ok: true, value: parsed.data };
}

/** `tablewright plan-change`: the operation plan between two table definitions, offline. */
export const planChangeCommand: CliCommand = {
  name: "plan-change",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    // Unknown options never reach here: runCli refuses what USAGE does not name.
    const why =
      positional.length !== 2
        ? "give the live and the requested definition files"
        : positional[0] === "-" && positional[1] === "-"
          ? "only one of the two files can be standard input"
          : undefined;
    if (why) {
      io.stderr(`tablewright plan-change: ${why}\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const live = await loadDefinition(positional[0] as string, "live", io);
    if (!live.ok) return live.code;
    const requested = await loadDefinition(positional[1] as string, "requested", io);
    if (!requested.ok) return requested.code;
    if (requested.value === null) return EXIT.invalid;
    const context = await loadContext(flags, io);
    if (!context.ok) return context.code;
    const plan = planTableChange(live.value, requested.value, context.value);
    io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
    return EXIT.ok;
  },
};
