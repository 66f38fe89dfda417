import "server-only";
import { checkTableNameCollisions } from "@/lib/aws";
import { AppError, isAppError } from "@/lib/domain/app-error";
import { can } from "@/lib/domain/auth";
import { type McpBackend, type SubmitResult, submitResultOf } from "@/lib/mcp/backend";
import { summarizeChangeRequest } from "@/lib/mcp/summarize-status";
import { prefixIssues } from "@/lib/mcp/tool-error";
import { findAccountTarget } from "../accounts";
import type { Actor } from "../actor";
import { createChangeRequest, getChangeRequest } from "../change-requests";
import { runIdempotent } from "../idempotency";
import { getLogger } from "../logger";
import { loadTierPolicy } from "../policy";
import { isDatabaseUnavailable } from "../run-transaction";

/** A database outage is the caller's to retry (as REST's 503), not a mystery. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDatabaseUnavailable(error))
      throw new AppError("DATABASE_UNAVAILABLE", "the database is unreachable; try again shortly");
    throw error;
  }
}

/** Field issues of a create point into the tool's arguments (`request.tableName`), as REST's do into the body. */
async function withRequestPrefix<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && error.issues.length > 0) {
      throw new AppError(error.code, error.message, {
        details: error.details,
        issues: prefixIssues("request", error.issues),
      });
    }
    throw error;
  }
}

/**
 * The MCP tools inside the portal (`/api/mcp`): everything runs as the token's actor, through the
 * same server functions as the REST API (the portal's tier policy, live name checks when they are
 * configured, team membership, idempotency, audit), and the token's scopes decide what it may call.
 */
export function createServerBackend(actor: Actor, options: { origin: string; requestId: string }): McpBackend {
  const pageUrl = (key: string) => `${options.origin}/requests/${key}`;
  return {
    policy: loadTierPolicy(),
    can: (permission) => can(actor, permission),
    checkLive: async (request) => {
      const accountTarget = await findAccountTarget({ team: request.owner.team, tier: request.tier });
      return (await checkTableNameCollisions(request, { accountTarget })).issues;
    },
    accountTargetFor: (request) => findAccountTarget({ team: request.owner.team, tier: request.tier }),
    submit: (input) =>
      guarded(async (): Promise<SubmitResult> => {
        const body = { request: input.request, submit: !input.draft, ...(input.title ? { title: input.title } : {}) };
        const result = await runIdempotent(actor, input.idempotencyKey ?? null, body, async () => ({
          status: 201,
          body: await withRequestPrefix(() => createChangeRequest(actor, body)),
        }));
        return submitResultOf(result.body, pageUrl, result.replayed);
      }),
    status: (key) => guarded(async () => summarizeChangeRequest(await getChangeRequest(actor, key), pageUrl(key))),
    reportUnexpected(error, tool) {
      getLogger().error(
        { requestId: options.requestId, tool, error: String((error as Error)?.stack ?? error) },
        "MCP tool failed",
      );
      return options.requestId;
    },
  };
}
