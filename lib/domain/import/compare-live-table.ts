import type { TableRequest } from "../request/schema";
import { buildModuleModel } from "../terraform/build-model";
import { diffTableShapes, type TableDifference } from "./diff-table-shapes";
import type { LiveTableFacts } from "./live-table";
import { shapeFromLiveTable, shapeFromTableModel } from "./table-shape";

/**
 * Compares a live table with an approved request: keys, attribute types, billing and capacity,
 * GSIs (keys, projection, capacity), LSIs, stream, TTL, PITR and its recovery period, encryption,
 * deletion protection, table class, tags, replicas (Region, key, class, PITR, deletion
 * protection), consistency and witness. The expected side is the module's own view model, so
 * "what Terraform applies" and "what is verified" cannot disagree. Pure; an empty list is a match.
 */
export function compareLiveTable(request: TableRequest, facts: LiveTableFacts): TableDifference[] {
  const expected = shapeFromTableModel(buildModuleModel(request).table);
  return diffTableShapes(expected, shapeFromLiveTable(facts));
}
