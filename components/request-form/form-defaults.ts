import type { TierPolicy } from "@/lib/domain/policy/schema";
import type { TableRequestInput, Tier } from "@/lib/domain/request/schema";
import { mergeDraft } from "./draft-storage";
import {
  type CapacityFormValues,
  type GsiFormValues,
  type LsiFormValues,
  type ReplicaFormValues,
  type RequestFormValues,
  SWITCHABLE_SECTIONS,
} from "./form-schema";

/** Capacity fields as a new provisioned table starts: small, with auto scaling on (what the facts advise). */
export const DEFAULT_CAPACITY: CapacityFormValues = {
  units: 5,
  autoscalingEnabled: true,
  autoscaling: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70 },
};

export function emptyGsi(): GsiFormValues {
  return {
    name: "",
    partitionKey: { name: "", type: "S" },
    hasSortKey: false,
    sortKey: { name: "", type: "S" },
    projection: { type: "ALL", nonKeyAttributes: [] },
    read: structuredClone(DEFAULT_CAPACITY),
    write: structuredClone(DEFAULT_CAPACITY),
    maxReadRequestUnits: undefined,
    maxWriteRequestUnits: undefined,
    warmThroughput: { readUnitsPerSecond: undefined, writeUnitsPerSecond: undefined },
    contributorInsights: false,
  };
}

export function emptyLsi(): LsiFormValues {
  return { name: "", sortKey: { name: "", type: "S" }, projection: { type: "ALL", nonKeyAttributes: [] } };
}

export function emptyReplica(region: ReplicaFormValues["region"]): ReplicaFormValues {
  return {
    region,
    role: "ACTIVE",
    kmsKeyArn: "",
    pointInTimeRecovery: "inherit",
    deletionProtection: "inherit",
    tableClass: "",
    propagateTags: true,
  };
}

export interface FormOwnerContext {
  teams: string[];
  requesterEmail: string;
}

/**
 * The fields a tier sets when picked: the policy's defaults (billing, table class, PITR, deletion
 * protection, backup, alarms) and the Environment tag. Everything else the person typed stays.
 */
export function applyTierDefaults(values: RequestFormValues, tier: Tier, policy: TierPolicy): RequestFormValues {
  const defaults = policy.tiers[tier].defaults;
  const next = structuredClone(values);
  next.tier = tier;
  next.billing.mode = defaults.billing.mode;
  next.tableClass = defaults.tableClass;
  next.pointInTimeRecovery = { ...defaults.pointInTimeRecovery };
  next.deletionProtection = defaults.deletionProtection;
  if (defaults.backup) {
    next.backup = {
      enabled: defaults.backup.enabled,
      schedule: defaults.backup.schedule,
      retentionDays: defaults.backup.retentionDays,
      copyRegion: (defaults.backup.copyRegion ?? "") as RequestFormValues["backup"]["copyRegion"],
      copyRetentionDays: defaults.backup.copyRetentionDays,
    };
  } else {
    next.backup.enabled = false;
  }
  next.alarms.enabled = defaults.alarms;
  const environment = next.tags.find((t) => t.key === "Environment");
  if (environment) environment.value = tier;
  return next;
}

/** A fresh form: a dev table in us-east-1 with the mandatory tags pre-filled from what we know. */
export function initialFormValues(context: FormOwnerContext, policy: TierPolicy): RequestFormValues {
  const team = context.teams[0] ?? "";
  const known: Record<string, string> = { Team: team, Environment: "dev" };
  const base: RequestFormValues = {
    owner: { team, service: "", requester: context.requesterEmail, costCenter: "", purpose: "" },
    title: "",
    tier: "dev",
    tableName: "",
    partitionKey: { name: "PK", type: "S" },
    hasSortKey: false,
    sortKey: { name: "SK", type: "S" },
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    billing: {
      mode: "PAY_PER_REQUEST",
      maxReadRequestUnits: undefined,
      maxWriteRequestUnits: undefined,
      read: structuredClone(DEFAULT_CAPACITY),
      write: structuredClone(DEFAULT_CAPACITY),
    },
    tableClass: "STANDARD",
    warmThroughput: { readUnitsPerSecond: undefined, writeUnitsPerSecond: undefined },
    pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 35 },
    deletionProtection: false,
    contributorInsights: false,
    backup: { enabled: false, schedule: "cron(0 3 * * ? *)", retentionDays: 35, copyRegion: "", copyRetentionDays: 35 },
    encryption: { type: "AWS_OWNED", kmsKeyArn: "" },
    ttl: { enabled: false, attributeName: "expiresAt" },
    stream: { enabled: false, viewType: "", hasConsumer: false },
    regions: { primary: "us-east-1", replicas: [], consistency: "EVENTUAL", witness: "" },
    drPattern: "",
    statedSections: [],
    tags: policy.mandatoryTags.map((key) => ({ key, value: known[key] ?? "" })),
    alarms: {
      enabled: false,
      notificationTopicArn: "",
      readThrottleThreshold: 1,
      writeThrottleThreshold: 1,
      systemErrorsThreshold: 1,
      replicationLatencyMsThreshold: 60_000,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
    },
    hasWorkload: false,
    workload: {
      readsPerSecond: 10,
      writesPerSecond: 5,
      itemSizeBytes: 1024,
      dataSize: "storageGb",
      storageGb: 1,
      itemCount: undefined,
      useReadsByRegion: false,
      readsPerSecondByRegion: {},
      useConsistencyMix: false,
      readConsistencyMix: { eventual: 100, strong: 0, transactional: 0 },
      peakReadsPerSecond: undefined,
      peakWritesPerSecond: undefined,
      monthlyGrowthGb: undefined,
      streamReadsPerSecond: undefined,
      readConsistency: "EVENTUAL",
      writeMode: "STANDARD",
    },
  };
  return applyTierDefaults(base, "dev", policy);
}

function toCapacityForm(capacity: { units: number; autoscaling?: CapacityFormValues["autoscaling"] } | undefined) {
  if (!capacity) return structuredClone(DEFAULT_CAPACITY);
  return {
    units: capacity.units,
    autoscalingEnabled: capacity.autoscaling !== undefined,
    autoscaling: capacity.autoscaling ?? { ...DEFAULT_CAPACITY.autoscaling },
  };
}

const toFlag = (value: boolean | undefined) => (value === undefined ? "inherit" : value ? "on" : "off");

/**
 * Form values for a request (an example, or a request loaded for editing). Fields the request
 * leaves out keep the blank form's values, so switching a section on shows sensible defaults.
 */
export function fromTableRequest(request: TableRequestInput, blank: RequestFormValues): RequestFormValues {
  const v = structuredClone(blank);
  v.owner = { ...v.owner, ...request.owner, purpose: request.owner.purpose ?? "" };
  v.tier = request.tier;
  v.tableName = request.tableName;
  v.partitionKey = request.partitionKey;
  v.hasSortKey = request.sortKey !== undefined;
  if (request.sortKey) v.sortKey = request.sortKey;
  v.globalSecondaryIndexes = (request.globalSecondaryIndexes ?? []).map((gsi) => ({
    ...emptyGsi(),
    name: gsi.name,
    partitionKey: gsi.partitionKey,
    hasSortKey: gsi.sortKey !== undefined,
    sortKey: gsi.sortKey ?? { name: "", type: "S" },
    projection: { type: gsi.projection.type, nonKeyAttributes: gsi.projection.nonKeyAttributes ?? [] },
    read: toCapacityForm(gsi.capacity?.read),
    write: toCapacityForm(gsi.capacity?.write),
    maxReadRequestUnits: gsi.onDemandThroughput?.maxReadRequestUnits,
    maxWriteRequestUnits: gsi.onDemandThroughput?.maxWriteRequestUnits,
    warmThroughput: {
      readUnitsPerSecond: gsi.warmThroughput?.readUnitsPerSecond,
      writeUnitsPerSecond: gsi.warmThroughput?.writeUnitsPerSecond,
    },
    contributorInsights: gsi.contributorInsights ?? false,
  }));
  v.localSecondaryIndexes = (request.localSecondaryIndexes ?? []).map((lsi) => ({
    name: lsi.name,
    sortKey: lsi.sortKey,
    projection: { type: lsi.projection.type, nonKeyAttributes: lsi.projection.nonKeyAttributes ?? [] },
  }));
  if (request.billing.mode === "PROVISIONED") {
    v.billing = {
      ...v.billing,
      mode: "PROVISIONED",
      read: toCapacityForm(request.billing.read),
      write: toCapacityForm(request.billing.write),
    };
  } else {
    v.billing = {
      ...v.billing,
      mode: "PAY_PER_REQUEST",
      maxReadRequestUnits: request.billing.onDemandThroughput?.maxReadRequestUnits,
      maxWriteRequestUnits: request.billing.onDemandThroughput?.maxWriteRequestUnits,
    };
  }
  v.tableClass = request.tableClass ?? "STANDARD";
  v.warmThroughput = {
    readUnitsPerSecond: request.warmThroughput?.readUnitsPerSecond,
    writeUnitsPerSecond: request.warmThroughput?.writeUnitsPerSecond,
  };
  v.pointInTimeRecovery = {
    enabled: request.pointInTimeRecovery?.enabled ?? false,
    recoveryPeriodInDays: request.pointInTimeRecovery?.recoveryPeriodInDays ?? 35,
  };
  v.deletionProtection = request.deletionProtection ?? false;
  v.contributorInsights = request.contributorInsights ?? false;
  v.backup = request.backup
    ? {
        enabled: request.backup.enabled,
        schedule: request.backup.schedule ?? v.backup.schedule,
        retentionDays: request.backup.retentionDays ?? v.backup.retentionDays,
        copyRegion: request.backup.copyRegion ?? "",
        copyRetentionDays: request.backup.copyRetentionDays,
      }
    : { ...v.backup, enabled: false };
  v.encryption = { type: request.encryption?.type ?? "AWS_OWNED", kmsKeyArn: request.encryption?.kmsKeyArn ?? "" };
  v.ttl = request.ttl
    ? { enabled: request.ttl.enabled, attributeName: request.ttl.attributeName ?? "expiresAt" }
    : { ...v.ttl, enabled: false };
  v.stream = request.stream
    ? {
        enabled: request.stream.enabled,
        viewType: request.stream.viewType ?? "",
        hasConsumer: request.stream.hasConsumer ?? false,
      }
    : { ...v.stream, enabled: false };
  v.regions = {
    primary: request.regions.primary,
    replicas: (request.regions.replicas ?? []).map((r) => ({
      region: r.region,
      role: r.role ?? "ACTIVE",
      kmsKeyArn: r.kmsKeyArn ?? "",
      pointInTimeRecovery: toFlag(r.pointInTimeRecovery),
      deletionProtection: toFlag(r.deletionProtection),
      tableClass: r.tableClass ?? "",
      propagateTags: r.propagateTags ?? true,
    })),
    consistency: request.regions.consistency ?? "EVENTUAL",
    witness: request.regions.witness ?? "",
  };
  v.drPattern = request.drPattern ?? "";
  v.statedSections = SWITCHABLE_SECTIONS.filter((section) => request[section] !== undefined);
  v.tags = Object.entries(request.tags ?? {}).map(([key, value]) => ({ key, value }));
  v.alarms = request.alarms
    ? {
        ...v.alarms,
        ...request.alarms,
        notificationTopicArn: request.alarms.notificationTopicArn ?? "",
      }
    : { ...v.alarms, enabled: false };
  v.hasWorkload = request.workload !== undefined;
  if (request.workload) {
    const { readsPerSecondByRegion, readConsistencyMix, ...rest } = request.workload;
    v.workload = {
      ...v.workload,
      ...rest,
      dataSize: rest.itemCount !== undefined ? "itemCount" : "storageGb",
      useReadsByRegion: readsPerSecondByRegion !== undefined,
      readsPerSecondByRegion: { ...readsPerSecondByRegion },
      useConsistencyMix: readConsistencyMix !== undefined,
      readConsistencyMix: readConsistencyMix ?? v.workload.readConsistencyMix,
    };
  }
  return v;
}

const TIERS = ["dev", "staging", "prod"];

/**
 * Form values for a stored request that may be incomplete (a draft saved with errors): missing
 * parts take the blank form's values and values of the wrong type are dropped, so the form always
 * opens; nothing the request does hold is lost.
 */
export function fromStoredRequest(stored: unknown, blank: RequestFormValues): RequestFormValues {
  const r = (stored !== null && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const object = (value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item) => item && typeof item === "object") : [];
  const billing = object(r.billing);
  const regions = object(r.regions);
  const filled = {
    ...r,
    owner: { ...blank.owner, ...object(r.owner) },
    tier: TIERS.includes(r.tier as string) ? r.tier : blank.tier,
    tableName: typeof r.tableName === "string" ? r.tableName : "",
    partitionKey: { ...blank.partitionKey, ...object(r.partitionKey) },
    globalSecondaryIndexes: list(r.globalSecondaryIndexes).map((gsi) => ({
      ...gsi,
      partitionKey: { name: "", type: "S", ...object((gsi as Record<string, unknown>).partitionKey) },
      projection: { type: "ALL", ...object((gsi as Record<string, unknown>).projection) },
    })),
    localSecondaryIndexes: list(r.localSecondaryIndexes).map((lsi) => ({
      ...lsi,
      sortKey: { name: "", type: "S", ...object((lsi as Record<string, unknown>).sortKey) },
      projection: { type: "ALL", ...object((lsi as Record<string, unknown>).projection) },
    })),
    billing: billing.mode === "PROVISIONED" ? billing : { ...billing, mode: "PAY_PER_REQUEST" },
    regions: {
      ...regions,
      primary: typeof regions.primary === "string" ? regions.primary : blank.regions.primary,
      replicas: list(regions.replicas),
    },
    tags: object(r.tags),
  } as TableRequestInput;
  try {
    return mergeDraft(blank, fromTableRequest(filled, blank));
  } catch {
    // Something still the wrong shape deep inside: open what can be opened rather than fail the page.
    return mergeDraft(blank, {
      owner: filled.owner,
      tier: filled.tier,
      tableName: filled.tableName,
      partitionKey: filled.partitionKey,
    });
  }
}
