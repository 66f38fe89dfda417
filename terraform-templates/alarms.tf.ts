import type { ModuleModel } from "../lib/domain/terraform/model";
import { attr, block, comment, type HclNode, type HclValue, lit, obj, raw, renderFile, sections, str } from "./hcl";

/** Operations whose SystemErrors are summed: SystemErrors is only published per operation. */
export const SYSTEM_ERROR_OPERATIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchWriteItem",
  "TransactWriteItems",
] as const;

const TABLE_DIMENSION: readonly [string, HclValue] = ["TableName", raw("aws_dynamodb_table.this.name")];

function common(name: string, description: string, threshold: number): HclNode[] {
  // Always a variable: its default is the request's topic when given, so it can be overridden.
  const actions = raw("var.alarm_actions");
  return [
    attr("alarm_name", str(name)),
    attr("alarm_description", str(description)),
    attr("comparison_operator", str("GreaterThanOrEqualToThreshold")),
    attr("threshold", lit(threshold)),
    attr("evaluation_periods", lit(1)),
    attr("treat_missing_data", str("notBreaching")),
    attr("alarm_actions", actions),
    attr("ok_actions", actions),
  ];
}

function tagsAttr(model: ModuleModel): HclNode | null {
  const tags = model.table.tags;
  return tags.length > 0 ? attr("tags", obj(tags.map(([k, v]) => [k, str(v)] as const))) : null;
}

function metricAlarm(model: ModuleModel, label: string, head: HclNode[], metric: HclNode[], dims: HclValue): HclNode {
  return block(
    "resource",
    ["aws_cloudwatch_metric_alarm", label],
    sections([...head, ...metric], attr("dimensions", dims), tagsAttr(model)),
  );
}

/** `alarms.tf`: throttling, system errors and (MREC) replication latency per replica Region. */
export function renderAlarmsTf(model: ModuleModel): string | null {
  const a = model.alarms;
  if (!a) return null;
  const t = model.tableName;
  const sumOver = (metricName: string) => [
    attr("namespace", str("AWS/DynamoDB")),
    attr("metric_name", str(metricName)),
    attr("statistic", str("Sum")),
    attr("period", lit(60)),
  ];
  const nodes: HclNode[] = [
    metricAlarm(
      model,
      "read_throttle",
      common(a.readThrottle.name, `Read requests to ${t} are being throttled.`, a.readThrottle.threshold),
      sumOver("ReadThrottleEvents"),
      obj([TABLE_DIMENSION]),
    ),
    metricAlarm(
      model,
      "write_throttle",
      common(a.writeThrottle.name, `Write requests to ${t} are being throttled.`, a.writeThrottle.threshold),
      sumOver("WriteThrottleEvents"),
      obj([TABLE_DIMENSION]),
    ),
  ];
  const queries = SYSTEM_ERROR_OPERATIONS.map((op, i) =>
    block(
      "metric_query",
      [],
      sections(
        attr("id", str(`m${i}`)),
        block(
          "metric",
          [],
          sections(
            [
              attr("namespace", str("AWS/DynamoDB")),
              attr("metric_name", str("SystemErrors")),
              attr("stat", str("Sum")),
              attr("period", lit(60)),
            ],
            attr("dimensions", obj([TABLE_DIMENSION, ["Operation", str(op)]])),
          ),
        ),
      ),
    ),
  );
  nodes.push(
    comment(`SystemErrors exists per operation only, so the alarm sums ${SYSTEM_ERROR_OPERATIONS.join(", ")}.`),
    block(
      "resource",
      ["aws_cloudwatch_metric_alarm", "system_errors"],
      sections(
        common(a.systemErrors.name, `DynamoDB returned server errors (HTTP 500) for ${t}.`, a.systemErrors.threshold),
        block(
          "metric_query",
          [],
          [
            attr("id", str("errors")),
            attr("expression", str(SYSTEM_ERROR_OPERATIONS.map((_, i) => `m${i}`).join(" + "))),
            attr("label", str("SystemErrors")),
            attr("return_data", lit(true)),
          ],
        ),
        ...queries,
        tagsAttr(model),
      ),
    ),
  );
  for (const r of a.replicationLatency) {
    nodes.push(
      metricAlarm(
        model,
        r.label,
        common(r.name, `Replication from ${model.primaryRegion} to ${r.region} lags for ${t}.`, r.thresholdMs),
        [
          attr("namespace", str("AWS/DynamoDB")),
          attr("metric_name", str("ReplicationLatency")),
          attr("statistic", str("Average")),
          attr("period", lit(60)),
          attr("unit", str("Milliseconds")),
        ],
        obj([TABLE_DIMENSION, ["ReceivingRegion", str(r.region)]]),
      ),
    );
  }
  return renderFile(nodes);
}
