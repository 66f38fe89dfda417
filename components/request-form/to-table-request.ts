import type { TableRequestInput } from "@/lib/domain/request/schema";
import type { CapacityFormValues, RequestFormValues } from "./form-schema";

type CapacityInput = { units: number; autoscaling?: CapacityFormValues["autoscaling"] };

function toCapacity(capacity: CapacityFormValues): CapacityInput {
  return capacity.autoscalingEnabled
    ? { units: capacity.units, autoscaling: capacity.autoscaling }
    : { units: capacity.units };
}

function toProjection(projection: RequestFormValues["localSecondaryIndexes"][number]["projection"]) {
  return projection.type === "INCLUDE"
    ? { type: projection.type, nonKeyAttributes: projection.nonKeyAttributes }
    : { type: projection.type };
}

const nonEmpty = (value: string | undefined) => (value ? value : undefined);
const flag = (value: "inherit" | "on" | "off") => (value === "inherit" ? undefined : value === "on");

/**
 * The request the form describes. Sections that are switched off, and fields that do not apply to
 * the current choice (provisioned capacity while on-demand, a KMS key with an AWS-owned key), stay
 * in the form so nothing typed is lost, but are left out of the request: what the engine and the
 * API see is exactly what the person chose.
 */
export function toTableRequest(values: RequestFormValues): TableRequestInput {
  const isProvisioned = values.billing.mode === "PROVISIONED";
  const isCustomerManaged = values.encryption.type === "CUSTOMER_MANAGED";
  const request: TableRequestInput = {
    owner: values.owner,
    tier: values.tier,
    tableName: values.tableName,
    partitionKey: values.partitionKey,
    ...(values.hasSortKey ? { sortKey: values.sortKey } : {}),
    globalSecondaryIndexes: values.globalSecondaryIndexes.map((gsi) => ({
      name: gsi.name,
      partitionKey: gsi.partitionKey,
      ...(gsi.hasSortKey ? { sortKey: gsi.sortKey } : {}),
      projection: toProjection(gsi.projection),
      ...(isProvisioned ? { capacity: { read: toCapacity(gsi.read), write: toCapacity(gsi.write) } } : {}),
      contributorInsights: gsi.contributorInsights,
    })),
    localSecondaryIndexes: values.localSecondaryIndexes.map((lsi) => ({
      name: lsi.name,
      sortKey: lsi.sortKey,
      projection: toProjection(lsi.projection),
    })),
    billing: isProvisioned
      ? { mode: "PROVISIONED", read: toCapacity(values.billing.read), write: toCapacity(values.billing.write) }
      : {
          mode: "PAY_PER_REQUEST",
          ...(values.billing.maxReadRequestUnits !== undefined || values.billing.maxWriteRequestUnits !== undefined
            ? {
                onDemandThroughput: {
                  maxReadRequestUnits: values.billing.maxReadRequestUnits,
                  maxWriteRequestUnits: values.billing.maxWriteRequestUnits,
                },
              }
            : {}),
        },
    tableClass: values.tableClass,
    pointInTimeRecovery: values.pointInTimeRecovery,
    encryption: isCustomerManaged
      ? { type: values.encryption.type, kmsKeyArn: nonEmpty(values.encryption.kmsKeyArn) }
      : { type: values.encryption.type },
    deletionProtection: values.deletionProtection,
    contributorInsights: values.contributorInsights,
    tags: Object.fromEntries(values.tags.filter((t) => t.key !== "" || t.value !== "").map((t) => [t.key, t.value])),
    regions: {
      primary: values.regions.primary,
      replicas: values.regions.replicas.map((replica) => ({
        region: replica.region,
        role: replica.role,
        ...(isCustomerManaged && replica.kmsKeyArn ? { kmsKeyArn: replica.kmsKeyArn } : {}),
        ...(flag(replica.pointInTimeRecovery) !== undefined
          ? { pointInTimeRecovery: flag(replica.pointInTimeRecovery) }
          : {}),
        ...(flag(replica.deletionProtection) !== undefined
          ? { deletionProtection: flag(replica.deletionProtection) }
          : {}),
      })),
      consistency: values.regions.consistency,
      ...(values.regions.witness ? { witness: values.regions.witness } : {}),
    },
  };
  if (values.ttl.enabled) request.ttl = values.ttl;
  if (values.stream.enabled) {
    request.stream = {
      enabled: true,
      ...(values.stream.viewType ? { viewType: values.stream.viewType } : {}),
      hasConsumer: values.stream.hasConsumer,
    };
  }
  if (values.backup.enabled) {
    request.backup = {
      enabled: true,
      schedule: values.backup.schedule,
      retentionDays: values.backup.retentionDays,
      ...(values.backup.copyRegion ? { copyRegion: values.backup.copyRegion } : {}),
      ...(values.backup.copyRegion && values.backup.copyRetentionDays !== undefined
        ? { copyRetentionDays: values.backup.copyRetentionDays }
        : {}),
    };
  }
  if (values.alarms.enabled) {
    const { notificationTopicArn, ...thresholds } = values.alarms;
    request.alarms = { ...thresholds, ...(notificationTopicArn ? { notificationTopicArn } : {}) };
  }
  if (values.hasWorkload) {
    const w = values.workload;
    // Reads per Region only for Regions the request still has (a removed replica's figure stays in the form).
    const regions = new Set<string>([values.regions.primary, ...values.regions.replicas.map((r) => r.region)]);
    const byRegion = Object.fromEntries(
      Object.entries(w.readsPerSecondByRegion).filter(([region, reads]) => regions.has(region) && reads !== undefined),
    );
    const mix = w.readConsistencyMix;
    request.workload = {
      readsPerSecond: w.readsPerSecond,
      writesPerSecond: w.writesPerSecond,
      itemSizeBytes: w.itemSizeBytes,
      ...(w.dataSize === "itemCount" ? { itemCount: w.itemCount } : { storageGb: w.storageGb }),
      readConsistency: w.readConsistency,
      ...(w.useReadsByRegion && Object.keys(byRegion).length > 0 ? { readsPerSecondByRegion: byRegion } : {}),
      ...(w.useConsistencyMix
        ? {
            readConsistencyMix: {
              eventual: mix.eventual ?? 0,
              strong: mix.strong ?? 0,
              transactional: mix.transactional ?? 0,
            },
          }
        : {}),
      writeMode: w.writeMode,
      ...(w.peakReadsPerSecond !== undefined ? { peakReadsPerSecond: w.peakReadsPerSecond } : {}),
      ...(w.peakWritesPerSecond !== undefined ? { peakWritesPerSecond: w.peakWritesPerSecond } : {}),
      ...(w.monthlyGrowthGb !== undefined ? { monthlyGrowthGb: w.monthlyGrowthGb } : {}),
    };
  }
  return request;
}
