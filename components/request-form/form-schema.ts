import * as z from "zod";
import {
  AlarmsSchema,
  AutoscalingSchema,
  BackupSchema,
  CapacitySchema,
  DrPatternSchema,
  EncryptionSchema,
  GlobalSecondaryIndexSchema,
  KeyAttributeSchema,
  LocalSecondaryIndexSchema,
  OnDemandThroughputSchema,
  ProjectionSchema,
  RegionSchema,
  RegionsSchema,
  ReplicaSchema,
  StreamViewTypeSchema,
  TableClassSchema,
  TableRequestSchema,
  WarmThroughputSchema,
  WorkloadSchema,
} from "@/lib/domain/request/schema";

/**
 * The form's own shape, derived from the request schema. It differs from the request only where a
 * form needs it: optional parts become an on/off switch plus their fields (so switching a section
 * off and on again keeps what was typed), tags are rows, and "not set" selects are "". `toTableRequest`
 * turns these values into the request the engine and the API take.
 */

/** A select whose empty option means "not set". */
const optionalRegion = z.union([RegionSchema, z.literal("")]);
/** Number inputs give undefined when cleared; optional numbers stay optional. */
const optionalNumber = z.number().optional();
/** A tri-state for replica settings that default to the table's. */
const inheritedFlag = z.enum(["inherit", "on", "off"]);

const CapacityFormSchema = CapacitySchema.pick({ units: true }).extend({
  autoscalingEnabled: z.boolean(),
  autoscaling: AutoscalingSchema,
});

const ProjectionFormSchema = ProjectionSchema.pick({ type: true }).extend({
  nonKeyAttributes: z.array(z.string()),
});

const GsiFormSchema = GlobalSecondaryIndexSchema.pick({ name: true, partitionKey: true }).extend({
  hasSortKey: z.boolean(),
  sortKey: KeyAttributeSchema,
  projection: ProjectionFormSchema,
  read: CapacityFormSchema,
  write: CapacityFormSchema,
  /** On-demand caps for this index (only sent while the table is on-demand). */
  maxReadRequestUnits: OnDemandThroughputSchema.shape.maxReadRequestUnits,
  maxWriteRequestUnits: OnDemandThroughputSchema.shape.maxWriteRequestUnits,
  /** Pre-warmed throughput of this index; sent only when a value is given. */
  warmThroughput: WarmThroughputSchema,
  contributorInsights: z.boolean(),
});

const LsiFormSchema = LocalSecondaryIndexSchema.pick({ name: true, sortKey: true }).extend({
  projection: ProjectionFormSchema,
});

const ReplicaFormSchema = ReplicaSchema.pick({ region: true }).extend({
  role: ReplicaSchema.shape.role.unwrap(),
  kmsKeyArn: z.string(),
  pointInTimeRecovery: inheritedFlag,
  deletionProtection: inheritedFlag,
  tableClass: z.union([TableClassSchema, z.literal("")]),
  propagateTags: z.boolean(),
});

/**
 * Optional sections a request can state while switched off (`"ttl": {"enabled": false, ...}`).
 * The form remembers which ones the loaded request stated, so saving it unchanged gives back the
 * same request rather than one with those sections missing.
 */
export const SWITCHABLE_SECTIONS = ["ttl", "stream", "backup", "alarms"] as const;
export type SwitchableSection = (typeof SWITCHABLE_SECTIONS)[number];

/** The change request's title is not part of the table request; the API takes it beside it. */
export const TITLE_MAX_LENGTH = 200;

export const RequestFormSchema = TableRequestSchema.pick({
  tier: true,
  tableName: true,
  partitionKey: true,
}).extend({
  owner: TableRequestSchema.shape.owner.extend({ purpose: TableRequestSchema.shape.owner.shape.purpose.unwrap() }),
  title: z.string().max(TITLE_MAX_LENGTH, `At most ${TITLE_MAX_LENGTH} characters.`),
  hasSortKey: z.boolean(),
  sortKey: KeyAttributeSchema,
  globalSecondaryIndexes: z.array(GsiFormSchema),
  localSecondaryIndexes: z.array(LsiFormSchema),
  billing: z.strictObject({
    mode: z.enum(["PAY_PER_REQUEST", "PROVISIONED"]),
    maxReadRequestUnits: OnDemandThroughputSchema.shape.maxReadRequestUnits,
    maxWriteRequestUnits: OnDemandThroughputSchema.shape.maxWriteRequestUnits,
    read: CapacityFormSchema,
    write: CapacityFormSchema,
  }),
  tableClass: TableRequestSchema.shape.tableClass.unwrap(),
  /** Advanced: pre-warmed throughput of the table; sent only when a value is given. */
  warmThroughput: WarmThroughputSchema,
  pointInTimeRecovery: TableRequestSchema.shape.pointInTimeRecovery.unwrap().extend({
    recoveryPeriodInDays: TableRequestSchema.shape.pointInTimeRecovery.unwrap().shape.recoveryPeriodInDays.unwrap(),
  }),
  deletionProtection: z.boolean(),
  contributorInsights: z.boolean(),
  backup: BackupSchema.pick({ enabled: true, schedule: true, retentionDays: true }).extend({
    schedule: z.string(),
    retentionDays: z.number().int(),
    copyRegion: optionalRegion,
    copyRetentionDays: optionalNumber,
  }),
  encryption: EncryptionSchema.pick({ type: true }).extend({ kmsKeyArn: z.string() }),
  ttl: z.strictObject({ enabled: z.boolean(), attributeName: z.string() }),
  stream: z.strictObject({
    enabled: z.boolean(),
    viewType: z.union([StreamViewTypeSchema, z.literal("")]),
    hasConsumer: z.boolean(),
  }),
  regions: RegionsSchema.pick({ primary: true }).extend({
    replicas: z.array(ReplicaFormSchema),
    consistency: RegionsSchema.shape.consistency.unwrap(),
    witness: optionalRegion,
  }),
  /** "" = derive the DR pattern from the request; otherwise the engine checks the request gives it. */
  drPattern: z.union([DrPatternSchema, z.literal("")]),
  statedSections: z.array(z.enum(SWITCHABLE_SECTIONS)),
  tags: z.array(z.strictObject({ key: z.string(), value: z.string() })),
  alarms: AlarmsSchema.pick({ enabled: true }).extend({
    notificationTopicArn: z.string(),
    readThrottleThreshold: z.number().int(),
    writeThrottleThreshold: z.number().int(),
    systemErrorsThreshold: z.number().int(),
    replicationLatencyMsThreshold: z.number().int(),
    evaluationPeriods: z.number().int(),
    datapointsToAlarm: z.number().int(),
  }),
  hasWorkload: z.boolean(),
  workload: WorkloadSchema.pick({
    readsPerSecond: true,
    writesPerSecond: true,
    itemSizeBytes: true,
    storageGb: true,
  }).extend({
    /** Which measure of the data size the person gives; only that one is sent. */
    dataSize: z.enum(["itemCount", "storageGb"]),
    itemCount: optionalNumber,
    peakReadsPerSecond: optionalNumber,
    peakWritesPerSecond: optionalNumber,
    monthlyGrowthGb: optionalNumber,
    streamReadsPerSecond: optionalNumber,
    readConsistency: WorkloadSchema.shape.readConsistency.unwrap(),
    /** Reads named per Region (blank = an even share of the rest); sent only while switched on. */
    useReadsByRegion: z.boolean(),
    readsPerSecondByRegion: z.record(z.string(), optionalNumber),
    /** A consistency mix replaces readConsistency in the estimate; sent only while switched on. */
    useConsistencyMix: z.boolean(),
    readConsistencyMix: z.strictObject({
      eventual: optionalNumber,
      strong: optionalNumber,
      transactional: optionalNumber,
    }),
    writeMode: WorkloadSchema.shape.writeMode.unwrap(),
  }),
});

export type RequestFormValues = z.infer<typeof RequestFormSchema>;
export type GsiFormValues = z.infer<typeof GsiFormSchema>;
export type LsiFormValues = z.infer<typeof LsiFormSchema>;
export type ReplicaFormValues = z.infer<typeof ReplicaFormSchema>;
export type CapacityFormValues = z.infer<typeof CapacityFormSchema>;
