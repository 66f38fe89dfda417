import "server-only";
import { checkTableNameCollisions } from "@/lib/aws/check-table-name-collisions";
import { AppError } from "@/lib/domain/app-error";
import type { TableRequest } from "@/lib/domain/request/schema";
import type { ValidationIssue } from "@/lib/domain/validation/types";

/**
 * On submit, the table must not already exist in any target Region. An existing table is a 422 on
 * `tableName`; an unreachable endpoint only warns (live checks degrade, they never block or hang).
 */
export async function assertTableNameFree(
  request: Pick<TableRequest, "tableName" | "regions" | "tier">,
  options: { expectExisting?: boolean } = {},
): Promise<ValidationIssue[]> {
  const { issues } = await checkTableNameCollisions(request, options);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length)
    throw new AppError("VALIDATION_FAILED", errors[0]?.message ?? "the live table check failed", { issues: errors });
  return issues;
}
