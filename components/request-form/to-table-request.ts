import type { TableRequestInput } from "@/lib/domain/request/schema";
import type { CapacityFormValues, RequestFormValues, SwitchableSection } from "./form-schema";

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

/** On-demand caps, sent only when at least one is set (no object means no cap). */
function onDemandThroughput(maxRead: number | undefined, maxWrite: number | undefined) {
  if (maxRead === undefined && maxWrite === undefined) return {};
  return {
    onDemandThroughput: {
      ...(maxRead !== undefined ? { maxReadRequestUnits: maxRead } : {}),
      ...(maxWrite !== undefined ? { maxWriteRequestUnits: maxWrite } : {}),
    },
  };
}

/** Warm throughput, sent only when at least one side is given (no object leaves it to AWS). */
function warmThroughput(warm: RequestFormValues["warmThroughput"]) {
  const { readUnitsPerSecond: read, writeUnitsPerSecond: write } = warm;
  if (read === undefined && write === undefined) return {};
  return {
    warmThroughput: {
      ...(read !== undefined ? { readUnitsPerSecond: read } : {}),
      ...(write !== undefined ? { writeUnitsPerSecond: write } : {}),
    },
  };
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
      ...(!isProvisioned ? onDemandThroughput(gsi.maxReadRequestUnits, gsi.maxWriteRequestUnits) : {}),
      ...warmThroughput(gsi.warmThroughput),
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
          ...onDemandThroughput(values.billing.maxReadRequestUnits, values.billing.maxWriteRequestUnits),
        },
    tableClass: values.tableClass,
    ...warmThroughput(values.warmThroughput),
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
        ...(replica.tableClass ? { tableClass: replica.tableClass } : {}),
        propagateTags: replica.propagateTags,
      })),
      consistency: values.regions.consistency,
      ...(values.regions.witness ? { witness: values.regions.witness } : {}),
    },
    ...(values.drPattern ? { drPattern: values.drPattern } : {}),
  };
  const isSent = (section: SwitchableSection) => values[section].enabled || values.statedSections.includes(section);
  if (isSent("ttl")) request.ttl = { enabled: values.ttl.enabled, attributeName: values.ttl.attributeName };
  if (isSent("stream")) {
    request.stream = {
      enabled: values.stream.enabled,
      // A view type without a stream is an error; a switched-off stream drops it, as the switch says.
      ...(values.stream.enabled && values.stream.viewType ? { viewType: values.stream.viewType } : {}),
      hasConsumer: values.stream.hasConsumer,
    };
  }
  if (isSent("backup")) {
    request.backup = {
      enabled: values.backup.enabled,
      schedule: values.backup.schedule,
      retentionDays: values.backup.retentionDays,
      ...(values.backup.copyRegion ? { copyRegion: values.backup.copyRegion } : {}),
      ...(values.backup.copyRegion && values.backup.copyRetentionDays !== undefined
        ? { copyRetentionDays: values.backup.copyRetentionDays }
        : {}),
    };
  }
  if (isSent("alarms")) {
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
      ...(w.streamReadsPerSecond !== undefined ? { streamReadsPerSecond: w.streamReadsPerSecond } : {}),
    };
  }
  return request;
}
