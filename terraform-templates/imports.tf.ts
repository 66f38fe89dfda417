import { attr, block, comment, raw, renderFile, str } from "./hcl";
import type { RenderContext } from "./model";

/**
 * `imports.tf`: a Terraform `import` block (Terraform 1.5+) that adopts an existing table instead
 * of creating it. Only the table is imported: it is the one resource whose existence and settings
 * were read from DynamoDB. Everything else the module declares (IAM policies, alarms, backups) is
 * new and shows as "to add" in the plan.
 */
export function renderImportsTf(existing: RenderContext["importExisting"]): string | null {
  if (!existing) return null;
  return renderFile([
    comment(
      `Adopts the existing table ${existing.tableName} in ${existing.region}. The first plan should show it\n` +
        "as 1 to import with no change to it; a change means the table and this module disagree.",
    ),
    block("import", [], [attr("to", raw("aws_dynamodb_table.this")), attr("id", str(existing.tableName))]),
  ]);
}
