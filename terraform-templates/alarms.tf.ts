import { attr, block, comment, type HclNode, type HclValue, lit, obj, raw, renderFile, sections, str } from "./hcl";
import type {
  AlarmPlacement,
  ModuleModel,
  ReplicationLatencyAlarmModel,
  SystemErrorsAlarmModel,
  ThrottleAlarmModel,
} from "./model";
import { placeIn, tagsAttr } from "./placement";

const TABLE_DIMENSION: readonly [string, HclValue] = ["TableName", raw("aws_dynamodb_table.this.name")];

/** An alarm's actions: CloudWatch notifies only SNS topics in the alarm's own Region. */
function actionsFor(model: ModuleModel, region: string): HclValue {
  return region === model.primaryRegion ? raw("var.alarm_actions") : raw(`var.replica_alarm_actions["${region}"]`);
}

/**
 * What every alarm shares. `>=` a threshold of at least 1 (validation refuses 0, which would be
 * in alarm for every datapoint); `datapoints_to_alarm` of `evaluation_periods` minutes, so one noisy
 * minute does not page anyone.
 */
function head(model: ModuleModel, a: AlarmPlacement, description: string, threshold: number): HclNode[] {
  const alarms = model.alarms;
  const actions = actionsFor(model, a.region);
  return [
    ...placeIn(model, a.region),
    attr("alarm_name", str(a.name)),
    attr("alarm_description", str(description)),
    attr("comparison_operator", str("GreaterThanOrEqualToThreshold")),
    attr("threshold", lit(threshold)),
    attr("evaluation_periods", lit(alarms?.evaluationPeriods ?? 1)),
    attr("datapoints_to_alarm", lit(alarms?.datapointsToAlarm ?? 1)),
    attr("treat_missing_data", str("notBreaching")),
    attr("alarm_actions", actions),
    attr("ok_actions", actions),
  ];
}

function throttleAlarm(model: ModuleModel, a: ThrottleAlarmModel): HclNode {
  const verb = a.dimension === "read" ? "Read" : "Write";
  const target = a.indexName === undefined ? model.tableName : `index ${a.indexName} of ${model.tableName}`;
  const dims: (readonly [string, HclValue])[] = [TABLE_DIMENSION];
  if (a.indexName !== undefined) dims.push(["GlobalSecondaryIndexName", str(a.indexName)]);
  return block(
    "resource",
    ["aws_cloudwatch_metric_alarm", a.label],
    sections(
      [
        ...head(model, a, `${verb} requests to ${target} are being throttled in ${a.region}.`, a.threshold),
        attr("namespace", str("AWS/DynamoDB")),
        attr("metric_name", str(`${verb}ThrottleEvents`)),
        attr("statistic", str("Sum")),
        attr("period", lit(model.alarms?.periodSeconds ?? 60)),
      ],
      attr("dimensions", obj(dims)),
      tagsAttr(model),
    ),
  );
}

function systemErrorsAlarm(model: ModuleModel, a: SystemErrorsAlarmModel): HclNode {
  const period = model.alarms?.periodSeconds ?? 60;
  const ids = a.operations.map((_, i) => `m${i}`);
  const queries = a.operations.map((op, i) =>
    block(
      "metric_query",
      [],
      sections(
        attr("id", str(ids[i] as string)),
        block(
          "metric",
          [],
          sections(
            [
              attr("namespace", str("AWS/DynamoDB")),
              attr("metric_name", str("SystemErrors")),
              attr("stat", str("Sum")),
              attr("period", lit(period)),
            ],
            attr("dimensions", obj([TABLE_DIMENSION, ["Operation", str(op)]])),
          ),
        ),
      ),
    ),
  );
  return block(
    "resource",
    ["aws_cloudwatch_metric_alarm", a.label],
    sections(
      head(
        model,
        a,
        `DynamoDB returned server errors (HTTP 500) to ${a.operationGroup} requests on ${model.tableName} in ${a.region}.`,
        a.threshold,
      ),
      block(
        "metric_query",
        [],
        [
          attr("id", str("errors")),
          // FILL: an operation with no datapoint counts as 0, so the sum exists whenever any does.
          attr("expression", str(ids.map((id) => `FILL(${id}, 0)`).join(" + "))),
          attr("label", str(`SystemErrors (${a.operationGroup})`)),
          attr("return_data", lit(true)),
        ],
      ),
      ...queries,
      tagsAttr(model),
    ),
  );
}

function replicationLatencyAlarm(model: ModuleModel, a: ReplicationLatencyAlarmModel): HclNode {
  return block(
    "resource",
    ["aws_cloudwatch_metric_alarm", a.label],
    sections(
      [
        ...head(
          model,
          a,
          `Replication from ${a.region} to ${a.receivingRegion} lags for ${model.tableName}.`,
          a.thresholdMs,
        ),
        attr("namespace", str("AWS/DynamoDB")),
        attr("metric_name", str("ReplicationLatency")),
        attr("statistic", str("Average")),
        attr("period", lit(model.alarms?.periodSeconds ?? 60)),
        attr("unit", str("Milliseconds")),
      ],
      attr("dimensions", obj([TABLE_DIMENSION, ["ReceivingRegion", str(a.receivingRegion)]])),
      tagsAttr(model),
    ),
  );
}

/**
 * `alarms.tf`, in the primary Region and in every ACTIVE replica Region (each Region publishes its
 * own table's metrics): read and write throttling of the table and of each GSI (the table's
 * throttle metrics exclude its GSIs), server errors summed over every operation, and (MREC)
 * replication latency from each Region that takes writes to every other Region.
 */
export function renderAlarmsTf(model: ModuleModel): string | null {
  const a = model.alarms;
  if (!a) return null;
  const groups = a.systemErrors.map((s) => `- ${s.operationGroup}: ${s.operations.join(", ")}`).join("\n");
  return renderFile([
    ...a.throttles.map((t) => throttleAlarm(model, t)),
    ...a.systemErrors.flatMap((s, i) => [
      ...(i === 0
        ? [comment(`SystemErrors is published per operation only, so each alarm sums one group:\n${groups}`)]
        : []),
      systemErrorsAlarm(model, s),
    ]),
    ...a.replicationLatency.map((r) => replicationLatencyAlarm(model, r)),
  ]);
}
