import {
  attr,
  block,
  comment,
  type HclNode,
  type HclValue,
  interp,
  lit,
  raw,
  ref,
  renderFile,
  sections,
  str,
} from "./hcl";
import type { ModuleModel, ScalingModel } from "./model";

function resourceId(s: ScalingModel): HclValue {
  const table = ref("aws_dynamodb_table.this.name");
  return s.indexName === undefined ? interp("table/", table) : interp("table/", table, "/index/", s.indexName);
}

function scalingNodes(s: ScalingModel): HclNode[] {
  const kind = s.indexName === undefined ? "table" : "index";
  const unit = s.dimension === "read" ? "ReadCapacityUnits" : "WriteCapacityUnits";
  const metric = s.dimension === "read" ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization";
  const target = `aws_appautoscaling_target.${s.label}`;
  return [
    block(
      "resource",
      ["aws_appautoscaling_target", s.label],
      [
        attr("service_namespace", str("dynamodb")),
        attr("resource_id", resourceId(s)),
        attr("scalable_dimension", str(`dynamodb:${kind}:${unit}`)),
        attr("min_capacity", lit(s.minCapacity)),
        attr("max_capacity", lit(s.maxCapacity)),
      ],
    ),
    block(
      "resource",
      ["aws_appautoscaling_policy", s.label],
      sections(
        [
          attr("name", interp(`${metric}:`, ref(`${target}.resource_id`))),
          attr("policy_type", str("TargetTrackingScaling")),
          attr("service_namespace", raw(`${target}.service_namespace`)),
          attr("resource_id", raw(`${target}.resource_id`)),
          attr("scalable_dimension", raw(`${target}.scalable_dimension`)),
        ],
        block(
          "target_tracking_scaling_policy_configuration",
          [],
          sections(
            attr("target_value", lit(s.targetUtilization)),
            block("predefined_metric_specification", [], [attr("predefined_metric_type", str(metric))]),
          ),
        ),
      ),
    ),
  ];
}

/** `autoscaling.tf`: a target and a target-tracking policy per autoscaled table or GSI dimension. */
export function renderAutoscalingTf(model: ModuleModel): string | null {
  if (model.autoscaling.length === 0) return null;
  return renderFile([
    comment(
      "Target tracking keeps consumed capacity near the requested utilisation. The table ignores\nchanges to the capacity these targets manage (see lifecycle in main.tf).",
    ),
    ...model.autoscaling.flatMap(scalingNodes),
  ]);
}
