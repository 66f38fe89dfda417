import { attr, block, comment, type HclNode, list, lit, raw, renderFile, sections, str } from "./hcl";
import type { ModuleModel, ReplicaModel } from "./model";
import { placeIn, tagsAttr } from "./placement";

function replicaResource(model: ModuleModel, r: ReplicaModel, after: readonly string[]): HclNode {
  const args: HclNode[] = [...placeIn(model, r.region), attr("global_table_arn", raw("aws_dynamodb_table.this.arn"))];
  if (r.kmsKeyArn) args.push(attr("kms_key_arn", str(r.kmsKeyArn)));
  if (r.tableClassOverride) args.push(attr("table_class_override", str(r.tableClassOverride)));
  args.push(
    attr("point_in_time_recovery", lit(r.pointInTimeRecovery)),
    attr("deletion_protection_enabled", lit(r.deletionProtection)),
  );
  // The resource has no propagate_tags: the table's tags are written on it instead.
  const tags = r.propagateTags ? tagsAttr(model) : null;
  const dependsOn = after.length > 0 ? attr("depends_on", list(after.map(raw), true)) : null;
  return block("resource", ["aws_dynamodb_table_replica", r.label], sections(args, tags, dependsOn));
}

/**
 * `replicas.tf`: one `aws_dynamodb_table_replica` per Region, when replicas are separate resources
 * (every replica on provider 5; on provider 6 for provisioned tables and per-replica table classes).
 * A provisioned table must be autoscaled before its first replica ("Table write capacity should
 * either be Pay-Per-Request or AutoScaled", provider issue #13097), so each replica waits for
 * every scaling policy, as the provider's aws_dynamodb_table_replica docs show ("Source Table with
 * Auto Scaling"); DynamoDB then passes the autoscaling settings to the replica. Replicas are
 * created one after another because DynamoDB updates one replica of a table at a time.
 */
export function renderReplicasTf(model: ModuleModel): string | null {
  const t = model.table;
  if (t.replicaStyle !== "resource" || t.replicas.length === 0) return null;
  const policies = model.autoscaling.map((s) => `aws_appautoscaling_policy.${s.label}`);
  const nodes: HclNode[] = [];
  t.replicas.forEach((r, i) => {
    const previous = i > 0 ? [`aws_dynamodb_table_replica.${t.replicas[i - 1]?.label}`] : [];
    if (i === 0) {
      nodes.push(
        comment(
          policies.length > 0
            ? "Created after the table's autoscaling (DynamoDB refuses replicas of a provisioned table\nwithout it), one Region at a time."
            : "One Region at a time: DynamoDB updates one replica of a table at once.",
        ),
      );
    }
    nodes.push(replicaResource(model, r, [...policies, ...previous]));
  });
  return renderFile(nodes);
}
