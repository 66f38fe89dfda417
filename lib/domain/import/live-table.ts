/**
 * The parts of DynamoDB's DescribeTable, DescribeContinuousBackups, DescribeTimeToLive and
 * ListTagsOfResource output that Tablewright reads, as plain structural types. They mirror the
 * API's field names exactly (so an SDK response, or a recorded JSON response, fits them as is)
 * while keeping lib/domain free of the SDK. Timestamps are left out: nothing compares them.
 */

export interface LiveKeySchemaElement {
  AttributeName?: string;
  KeyType?: string;
}

export interface LiveProjection {
  ProjectionType?: string;
  NonKeyAttributes?: string[];
}

export interface LiveProvisionedThroughput {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface LiveOnDemandThroughput {
  MaxReadRequestUnits?: number;
  MaxWriteRequestUnits?: number;
}

/** Warm throughput: what the table or index can take at once; AWS raises it, never lowers it. */
export interface LiveWarmThroughput {
  ReadUnitsPerSecond?: number;
  WriteUnitsPerSecond?: number;
  Status?: string;
}

export interface LiveGlobalSecondaryIndex {
  IndexName?: string;
  KeySchema?: LiveKeySchemaElement[];
  Projection?: LiveProjection;
  ProvisionedThroughput?: LiveProvisionedThroughput;
  OnDemandThroughput?: LiveOnDemandThroughput;
  WarmThroughput?: LiveWarmThroughput;
}

export interface LiveLocalSecondaryIndex {
  IndexName?: string;
  KeySchema?: LiveKeySchemaElement[];
  Projection?: LiveProjection;
}

export interface LiveReplica {
  RegionName?: string;
  ReplicaStatus?: string;
  KMSMasterKeyId?: string;
  ReplicaTableClassSummary?: { TableClass?: string };
}

/** `DescribeTable` → `Table`. */
export interface LiveTableDescription {
  TableName?: string;
  TableArn?: string;
  TableStatus?: string;
  /** Updated by DynamoDB about every six hours: good enough for index and replica duration estimates. */
  TableSizeBytes?: number;
  ItemCount?: number;
  AttributeDefinitions?: { AttributeName?: string; AttributeType?: string }[];
  KeySchema?: LiveKeySchemaElement[];
  BillingModeSummary?: { BillingMode?: string };
  ProvisionedThroughput?: LiveProvisionedThroughput;
  OnDemandThroughput?: LiveOnDemandThroughput;
  GlobalSecondaryIndexes?: LiveGlobalSecondaryIndex[];
  LocalSecondaryIndexes?: LiveLocalSecondaryIndex[];
  StreamSpecification?: { StreamEnabled?: boolean; StreamViewType?: string };
  SSEDescription?: { Status?: string; SSEType?: string; KMSMasterKeyArn?: string };
  TableClassSummary?: { TableClass?: string };
  DeletionProtectionEnabled?: boolean;
  Replicas?: LiveReplica[];
  GlobalTableWitnesses?: { RegionName?: string; WitnessStatus?: string }[];
  MultiRegionConsistency?: string;
  WarmThroughput?: LiveWarmThroughput;
}

/** `DescribeTimeToLive` → `TimeToLiveDescription`. */
export interface LiveTimeToLive {
  TimeToLiveStatus?: string;
  AttributeName?: string;
}

/** `DescribeContinuousBackups` → `ContinuousBackupsDescription`. */
export interface LiveContinuousBackups {
  ContinuousBackupsStatus?: string;
  PointInTimeRecoveryDescription?: { PointInTimeRecoveryStatus?: string; RecoveryPeriodInDays?: number };
}

export interface LiveTag {
  Key?: string;
  Value?: string;
}

/** What a replica Region says about its own copy of the table (deletion protection, PITR). */
export interface LiveReplicaSettings {
  region: string;
  table: LiveTableDescription;
  backups?: LiveContinuousBackups;
}

/** Everything read about one live table: the primary Region's answers plus each replica's. */
export interface LiveTableFacts {
  region: string;
  table: LiveTableDescription;
  timeToLive?: LiveTimeToLive;
  backups?: LiveContinuousBackups;
  tags: LiveTag[];
  replicas: LiveReplicaSettings[];
}
