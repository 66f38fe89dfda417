import * as z from "zod";
import { AWS_REGIONS } from "../regions";

/**
 * The table request: one description of a DynamoDB table that the form, the REST API, the CLI,
 * the OpenAPI document and the published JSON Schema all share.
 *
 * zod checks shape and hard safety caps only (types, enums, unknown fields, absurd sizes).
 * AWS limits, cross-field rules and tier policy live in `validateTableRequest`, which gives each
 * finding a stable code; keeping limits out of zod is what lets a rule say "accepted at 255,
 * rejected at 256" with its own code and source.
 */

/** Generous caps that only stop abuse; the AWS limits are checked with their own codes. */
export const SHAPE_LIMITS = {
  shortText: 1024,
  longText: 4000,
  indexes: 100,
  nonKeyAttributes: 200,
  replicas: 40,
  tags: 200,
} as const;

const shortText = z.string().max(SHAPE_LIMITS.shortText);

export const RegionSchema = z.enum(AWS_REGIONS).meta({ description: "A commercial AWS Region where DynamoDB runs." });

export const AttributeTypeSchema = z.enum(["S", "N", "B"]).meta({ description: "S = string, N = number, B = binary." });

export const KeyAttributeSchema = z
  .strictObject({
    name: shortText.meta({ description: "Attribute name, 1-255 characters." }),
    type: AttributeTypeSchema,
  })
  .meta({ id: "KeyAttribute" });

export const ProjectionSchema = z
  .strictObject({
    type: z.enum(["ALL", "KEYS_ONLY", "INCLUDE"]),
    nonKeyAttributes: z
      .array(shortText)
      .max(SHAPE_LIMITS.nonKeyAttributes)
      .optional()
      .meta({ description: "Only with INCLUDE: 1-20 names per index, at most 100 across all indexes." }),
  })
  .meta({ id: "Projection" });

const capacityUnits = z.number().int().min(0).max(10_000_000);

export const AutoscalingSchema = z
  .strictObject({
    minCapacity: capacityUnits,
    maxCapacity: capacityUnits,
    targetUtilization: z.number().min(0).max(100).meta({ description: "Target utilisation in percent (20-90)." }),
  })
  .meta({ id: "Autoscaling" });

export const CapacitySchema = z
  .strictObject({
    units: capacityUnits.meta({ description: "Provisioned capacity units (RCU or WCU), at least 1." }),
    autoscaling: AutoscalingSchema.optional(),
  })
  .meta({ id: "Capacity" });

export const ProvisionedCapacitySchema = z
  .strictObject({ read: CapacitySchema, write: CapacitySchema })
  .meta({ id: "ProvisionedCapacity" });

export const OnDemandThroughputSchema = z
  .strictObject({
    maxReadRequestUnits: z.number().int().min(-1).max(10_000_000).optional(),
    maxWriteRequestUnits: z.number().int().min(-1).max(10_000_000).optional(),
  })
  .meta({ id: "OnDemandThroughput", description: "Caps on on-demand throughput; -1 removes a cap." });

/**
 * Warm throughput: what the table or index can serve at once, which AWS raises with use and which
 * a request may raise ahead of a peak (pre-warming). AWS's rules (minimums 12,000 / 4,000, never a
 * decrease) are domain rules with their own codes, not zod caps.
 */
export const WarmThroughputSchema = z
  .strictObject({
    readUnitsPerSecond: z.number().int().min(0).max(1e9).optional().meta({
      description: "Read units per second served at once; at least 12,000 (the starting value of a new table).",
    }),
    writeUnitsPerSecond: z.number().int().min(0).max(1e9).optional().meta({
      description: "Write units per second served at once; at least 4,000 (the starting value of a new table).",
    }),
  })
  .meta({
    id: "WarmThroughput",
    description:
      "Pre-warmed throughput (UpdateTable WarmThroughput). Can only be raised: DynamoDB refuses a decrease. Billed once per raise (not priced here).",
  });

export const GlobalSecondaryIndexSchema = z
  .strictObject({
    name: shortText,
    partitionKey: KeyAttributeSchema,
    sortKey: KeyAttributeSchema.optional(),
    projection: ProjectionSchema,
    capacity: ProvisionedCapacitySchema.optional().meta({ description: "Required when billing is PROVISIONED." }),
    onDemandThroughput: OnDemandThroughputSchema.optional(),
    warmThroughput: WarmThroughputSchema.optional(),
    contributorInsights: z.boolean().default(false),
  })
  .meta({ id: "GlobalSecondaryIndex" });

export const LocalSecondaryIndexSchema = z
  .strictObject({
    name: shortText,
    sortKey: KeyAttributeSchema,
    projection: ProjectionSchema,
  })
  .meta({ id: "LocalSecondaryIndex", description: "Shares the table's partition key; created with the table only." });

export const BillingSchema = z
  .discriminatedUnion("mode", [
    z.strictObject({
      mode: z.literal("PAY_PER_REQUEST"),
      onDemandThroughput: OnDemandThroughputSchema.optional(),
    }),
    z.strictObject({
      mode: z.literal("PROVISIONED"),
      read: CapacitySchema,
      write: CapacitySchema,
    }),
  ])
  .meta({ id: "Billing" });

export const TableClassSchema = z.enum(["STANDARD", "STANDARD_INFREQUENT_ACCESS"]);

export const StreamViewTypeSchema = z.enum(["NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"]);

export const EncryptionSchema = z
  .strictObject({
    type: z.enum(["AWS_OWNED", "AWS_MANAGED", "CUSTOMER_MANAGED"]),
    kmsKeyArn: shortText
      .optional()
      .meta({ description: "Customer-managed key in the primary Region; replicas give their own." }),
  })
  .meta({ id: "Encryption" });

export const ReplicaSchema = z
  .strictObject({
    region: RegionSchema,
    role: z
      .enum(["ACTIVE", "STANDBY"])
      .default("ACTIVE")
      .meta({ description: "ACTIVE takes traffic; STANDBY is kept warm for failover (active-passive)." }),
    kmsKeyArn: shortText.optional().meta({ description: "Customer-managed key in this Region." }),
    readCapacityOverride: capacityUnits.optional().meta({ description: "Provisioned read capacity for this replica." }),
    maxReadRequestUnitsOverride: z.number().int().min(-1).max(10_000_000).optional(),
    pointInTimeRecovery: z.boolean().optional().meta({ description: "Defaults to the table's setting." }),
    deletionProtection: z.boolean().optional().meta({ description: "Defaults to the table's setting." }),
    tableClass: TableClassSchema.optional(),
    propagateTags: z.boolean().default(true),
  })
  .meta({ id: "Replica" });

export const RegionsSchema = z
  .strictObject({
    primary: RegionSchema,
    replicas: z.array(ReplicaSchema).max(SHAPE_LIMITS.replicas).default([]),
    consistency: z
      .enum(["EVENTUAL", "STRONG"])
      .default("EVENTUAL")
      .meta({ description: "STRONG is multi-Region strong consistency (MRSC)." }),
    witness: RegionSchema.optional().meta({ description: "MRSC only: a witness Region instead of a third replica." }),
  })
  .meta({ id: "Regions" });

export const DR_PATTERNS = [
  "SINGLE_REGION_PITR",
  "BACKUP_CROSS_REGION_COPY",
  "ACTIVE_PASSIVE",
  "ACTIVE_ACTIVE_MREC",
  "MRSC",
] as const;
export const DrPatternSchema = z.enum(DR_PATTERNS);

export const BackupSchema = z
  .strictObject({
    enabled: z.boolean(),
    schedule: shortText.default("cron(0 3 * * ? *)").meta({ description: "AWS Backup cron expression (UTC)." }),
    retentionDays: z.number().int().min(0).max(100_000).default(35),
    copyRegion: RegionSchema.optional().meta({ description: "Copy each backup to a vault in this Region." }),
    copyRetentionDays: z.number().int().min(0).max(100_000).optional(),
  })
  .meta({ id: "Backup" });

export const AlarmsSchema = z
  .strictObject({
    enabled: z.boolean(),
    notificationTopicArn: shortText.optional().meta({ description: "SNS topic; otherwise a module variable." }),
    readThrottleThreshold: z.number().int().min(0).max(1_000_000_000).default(1),
    writeThrottleThreshold: z.number().int().min(0).max(1_000_000_000).default(1),
    systemErrorsThreshold: z.number().int().min(0).max(1_000_000_000).default(1),
    replicationLatencyMsThreshold: z.number().int().min(0).max(86_400_000).default(60_000),
    evaluationPeriods: z
      .number()
      .int()
      .min(1)
      .max(1440)
      .default(5)
      .meta({ description: "Minutes each alarm looks back over (60-second periods; CloudWatch allows one day)." }),
    datapointsToAlarm: z
      .number()
      .int()
      .min(1)
      .max(1440)
      .default(3)
      .meta({ description: "Breaching minutes, of evaluationPeriods, that raise the alarm." }),
  })
  .meta({
    id: "Alarms",
    description: "Each threshold fires when a minute's value reaches it (at least 1).",
  });

/** Percent of reads per consistency; `readConsistencyMix` replaces `readConsistency` when given. */
export const ReadConsistencyMixSchema = z
  .strictObject({
    eventual: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .meta({ description: "Percent of reads that are eventually consistent (0.5 read unit per 4 KB)." }),
    strong: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .meta({ description: "Percent of reads that are strongly consistent (1 read unit per 4 KB)." }),
    transactional: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .meta({ description: "Percent of reads made in transactions (TransactGetItems: 2 read units per 4 KB)." }),
  })
  .meta({
    id: "ReadConsistencyMix",
    description:
      "Share of reads per consistency, in percent; the three must add up to 100. Replaces readConsistency in the estimate.",
  });

/**
 * What the table will serve and hold. Every field is defined so that two people reading it price
 * the same table: sizes are DynamoDB's item size (attribute names + values, AWS's item size rules),
 * GB are 1,073,741,824 bytes (how AWS meters storage), rates are per second averaged over a month.
 */
export const WorkloadSchema = z
  .strictObject({
    readsPerSecond: z.number().min(0).max(1e9).meta({
      description:
        "Average item reads per second over a month, all Regions together (each GetItem, or each item a Query returns). Split over the Regions by readsPerSecondByRegion, else evenly over the ACTIVE Regions.",
    }),
    peakReadsPerSecond: z.number().min(0).max(1e9).optional().meta({
      description:
        "Highest sustained item reads per second, all Regions together. Validation checks that provisioned capacity (fixed units or the auto scaling maximum) or an on-demand maximum can serve it; defaults to readsPerSecond.",
    }),
    readsPerSecondByRegion: z.partialRecord(RegionSchema, z.number().min(0).max(1e9)).optional().meta({
      description:
        "Average item reads per second served in each named Region (the primary or a replica). Regions left out share the rest of readsPerSecond evenly (ACTIVE Regions only); the values may not add up to more than readsPerSecond.",
    }),
    writesPerSecond: z.number().min(0).max(1e9).meta({
      description:
        "Average item writes per second over a month (PutItem, UpdateItem, DeleteItem), all Regions together. A global table applies every write in every Region.",
    }),
    peakWritesPerSecond: z.number().min(0).max(1e9).optional().meta({
      description:
        "Highest sustained item writes per second. Validation checks it against write capacity (table, LSIs and each GSI) or the on-demand maximum; defaults to writesPerSecond.",
    }),
    itemSizeBytes: z.number().int().min(1).max(10_000_000).meta({
      description:
        "Average item size in bytes as DynamoDB counts it: UTF-8 attribute names plus values (AWS item size rules), without the 100-byte per-item storage overhead, which the estimate adds. Writes use 1 unit per started 1 KB, reads 1 unit per started 4 KB.",
    }),
    readConsistency: z.enum(["EVENTUAL", "STRONG", "TRANSACTIONAL"]).default("EVENTUAL").meta({
      description: "Consistency of every read, unless readConsistencyMix gives shares.",
    }),
    readConsistencyMix: ReadConsistencyMixSchema.optional(),
    writeMode: z.enum(["STANDARD", "TRANSACTIONAL"]).default("STANDARD").meta({
      description: "TRANSACTIONAL = writes made with TransactWriteItems (twice the write units on the table).",
    }),
    itemCount: z.number().int().min(0).max(1e15).optional().meta({
      description:
        "Number of items in the table now. With itemSizeBytes it gives the data size: itemCount x itemSizeBytes bytes. Give this or storageGb, not both.",
    }),
    storageGb: z.number().min(0).max(1e9).optional().meta({
      description:
        "Raw item data in GB (1 GB = 1,073,741,824 bytes): the sum of the items' sizes as itemSizeBytes counts them. NOT the billed size: the estimate adds AWS's 100-byte per-item overhead (148 bytes on a global table) and each index's projected copy. Give this or itemCount, not both.",
    }),
    monthlyGrowthGb: z.number().min(0).max(1e9).default(0).meta({
      description:
        "Raw item data added per month, in the same GB as storageGb (overhead and index copies are added on top). Drives the 12-month projection.",
    }),
    streamReadsPerSecond: z.number().min(0).max(1e9).optional().meta({
      description:
        "DynamoDB Streams GetRecords calls per second by consumers other than Lambda triggers and global table replication (those are free).",
    }),
  })
  .meta({
    id: "Workload",
    description:
      "Expected workload; the cost estimate prices it. Give the data size as itemCount or as storageGb (raw item data), not both.",
  });

export const OwnerSchema = z
  .strictObject({
    team: shortText,
    service: shortText,
    requester: shortText.meta({ description: "Who asks for the table (email or user name)." }),
    costCenter: shortText,
    purpose: z.string().max(SHAPE_LIMITS.longText).default(""),
  })
  .meta({ id: "Owner" });

export const TierSchema = z.enum(["dev", "staging", "prod"]);

export const TableRequestSchema = z
  .strictObject({
    owner: OwnerSchema,
    tier: TierSchema,
    tableName: shortText,
    partitionKey: KeyAttributeSchema,
    sortKey: KeyAttributeSchema.optional(),
    globalSecondaryIndexes: z.array(GlobalSecondaryIndexSchema).max(SHAPE_LIMITS.indexes).default([]),
    localSecondaryIndexes: z.array(LocalSecondaryIndexSchema).max(SHAPE_LIMITS.indexes).default([]),
    billing: BillingSchema,
    tableClass: TableClassSchema.default("STANDARD"),
    warmThroughput: WarmThroughputSchema.optional(),
    ttl: z.strictObject({ enabled: z.boolean(), attributeName: shortText.default("expiresAt") }).optional(),
    stream: z
      .strictObject({
        enabled: z.boolean(),
        viewType: StreamViewTypeSchema.optional(),
        hasConsumer: z.boolean().default(false).meta({ description: "A consumer (Lambda, Pipes) reads the stream." }),
      })
      .optional(),
    pointInTimeRecovery: z
      .strictObject({
        enabled: z.boolean(),
        recoveryPeriodInDays: z.number().int().min(-1_000_000).max(1_000_000).default(35),
      })
      .default({ enabled: false, recoveryPeriodInDays: 35 }),
    encryption: EncryptionSchema.default({ type: "AWS_OWNED" }),
    deletionProtection: z.boolean().default(false),
    contributorInsights: z.boolean().default(false),
    tags: z.record(z.string().max(SHAPE_LIMITS.shortText), z.string().max(SHAPE_LIMITS.shortText)).default({}),
    regions: RegionsSchema,
    drPattern: DrPatternSchema.optional().meta({
      description: "Leave out to derive the DR pattern from the request; when given, it is checked against it.",
    }),
    backup: BackupSchema.optional(),
    alarms: AlarmsSchema.optional(),
    workload: WorkloadSchema.optional(),
  })
  .meta({ id: "TableRequest", title: "Tablewright table request" });

/** What a client sends (defaults not yet applied). */
export type TableRequestInput = z.input<typeof TableRequestSchema>;
/** A parsed request with every default applied: what the engine works on. */
export type TableRequest = z.output<typeof TableRequestSchema>;
export type KeyAttribute = z.output<typeof KeyAttributeSchema>;
export type GlobalSecondaryIndex = z.output<typeof GlobalSecondaryIndexSchema>;
export type LocalSecondaryIndex = z.output<typeof LocalSecondaryIndexSchema>;
export type Projection = z.output<typeof ProjectionSchema>;
export type Capacity = z.output<typeof CapacitySchema>;
export type WarmThroughput = z.output<typeof WarmThroughputSchema>;
export type Billing = z.output<typeof BillingSchema>;
export type Replica = z.output<typeof ReplicaSchema>;
export type Regions = z.output<typeof RegionsSchema>;
export type Workload = z.output<typeof WorkloadSchema>;
export type ReadConsistencyMix = z.output<typeof ReadConsistencyMixSchema>;
export type Backup = z.output<typeof BackupSchema>;
export type Alarms = z.output<typeof AlarmsSchema>;
export type Tier = z.output<typeof TierSchema>;
export type DrPattern = z.output<typeof DrPatternSchema>;
export type TableClass = z.output<typeof TableClassSchema>;
