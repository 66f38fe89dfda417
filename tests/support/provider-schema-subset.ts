/**
 * The part of a hashicorp/aws schema the generated modules can touch: per resource type, the
 * arguments a configuration may set and the nested blocks, recursively. Built from
 * `terraform providers schema -json` (5.x) or written from the provider docs (6.x subset).
 */
export interface SchemaNode {
  arguments: string[];
  blocks: Record<string, SchemaNode>;
}

/** The resource types the templates emit. */
export const EMITTED_RESOURCE_TYPES = [
  "aws_appautoscaling_policy",
  "aws_appautoscaling_target",
  "aws_backup_plan",
  "aws_backup_selection",
  "aws_backup_vault",
  "aws_cloudwatch_metric_alarm",
  "aws_dynamodb_contributor_insights",
  "aws_dynamodb_table",
  "aws_dynamodb_table_replica",
  "aws_iam_policy",
  "aws_iam_role",
  "aws_iam_role_policy_attachment",
] as const;

interface TerraformBlock {
  attributes?: Record<string, { optional?: boolean; required?: boolean; computed?: boolean }>;
  block_types?: Record<string, { block: TerraformBlock }>;
}

/** Settable arguments (required or optional; computed-only ones cannot be written) and blocks. */
export function toSchemaNode(block: TerraformBlock): SchemaNode {
  const args = Object.entries(block.attributes ?? {})
    .filter(([, a]) => a.required || a.optional)
    .map(([name]) => name)
    .sort();
  const blocks: Record<string, SchemaNode> = {};
  for (const name of Object.keys(block.block_types ?? {}).sort()) {
    blocks[name] = toSchemaNode((block.block_types as Record<string, { block: TerraformBlock }>)[name]?.block ?? {});
  }
  return { arguments: args, blocks };
}
