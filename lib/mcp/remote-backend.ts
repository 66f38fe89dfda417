import { callApi, type RemoteResult, type RemoteTarget } from "../cli/remote";
import { DEFAULT_TIER_POLICY } from "../domain/policy/default-policy";
import type { TierPolicy } from "../domain/policy/schema";
import { type McpBackend, type SubmitResult, submitResultOf } from "./backend";
import type { ToolFailure } from "./schemas";
import { type ChangeRequestDetailLike, summarizeChangeRequest } from "./summarize-status";
import { ToolError } from "./tool-error";

/** A REST failure as a tool failure: the portal's code, detail and field issues, as it sent them. */
function remoteFailure(result: Extract<RemoteResult, { ok: false }>): ToolError {
  const problem = result.problem;
  const issues = Array.isArray(problem?.errors)
    ? (problem.errors as ToolFailure["issues"]).filter(
        (i) => i && typeof i.path === "string" && typeof i.code === "string" && typeof i.message === "string",
      )
    : [];
  const code = problem?.code ?? (result.status === 0 ? "UNREACHABLE" : `HTTP_${result.status}`);
  return new ToolError(code, result.message, issues);
}

function requireTarget(target: RemoteTarget | undefined, tool: string): RemoteTarget {
  if (target) return target;
  throw new ToolError(
    "NOT_CONFIGURED",
    `${tool} talks to a Tablewright portal: start the server with TABLEWRIGHT_SERVER (the portal's URL) and ` +
      "TABLEWRIGHT_TOKEN (an API token, created under API tokens in the portal), or --server and --token",
  );
}

/**
 * The stdio server's backend (`tablewright mcp`): the engine runs here, offline, under the default
 * tier policy (or --policy); submit and status call the portal's REST API with the token, exactly as
 * `tablewright submit` and `tablewright status` do, so the portal applies its own policy and scopes.
 */
export function createRemoteBackend(options: {
  target?: RemoteTarget;
  policy?: TierPolicy;
  log: (line: string) => void;
}): McpBackend {
  const { target } = options;
  return {
    policy: options.policy ?? DEFAULT_TIER_POLICY,
    // The portal checks the token's scopes on every call; nothing runs here that it would refuse.
    can: () => true,
    async submit(input): Promise<SubmitResult> {
      const server = requireTarget(target, "submit");
      const result = await callApi(server, "POST", "/api/v1/change-requests", {
        json: { request: input.request, submit: !input.draft, ...(input.title ? { title: input.title } : {}) },
        headers: input.idempotencyKey ? { "idempotency-key": input.idempotencyKey } : {},
      });
      if (!result.ok) throw remoteFailure(result);
      return submitResultOf(
        result.body,
        (key) => `${server.server}/requests/${key}`,
        result.headers.get("idempotent-replayed") === "true",
      );
    },
    async status(key) {
      const server = requireTarget(target, "status");
      const result = await callApi(server, "GET", `/api/v1/change-requests/${encodeURIComponent(key)}`);
      if (!result.ok) throw remoteFailure(result);
      return summarizeChangeRequest(result.body as ChangeRequestDetailLike, `${server.server}/requests/${key}`);
    },
    reportUnexpected(error, tool) {
      options.log(`tablewright mcp: ${tool} failed unexpectedly: ${(error as Error)?.stack ?? String(error)}\n`);
      return undefined;
    },
  };
}
