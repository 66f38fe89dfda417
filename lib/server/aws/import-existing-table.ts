import "server-only";
import { type ImportExistingTableInput, type ImportOptions, readImpliedTableRequest } from "@/lib/aws";
import { AppError } from "@/lib/domain/app-error";
import { hasPermission } from "@/lib/domain/auth/permissions";
import type { LiveTableFacts } from "@/lib/domain/import/live-table";
import { findAccountTarget } from "../accounts";
import type { Actor } from "../actor";
import { createChangeRequest } from "../change-requests";
import type { Db } from "../db";
import { loadTierPolicy } from "../policy";

/**
 * Brownfield adoption: reads the live table, builds the request it implies, and creates a change
 * request whose module carries `imports.tf` (a Terraform `import` block for the table), so that
 * applying the approved module adopts the table without changing it. Live checks off or an
 * unreachable endpoint is CONFLICT with the reason (nothing is stored); a missing table is
 * NOT_FOUND; a table that breaks the request rules or the tier policy is VALIDATION_FAILED.
 */
export async function importExistingTable(
  actor: Actor,
  input: ImportExistingTableInput,
  options: ImportOptions & { db?: Db } = {},
) {
  if (!hasPermission(actor.role, "aws.check")) throw new AppError("FORBIDDEN", "you may not run live checks");
  // The table lives in the account the team/tier is mapped to: read it through that role.
  const accountTarget =
    options.accountTarget ?? (await findAccountTarget({ team: input.team, tier: input.tier }, options.db));
  const implied = await readImpliedTableRequest(input, {
    ...options,
    accountTarget,
    policy: options.policy ?? loadTierPolicy(),
  });
  if (!implied.ok) {
    if (implied.reason === "not-found") throw new AppError("NOT_FOUND", implied.message);
    throw new AppError("CONFLICT", `cannot import now: ${implied.message}`, {
      details: { liveChecks: implied.reason },
    });
  }
  if (!implied.validation.valid) {
    throw new AppError("VALIDATION_FAILED", "the table as it exists breaks the request rules or the tier policy", {
      issues: implied.validation.issues.filter((i) => i.severity === "error"),
      details: { request: implied.request, notes: implied.notes },
    });
  }
  const created = await createChangeRequest(
    actor,
    {
      request: implied.request,
      title: input.title ?? `Import ${input.tableName} (${input.region})`,
      submit: input.submit,
      importExisting: { tableName: input.tableName, region: input.region },
      importFacts: importFactsOf(implied.facts),
    },
    options.db,
  );
  return { ...created, request: implied.request, notes: implied.notes };
}

/** What DescribeTable measured: size and item count (for plan durations) and the account from the ARN. */
function importFactsOf(facts: LiveTableFacts) {
  const { TableSizeBytes, ItemCount, TableArn } = facts.table;
  const account = TableArn ? /^arn:[^:]+:dynamodb:[^:]*:(\d{12}):/.exec(TableArn)?.[1] : undefined;
  return {
    ...(TableSizeBytes !== undefined ? { sizeGb: TableSizeBytes / 1024 ** 3 } : {}),
    ...(ItemCount !== undefined ? { itemCount: ItemCount } : {}),
    ...(account ? { account } : {}),
  };
}
