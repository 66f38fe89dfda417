import type { TableRequest } from "../request/schema";
import type { ValidationIssue } from "../validation/types";

/** The slice of a managed table the collision rule reads. */
export interface ManagedTableRef {
  id: string;
  name: string;
  /** Every Region of the table (primary and replicas). */
  regions: readonly string[];
}

export const TABLE_ALREADY_MANAGED = "TABLE_ALREADY_MANAGED";

/** Every Region a request puts the table in. */
export function requestRegions(request: Pick<TableRequest, "regions">): string[] {
  return [request.regions.primary, ...request.regions.replicas.map((r) => r.region)];
}

/**
 * A new table request must not describe a table the portal already manages: same name in any of
 * its Regions (DynamoDB table names are unique per account and Region). The issue sits on the
 * table name, names the rule and points to the table's page, where "Change this table" starts a
 * change request tied to it instead.
 */
export function findTableCollision(
  request: Pick<TableRequest, "tableName" | "regions">,
  tables: readonly ManagedTableRef[],
): { tableId: string; issue: ValidationIssue } | undefined {
  const wanted = new Set(requestRegions(request));
  const hit = tables.find((t) => t.name === request.tableName && t.regions.some((r) => wanted.has(r)));
  if (!hit) return undefined;
  const shared = hit.regions.filter((r) => wanted.has(r));
  const issue: ValidationIssue = {
    path: "tableName",
    code: TABLE_ALREADY_MANAGED,
    severity: "error",
    source: "schema",
    message: `${request.tableName} in ${shared.join(", ")} is already a managed table: a new request cannot create it again. Change this table instead: /tables/${hit.id}`,
  };
  return { tableId: hit.id, issue };
}
