import { attr, block, type HclValue, interp, obj, raw, ref, renderFile, str } from "./hcl";
import type { ModuleModel } from "./model";

/** One module output; the README's outputs table is built from the same list. */
export interface ModuleOutput {
  name: string;
  description: string;
  value: HclValue;
}

/** The outputs the module has for this request, in file order. */
export function moduleOutputs(model: ModuleModel): ModuleOutput[] {
  const out: ModuleOutput[] = [
    { name: "table_name", description: "Name of the table.", value: raw("aws_dynamodb_table.this.name") },
    { name: "table_id", description: "ID of the table (its name).", value: raw("aws_dynamodb_table.this.id") },
    {
      name: "table_arn",
      description: "ARN of the table in the primary Region.",
      value: raw("aws_dynamodb_table.this.arn"),
    },
  ];
  if (model.table.stream) {
    out.push({
      name: "stream_arn",
      description: "ARN of the table's stream.",
      value: raw("aws_dynamodb_table.this.stream_arn"),
    });
  }
  if (model.table.replicas.length > 0) {
    out.push({
      name: "replica_arns",
      description: "ARN of each replica, by Region.",
      value:
        model.table.replicaStyle === "inline"
          ? raw("{ for r in aws_dynamodb_table.this.replica : r.region_name => r.arn }")
          : obj(model.table.replicas.map((r) => [r.region, raw(`aws_dynamodb_table_replica.${r.label}.arn`)] as const)),
    });
  }
  if (model.table.gsis.length + model.table.lsis.length > 0) {
    out.push({
      name: "index_arns",
      description: "ARN of each secondary index, by name.",
      value: obj(
        [...model.table.gsis, ...model.table.lsis].map(
          (i) => [i.name, interp("", ref("aws_dynamodb_table.this.arn"), `/index/${i.name}`)] as const,
        ),
      ),
    });
  }
  out.push(
    {
      name: "read_write_policy_arn",
      description: "IAM policy for reading and writing items.",
      value: raw("aws_iam_policy.read_write.arn"),
    },
    {
      name: "read_only_policy_arn",
      description: "IAM policy for reading items.",
      value: raw("aws_iam_policy.read_only.arn"),
    },
  );
  if (model.backup) {
    out.push({
      name: "backup_vault_arn",
      description: "ARN of the AWS Backup vault.",
      value: raw("aws_backup_vault.this.arn"),
    });
    if (model.backup.copy) {
      out.push({
        name: "backup_copy_vault_arn",
        description: `ARN of the backup copy vault in ${model.backup.copy.region}.`,
        value: raw("aws_backup_vault.copy.arn"),
      });
    }
  }
  return out;
}

/** `outputs.tf`. */
export function renderOutputsTf(model: ModuleModel): string {
  return renderFile(
    moduleOutputs(model).map((o) =>
      block("output", [o.name], [attr("description", str(o.description)), attr("value", o.value)]),
    ),
  );
}
