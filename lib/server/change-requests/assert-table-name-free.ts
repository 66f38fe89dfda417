import "server-only";
import { checkTableNameCollisions } from "@/lib/aws/check-table-name-collisions";
import type { AssumeRoleTarget } from "@/lib/domain/accounts/account-target";
import { AppError } from "@/lib/domain/app-error";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";
import { findAccountTarget } from "../accounts";
import type { Db } from "../db";

/**
 * On submit, the table must not already exist in any target Region. An existing table is a 422 on
 * `tableName`; an unreachable endpoint only warns (live checks degrade, they never block or hang).
 */
export async function assertTableNameFree(
  request: Pick<TableRequest, "tableName" | "regions" | "tier" | "owner">,
  options: { expectExisting?: boolean; accountTarget?: AssumeRoleTarget; db?: Db } = {},
): Promise<ValidationIssue[]> {
  // In the account the team/tier is mapped to (its role, through STS), else the default account.
  // A caller that already looked the mapping up passes it (even when there is none).
  const accountTarget =
    "accountTarget" in options
      ? options.accountTarget
      : await findAccountTarget({ team: request.owner.team, tier: request.tier }, options.db);
  const { issues } = await checkTableNameCollisions(request, {
    expectExisting: options.expectExisting,
    accountTarget,
  });
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length)
    throw new AppError("VALIDATION_FAILED", errors[0]?.message ?? "the live table check failed", { issues: errors });
  return issues;
}
