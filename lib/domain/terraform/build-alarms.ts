import type { TableRequest } from "../request/schema";
import { refuseRender } from "./errors";
import type {
  AlarmsModel,
  ReplicationLatencyAlarmModel,
  SystemErrorsAlarmModel,
  TableModel,
  ThrottleAlarmModel,
} from "./model";
import { boundedName, DISALLOWED, deferredLabels } from "./names";

/**
 * SystemErrors is published per operation (dimensions TableName and Operation), so each alarm sums
 * one group. Two groups keep every alarm's metric math small and say which side is failing.
 */
export const SYSTEM_ERROR_OPERATIONS = {
  read: ["GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems"],
  write: ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"],
} as const;

const THRESHOLD_FIELDS = [
  "readThrottleThreshold",
  "writeThrottleThreshold",
  "systemErrorsThreshold",
  "replicationLatencyMsThreshold",
] as const;

/**
 * The alarms, in the primary Region and in each ACTIVE replica Region (a Region publishes the
 * metrics of its own replica only; a STANDBY takes no traffic of its own):
 * - read and write throttling of the table and of each GSI: "ReadThrottleEvents ... for the table
 *   itself, not for its global secondary indexes" (DynamoDB metrics and dimensions), so each GSI
 *   has its own pair, with the GlobalSecondaryIndexName dimension;
 * - SystemErrors summed over every operation, reads and writes in separate alarms;
 * - MREC: ReplicationLatency from every Region that takes writes to every other Region (the
 *   metric is published in the sending Region, per ReceivingRegion).
 */
export function buildAlarms(request: TableRequest, table: TableModel): AlarmsModel | undefined {
  const alarms = request.alarms;
  if (!alarms?.enabled) return undefined;
  for (const field of THRESHOLD_FIELDS) {
    if (alarms[field] < 1) {
      refuseRender(
        "ALARM_THRESHOLD_ALWAYS_BREACHING",
        `alarms.${field}`,
        "a threshold of 0 with >= is reached by every datapoint",
      );
    }
  }
  if (alarms.datapointsToAlarm > alarms.evaluationPeriods) {
    refuseRender(
      "ALARM_DATAPOINTS_ABOVE_PERIODS",
      "alarms.datapointsToAlarm",
      "cannot need more breaching minutes than the alarm looks at",
    );
  }
  const t = request.tableName;
  const primary = request.regions.primary;
  const name = (suffix: string) => boundedName(t, suffix, 255, DISALLOWED.alarm);
  const labels = deferredLabels();
  const activeReplicas = table.replicas.filter((r) => r.role === "ACTIVE").map((r) => r.region);
  const monitored = [primary, ...activeReplicas];
  // Labels: the primary Region's alarms keep the plain name, other Regions' add the Region.
  const where = (region: string, ...parts: string[]) => [...parts, ...(region === primary ? [] : [region])].join("_");

  const throttles: ThrottleAlarmModel[] = [];
  const systemErrors: SystemErrorsAlarmModel[] = [];
  for (const region of monitored) {
    for (const dimension of ["read", "write"] as const) {
      const threshold = dimension === "read" ? alarms.readThrottleThreshold : alarms.writeThrottleThreshold;
      throttles.push(
        labels.add(
          { label: "", name: name(`-${dimension}-throttle`), region, dimension, threshold },
          `${dimension}_throttle`,
          where(region),
          JSON.stringify([region]),
        ),
      );
      for (const gsi of table.gsis) {
        throttles.push(
          labels.add(
            {
              label: "",
              name: name(`-${gsi.name}-${dimension}-throttle`),
              region,
              dimension,
              indexName: gsi.name,
              threshold,
            },
            `${dimension}_throttle`,
            where(region, gsi.name),
            JSON.stringify([region, gsi.name]),
          ),
        );
      }
    }
    for (const group of ["read", "write"] as const) {
      systemErrors.push(
        labels.add(
          {
            label: "",
            name: name(`-${group}-system-errors`),
            region,
            operationGroup: group,
            operations: SYSTEM_ERROR_OPERATIONS[group],
            threshold: alarms.systemErrorsThreshold,
          },
          `${group}_system_errors`,
          where(region),
          JSON.stringify([region]),
        ),
      );
    }
  }

  const replicationLatency: ReplicationLatencyAlarmModel[] = [];
  if (request.regions.consistency === "EVENTUAL" && table.replicas.length > 0) {
    const all = [primary, ...table.replicas.map((r) => r.region)];
    for (const source of monitored) {
      for (const receiving of all) {
        if (receiving === source) continue;
        replicationLatency.push(
          labels.add(
            {
              label: "",
              name: name(
                source === primary
                  ? `-replication-latency-${receiving}`
                  : `-replication-latency-${source}-to-${receiving}`,
              ),
              region: source,
              receivingRegion: receiving,
              thresholdMs: alarms.replicationLatencyMsThreshold,
            },
            "replication_latency",
            source === primary ? receiving : `${source}_to_${receiving}`,
            JSON.stringify([source, receiving]),
          ),
        );
      }
    }
  }

  labels.resolve();
  const model: AlarmsModel = {
    evaluationPeriods: alarms.evaluationPeriods,
    datapointsToAlarm: alarms.datapointsToAlarm,
    periodSeconds: 60,
    replicaRegions: activeReplicas,
    throttles,
    systemErrors,
    replicationLatency,
  };
  if (alarms.notificationTopicArn) model.topicArn = alarms.notificationTopicArn;
  return model;
}
