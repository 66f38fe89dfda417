import { type ClassifyInput, changedUnder, hasChangeUnder } from "./classify-input";
import { QUICK } from "./durations";
import { makeOp, NEW_TABLE_INSTRUCTION, type Op } from "./ops";

const REPLACE_BY_TERRAFORM =
  "Terraform plans -/+ (replace): it deletes aws_dynamodb_table.this, every item and every replica, then creates an empty table with the new definition ([TF] ForceNew).";

/**
 * The changes DynamoDB cannot make to an existing table: its name, its key schema and its local
 * secondary indexes. Each one replaces the table; items survive only if migrated.
 */
export function classifyKeys(input: ClassifyInput): Op[] {
  const { live, target } = input;
  const ops: Op[] = [];
  if (live.tableName !== target.tableName) {
    // [TF] schema: `name` is ForceNew.
    ops.push(
      makeOp({
        kind: "TABLE_RENAMED",
        categories: ["destructive"],
        paths: [["tableName"]],
        summary: `The table is renamed from ${live.tableName} to ${target.tableName}: DynamoDB cannot rename a table, so a new, empty one is created and the old one deleted.`,
        terraform: REPLACE_BY_TERRAFORM,
        risk: "destructive",
        available: false,
        impact:
          "Every item is lost unless exported first and loaded into the new table; clients must use the new name.",
        sources: ["providerForceNew"],
        stage: "replace",
        title: "Replace the table",
        duration: QUICK.updateTable,
      }),
    );
  }

  const keyPaths = [["partitionKey"], ["sortKey"]].filter((p) => hasChangeUnder(input, p));
  if (keyPaths.length > 0) {
    const namesChanged =
      live.partitionKey.name !== target.partitionKey.name || live.sortKey?.name !== target.sortKey?.name;
    // [TF] hash_key / range_key are ForceNew; a type-only change is cleared by the provider's CustomizeDiff.
    ops.push(
      makeOp({
        kind: "TABLE_KEY_CHANGED",
        categories: ["destructive"],
        paths: keyPaths,
        summary: "The table's key schema changes: DynamoDB fixes the primary key when a table is created.",
        terraform: namesChanged
          ? REPLACE_BY_TERRAFORM
          : "Terraform plans nothing: the provider drops an attribute's type change when no index changes with it, so the table would keep its old key type. The new key needs a new table.",
        risk: "destructive",
        available: false,
        impact: "Every item is lost unless migrated; every reader and writer must use the new key.",
        sources: namesChanged ? ["providerForceNew"] : ["providerAttributeOnly"],
        stage: "replace",
        title: "Replace the table",
        duration: QUICK.updateTable,
        instruction: namesChanged ? undefined : NEW_TABLE_INSTRUCTION,
      }),
    );
  }

  if (changedUnder(input, ["localSecondaryIndexes"]).length > 0) {
    // [DG] LSI.md: LSIs exist only from CreateTable; [TF] local_secondary_index is ForceNew.
    ops.push(
      makeOp({
        kind: "LSI_CHANGED",
        categories: ["destructive"],
        paths: [["localSecondaryIndexes"]],
        summary: "Local secondary indexes change: they can only be defined when the table is created.",
        terraform: REPLACE_BY_TERRAFORM,
        risk: "destructive",
        available: false,
        impact: "Every item is lost unless migrated.",
        sources: ["lsiCreateOnly", "providerForceNew"],
        stage: "replace",
        title: "Replace the table",
        duration: QUICK.updateTable,
      }),
    );
  }
  return ops;
}
