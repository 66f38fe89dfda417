import type { IssueSeverity, IssueSource } from "./types";

/** What the codes table in docs/validation-codes.md says about one code. */
export interface ValidationCodeInfo {
  severity: IssueSeverity;
  source: IssueSource;
  summary: string;
  /** Where the rule comes from, in the short-name style of the DynamoDB facts file. */
  ref: string;
}

/**
 * Every code the engine can emit. Codes are stable: clients (the form, the API, scripts) match on
 * them, so rename only with a deprecation. `docs/validation-codes.md` lists exactly these; a test
 * keeps the two in step.
 */
export const VALIDATION_CODES = {
  // Input and shape (zod) ------------------------------------------------------------------------
  INPUT_TOO_LARGE: {
    severity: "error",
    source: "schema",
    summary: "The request is larger than 1 MiB when serialised; nothing else is checked.",
    ref: "Tablewright (API body limit)",
  },
  INPUT_TOO_DEEP: {
    severity: "error",
    source: "schema",
    summary: "The request nests deeper than 32 levels; nothing else is checked.",
    ref: "Tablewright",
  },
  SCHEMA_REQUIRED: {
    severity: "error",
    source: "schema",
    summary: "A required field is missing.",
    ref: "request schema",
  },
  SCHEMA_INVALID_TYPE: {
    severity: "error",
    source: "schema",
    summary: "A field has the wrong JSON type (e.g. a string where a number belongs).",
    ref: "request schema",
  },
  SCHEMA_INVALID_VALUE: {
    severity: "error",
    source: "schema",
    summary: "A field is not one of its allowed values (enum, Region, literal).",
    ref: "request schema",
  },
  SCHEMA_UNKNOWN_FIELD: {
    severity: "error",
    source: "schema",
    summary: "A field the request format does not know (often a typo); it would otherwise be dropped silently.",
    ref: "request schema",
  },
  SCHEMA_TOO_BIG: {
    severity: "error",
    source: "schema",
    summary: "A value is above the request format's abuse cap (string length, array length, number).",
    ref: "request schema (SHAPE_LIMITS)",
  },
  SCHEMA_TOO_SMALL: {
    severity: "error",
    source: "schema",
    summary: "A value is below the request format's minimum.",
    ref: "request schema",
  },
  SCHEMA_TOO_MANY_ISSUES: {
    severity: "error",
    source: "schema",
    summary: "More than 100 shape problems; only the first 100 are listed.",
    ref: "Tablewright",
  },
  SCHEMA_INVALID: {
    severity: "error",
    source: "schema",
    summary: "Any other shape problem zod reports (bad format, bad union).",
    ref: "request schema",
  },

  // Names ----------------------------------------------------------------------------------------
  TABLE_NAME_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "Table name must be 3-255 characters.",
    ref: "[BC] TableName; [DG] naming rules (A1)",
  },
  TABLE_NAME_CHARACTERS: {
    severity: "error",
    source: "aws",
    summary: "Table name may only contain a-z, A-Z, 0-9, `_`, `-` and `.`.",
    ref: "[BC] TableName (A1); TF does not check it",
  },
  INDEX_NAME_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "GSI and LSI names must be 3-255 characters.",
    ref: "[BC] IndexName (A2)",
  },
  INDEX_NAME_CHARACTERS: {
    severity: "error",
    source: "aws",
    summary: "GSI and LSI names may only contain a-z, A-Z, 0-9, `_`, `-` and `.`.",
    ref: "[BC] IndexName (A2)",
  },
  INDEX_NAME_DUPLICATE: {
    severity: "error",
    source: "aws",
    summary: "Two indexes (GSI or LSI) on the table share a name.",
    ref: "[BC] GlobalSecondaryIndex (A2)",
  },

  // Keys and attributes --------------------------------------------------------------------------
  KEY_ATTRIBUTE_NAME_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "Key attribute names must be 1-255 characters.",
    ref: "[BC] KeySchemaAttributeName (A3)",
  },
  KEY_ATTRIBUTE_DUPLICATE: {
    severity: "error",
    source: "aws",
    summary: "A key schema uses the same attribute as partition and sort key.",
    ref: "[BC] KeySchema (A4)",
  },
  ATTRIBUTE_TYPE_CONFLICT: {
    severity: "error",
    source: "aws",
    summary: "One attribute name is used as a key with two different types; AttributeDefinitions can hold only one.",
    ref: "[BC] AttributeDefinitions (A4, A5)",
  },
  TTL_ATTRIBUTE_NOT_NUMBER: {
    severity: "warning",
    source: "advice",
    summary:
      "The TTL attribute is also a key attribute of type S or B; TTL only acts on Number epoch seconds, so items never expire.",
    ref: "[BC] UpdateTimeToLive (A13)",
  },

  // Indexes --------------------------------------------------------------------------------------
  GSI_LIMIT_EXCEEDED: {
    severity: "error",
    source: "aws",
    summary: "More than 20 GSIs (the default, adjustable quota).",
    ref: "[DG] ServiceQuotas (A6)",
  },
  LSI_LIMIT_EXCEEDED: { severity: "error", source: "aws", summary: "More than 5 LSIs.", ref: "[BC]; [DG] LSI.md (A7)" },
  LSI_REQUIRES_TABLE_SORT_KEY: {
    severity: "error",
    source: "aws",
    summary: "An LSI needs a table with a sort key (composite primary key).",
    ref: "[DG] LSI.md (A7)",
  },
  PROJECTION_NON_KEY_ATTRIBUTES_NOT_ALLOWED: {
    severity: "error",
    source: "aws",
    summary: "nonKeyAttributes is only allowed with projection INCLUDE.",
    ref: "[BC] Projection (A8)",
  },
  PROJECTION_NON_KEY_ATTRIBUTES_REQUIRED: {
    severity: "error",
    source: "aws",
    summary: "Projection INCLUDE needs at least one non-key attribute.",
    ref: "[BC] Projection (A8)",
  },
  PROJECTION_NON_KEY_ATTRIBUTES_LIMIT: {
    severity: "error",
    source: "aws",
    summary: "More than 20 non-key attributes in one index.",
    ref: "[BC] NonKeyAttributeNameList (A8)",
  },
  PROJECTION_NON_KEY_ATTRIBUTES_TOTAL: {
    severity: "error",
    source: "aws",
    summary:
      "More than 100 projected non-key attributes across all GSIs and LSIs (a name in two indexes counts twice); TF does not check this.",
    ref: "[BC] Projection (A8)",
  },
  NON_KEY_ATTRIBUTE_NAME_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "Non-key attribute names must be 1-255 characters.",
    ref: "[BC] NonKeyAttributeName (A3)",
  },
  NON_KEY_ATTRIBUTE_DUPLICATE: {
    severity: "warning",
    source: "advice",
    summary: "The same non-key attribute is listed twice in one index.",
    ref: "Tablewright",
  },

  // Billing and capacity -------------------------------------------------------------------------
  CAPACITY_UNITS_MIN: {
    severity: "error",
    source: "aws",
    summary: "Provisioned read or write capacity must be at least 1.",
    ref: "[BC]; [TF] validateProvisionedThroughputField (A9)",
  },
  CAPACITY_UNITS_MAX: {
    severity: "error",
    source: "aws",
    summary: "More than 40,000 RCU or WCU for the table or a GSI (default, adjustable quota).",
    ref: "[DG] ServiceQuotas (A9)",
  },
  ACCOUNT_CAPACITY_QUOTA: {
    severity: "warning",
    source: "aws",
    summary: "Table plus GSI capacity exceeds the 80,000 RCU or WCU default per-account quota.",
    ref: "[DG] ServiceQuotas (A9)",
  },
  GSI_CAPACITY_REQUIRED: {
    severity: "error",
    source: "provider",
    summary: "A PROVISIONED table needs read and write capacity on every GSI.",
    ref: "[TF] validateGSIProvisionedThroughput; [BC] (A9)",
  },
  GSI_CAPACITY_NOT_ALLOWED: {
    severity: "error",
    source: "aws",
    summary: "A PAY_PER_REQUEST table forbids provisioned capacity on a GSI.",
    ref: "[BC]; [TF] (A9)",
  },
  ON_DEMAND_THROUGHPUT_WITH_PROVISIONED: {
    severity: "error",
    source: "provider",
    summary: "On-demand maximums are only for PAY_PER_REQUEST; TF rejects them next to provisioned capacity.",
    ref: "[TF] (A9, A11)",
  },
  ON_DEMAND_THROUGHPUT_INVALID: {
    severity: "error",
    source: "aws",
    summary: "An on-demand maximum must be at least 1, or -1 to remove the cap.",
    ref: "[BC] OnDemandThroughput (A11)",
  },
  ON_DEMAND_THROUGHPUT_ABOVE_QUOTA: {
    severity: "error",
    source: "aws",
    summary: "An on-demand maximum above the 40,000 request-unit default table quota.",
    ref: "[BC]; [DG] ServiceQuotas (A11)",
  },
  WARM_THROUGHPUT_EMPTY: {
    severity: "error",
    source: "schema",
    summary: "warmThroughput names neither read nor write units per second; give one or both, or leave it out.",
    ref: "request schema; [BC] WarmThroughput",
  },
  WARM_THROUGHPUT_READ_BELOW_MINIMUM: {
    severity: "error",
    source: "provider",
    summary:
      "Warm read throughput below 12,000 units per second, the value every new table starts with; TF rejects it.",
    ref: "[TF] warmThroughputSchema IntAtLeast(12000); [DG] warm-throughput-scenarios (A12)",
  },
  WARM_THROUGHPUT_WRITE_BELOW_MINIMUM: {
    severity: "error",
    source: "provider",
    summary:
      "Warm write throughput below 4,000 units per second, the value every new table starts with; TF rejects it.",
    ref: "[TF] warmThroughputSchema IntAtLeast(4000); [DG] warm-throughput-scenarios (A12)",
  },
  WARM_THROUGHPUT_BELOW_PROVISIONED: {
    severity: "error",
    source: "aws",
    summary:
      "Warm throughput below the provisioned capacity: DynamoDB raises warm throughput to the provisioned units, so the module would then ask for a decrease, which DynamoDB refuses (and older providers turn into a table replacement).",
    ref: "[DG] warm-throughput-scenarios (provisioned table); [TF] ForceNewIfChange warm_throughput (A12)",
  },
  WARM_THROUGHPUT_BELOW_AUTOSCALING_MAX: {
    severity: "warning",
    source: "advice",
    summary:
      "Warm throughput below the auto scaling maximum: once capacity scales above it, DynamoDB raises warm throughput and the requested value becomes a decrease; raise the request to the live value then.",
    ref: "[DG] warm-throughput-scenarios (provisioned table); [TF] ForceNewIfChange warm_throughput (A12)",
  },
  AUTOSCALING_MIN_TOO_LOW: {
    severity: "error",
    source: "aws",
    summary: "Auto scaling minimum capacity must be at least 1.",
    ref: "[DG] AutoScaling",
  },
  AUTOSCALING_MIN_ABOVE_MAX: {
    severity: "error",
    source: "aws",
    summary: "Auto scaling minimum capacity is above the maximum.",
    ref: "Application Auto Scaling RegisterScalableTarget",
  },
  AUTOSCALING_TARGET_OUT_OF_RANGE: {
    severity: "error",
    source: "aws",
    summary: "Auto scaling target utilisation must be 20-90 percent.",
    ref: "[DG] AutoScaling",
  },
  AUTOSCALING_UNITS_OUTSIDE_RANGE: {
    severity: "warning",
    source: "advice",
    summary: "Initial capacity is outside auto scaling's min-max range; the scaler will move it at once.",
    ref: "Tablewright",
  },
  PROVISIONED_WITHOUT_AUTOSCALING: {
    severity: "warning",
    source: "advice",
    summary: "Provisioned capacity without auto scaling throttles under load and overpays when idle.",
    ref: "Tablewright; [DG] AutoScaling",
  },
  CAPACITY_BELOW_PEAK_DEMAND: {
    severity: "warning",
    source: "advice",
    summary:
      "Provisioned capacity (fixed units or the auto scaling maximum) or an on-demand maximum is below the workload's peak demand: requests above it are throttled.",
    ref: "[DG] ProvisionedThroughput, throttling; [BC] OnDemandThroughput",
  },
  REPLICA_READ_CAPACITY_OVERRIDE_NOT_PROVISIONED: {
    severity: "error",
    source: "aws",
    summary: "A replica read capacity override needs PROVISIONED billing.",
    ref: "[BC] ProvisionedThroughputOverride",
  },
  REPLICA_MAX_READ_OVERRIDE_NOT_ON_DEMAND: {
    severity: "error",
    source: "aws",
    summary: "A replica on-demand read maximum needs PAY_PER_REQUEST billing.",
    ref: "[BC] OnDemandThroughputOverride (A11)",
  },

  // Workload ---------------------------------------------------------------------------------------
  WORKLOAD_STORAGE_REQUIRED: {
    severity: "error",
    source: "schema",
    summary: "A workload needs its data size: itemCount (with itemSizeBytes) or storageGb (raw item data).",
    ref: "request schema (Workload)",
  },
  WORKLOAD_STORAGE_AMBIGUOUS: {
    severity: "error",
    source: "schema",
    summary: "A workload gives both itemCount and storageGb; give one, so the data size means one thing.",
    ref: "request schema (Workload)",
  },
  WORKLOAD_READS_REGION_NOT_IN_TABLE: {
    severity: "error",
    source: "schema",
    summary: "readsPerSecondByRegion names a Region that holds no copy of the table (not the primary, not a replica).",
    ref: "request schema (Workload)",
  },
  WORKLOAD_READS_BY_REGION_SUM: {
    severity: "error",
    source: "schema",
    summary:
      "Reads per Region add up to more than readsPerSecond, or name every ACTIVE Region and add up to less: the two must agree.",
    ref: "request schema (Workload)",
  },
  WORKLOAD_READS_ON_STANDBY: {
    severity: "warning",
    source: "advice",
    summary: "Reads are given for a STANDBY replica, which by its role takes no traffic; they are priced as given.",
    ref: "Tablewright",
  },
  WORKLOAD_CONSISTENCY_MIX_SUM: {
    severity: "error",
    source: "schema",
    summary: "The read consistency mix must add up to 100 percent.",
    ref: "request schema (Workload)",
  },

  // Streams and TTL ------------------------------------------------------------------------------
  STREAM_VIEW_TYPE_REQUIRED: {
    severity: "error",
    source: "provider",
    summary: "An enabled stream needs a view type.",
    ref: "[TF] validateStreamSpecification (A14)",
  },
  STREAM_VIEW_TYPE_WITHOUT_STREAM: {
    severity: "error",
    source: "provider",
    summary: "A view type is given for a disabled stream.",
    ref: "[TF] validateStreamSpecification (A14)",
  },
  TTL_ATTRIBUTE_NAME_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "The TTL attribute name must be 1-255 characters.",
    ref: "[BC] UpdateTimeToLive; [TF] validateTTL (A13)",
  },
  TTL_STREAM_WITHOUT_CONSUMER: {
    severity: "warning",
    source: "advice",
    summary: "TTL deletions go to the stream, but no consumer is declared: the stream records expire unread.",
    ref: "Tablewright",
  },

  // PITR and deletion protection -----------------------------------------------------------------
  PITR_RECOVERY_PERIOD_RANGE: {
    severity: "error",
    source: "aws",
    summary: "PITR recovery period must be 1-35 days.",
    ref: "[BC]; [TF] IntBetween(1,35) (A17)",
  },
  PITR_DISABLED: {
    severity: "warning",
    source: "advice",
    summary: "Point-in-time recovery is off outside dev; a bad write cannot be undone.",
    ref: "Tablewright; facts C",
  },

  // Encryption -----------------------------------------------------------------------------------
  KMS_KEY_REQUIRED: {
    severity: "error",
    source: "aws",
    summary: "CUSTOMER_MANAGED encryption needs a KMS key ARN.",
    ref: "[BC] SSESpecification (A16)",
  },
  KMS_KEY_NOT_ALLOWED: {
    severity: "error",
    source: "schema",
    summary: "A KMS key is given but encryption is not CUSTOMER_MANAGED; it would be ignored.",
    ref: "[BC] SSESpecification (A16)",
  },
  KMS_KEY_ARN_INVALID: {
    severity: "error",
    source: "provider",
    summary: "The KMS key must be a full key ARN (TF is stricter than the API, which also takes IDs and aliases).",
    ref: "[TF] kms_key_arn (A16)",
  },
  KMS_KEY_REGION_MISMATCH: {
    severity: "error",
    source: "aws",
    summary: "A KMS key ARN names a different Region from the table or replica that uses it.",
    ref: "[BC] SSESpecification; KMS keys are regional",
  },
  REPLICA_KMS_KEY_REQUIRED: {
    severity: "error",
    source: "aws",
    summary: "With a customer-managed key, every replica needs its own key.",
    ref: "[TF#28010]; [BC] CreateReplicationGroupMemberAction",
  },
  REPLICA_KMS_KEY_NOT_ALLOWED: {
    severity: "error",
    source: "schema",
    summary: "A replica KMS key is given but the table does not use CUSTOMER_MANAGED encryption.",
    ref: "[BC] ReplicaUpdate",
  },

  // Regions, global tables, MRSC -----------------------------------------------------------------
  REPLICA_IN_PRIMARY_REGION: {
    severity: "error",
    source: "aws",
    summary: "A replica cannot be in the table's own Region.",
    ref: "[aws-cdk#6287]",
  },
  REPLICA_DUPLICATE_REGION: {
    severity: "error",
    source: "aws",
    summary: "Two replicas in one Region; a global table has one replica per Region.",
    ref: "[DG] GlobalTables.md",
  },
  GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED: {
    severity: "error",
    source: "aws",
    summary: "A PROVISIONED global table needs write auto scaling on the table and every GSI.",
    ref: "[TF#13097]; [DG] reqs",
  },
  GLOBAL_TABLE_STREAM_DISABLED: {
    severity: "error",
    source: "aws",
    summary: "A global table (MREC) always has streams; they cannot be disabled.",
    ref: "tf-aws-modules PR#30; [DG]",
  },
  GLOBAL_TABLE_STREAM_VIEW_TYPE: {
    severity: "error",
    source: "provider",
    summary: "A global table's stream must be NEW_AND_OLD_IMAGES (our rule, as CDK; avoids a perpetual TF diff).",
    ref: "[TF#43625]; aws-cdk",
  },
  PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED: {
    severity: "error",
    source: "provider",
    summary:
      "A per-replica table class on an MRSC table is refused: its replicas must be `replica` blocks (the only place for `consistency_mode`), which have no table class. Other global tables render it with aws_dynamodb_table_replica `table_class_override`.",
    ref: "[TF] aws_dynamodb_table replica block, aws_dynamodb_table_replica (aws 5.100 schema; 6.x docs)",
  },
  PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED: {
    severity: "error",
    source: "provider",
    summary:
      "A per-replica read capacity override is refused: neither `replica` blocks nor aws_dynamodb_table_replica can express it.",
    ref: "[TF] replica block schema 6.25 (facts D); [TF] aws_dynamodb_table_replica",
  },
  PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED: {
    severity: "error",
    source: "provider",
    summary:
      "A per-replica on-demand read maximum is refused: neither `replica` blocks nor aws_dynamodb_table_replica can express it.",
    ref: "[TF] replica block schema 6.25 (facts D); [TF] aws_dynamodb_table_replica",
  },
  MRSC_REGION_COUNT: {
    severity: "error",
    source: "aws",
    summary: "MRSC needs exactly 3 Regions: 3 replicas (primary + 2) or 2 replicas + 1 witness.",
    ref: "[BC] MultiRegionConsistency",
  },
  MRSC_REGION_SET: {
    severity: "error",
    source: "aws",
    summary: "All MRSC Regions (replicas and witness) must be in one Region set (US, EU or AP).",
    ref: "[BC] MultiRegionConsistency",
  },
  MRSC_TTL_UNSUPPORTED: {
    severity: "error",
    source: "aws",
    summary: "MRSC tables do not support TTL.",
    ref: "[DG] V2globaltables_HowItWorks",
  },
  MRSC_LSI_UNSUPPORTED: {
    severity: "error",
    source: "aws",
    summary: "MRSC tables do not support LSIs.",
    ref: "[DG] V2globaltables_HowItWorks",
  },
  MRSC_TRANSACTIONS_UNSUPPORTED: {
    severity: "error",
    source: "aws",
    summary: "The workload declares transactions, which MRSC tables reject.",
    ref: "[DG] V2globaltables_HowItWorks",
  },
  MRSC_STREAM_NOT_PROPAGATED: {
    severity: "warning",
    source: "provider",
    summary: "Streams on an MRSC table are not propagated to replicas by TF (open bug) and are not required.",
    ref: "[TF#48213]",
  },
  WITNESS_REQUIRES_STRONG_CONSISTENCY: {
    severity: "error",
    source: "aws",
    summary: "A witness Region is only for MRSC (consistency STRONG).",
    ref: "[BC] CreateGlobalTableWitnessGroupMemberAction",
  },
  WITNESS_IN_REPLICA_REGION: {
    severity: "error",
    source: "aws",
    summary: "The witness must be in a Region without a replica.",
    ref: "[BC] CreateGlobalTableWitnessGroupMemberAction",
  },
  DR_PATTERN_MISMATCH: {
    severity: "error",
    source: "schema",
    summary: "The declared drPattern differs from the pattern the Regions, replicas and backup describe.",
    ref: "Tablewright (facts C)",
  },

  // Tags -----------------------------------------------------------------------------------------
  TAG_LIMIT_EXCEEDED: {
    severity: "error",
    source: "aws",
    summary: "More than 50 user tags.",
    ref: "[BC] Tag; [DG] TaggingRestrictions (A19)",
  },
  TAG_KEY_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "A tag key must be 1-128 characters.",
    ref: "[BC] TagKeyString (A19)",
  },
  TAG_VALUE_LENGTH: {
    severity: "error",
    source: "aws",
    summary: "A tag value must be at most 256 characters.",
    ref: "[BC] TagValueString (A19)",
  },
  TAG_KEY_CHARACTERS: {
    severity: "error",
    source: "aws",
    summary: "A tag key may only hold letters, numbers, whitespace and `+ - = . _ : /`.",
    ref: "[DG] TaggingRestrictions (A19)",
  },
  TAG_VALUE_CHARACTERS: {
    severity: "error",
    source: "aws",
    summary: "A tag value may only hold letters, numbers, whitespace and `+ - = . _ : /`.",
    ref: "[DG] TaggingRestrictions (A19)",
  },
  TAG_KEY_RESERVED_PREFIX: {
    severity: "error",
    source: "aws",
    summary: "Tag keys starting with `aws:` are reserved.",
    ref: "[DG] TaggingRestrictions (A19)",
  },

  // Backup and alarms ----------------------------------------------------------------------------
  BACKUP_SCHEDULE_INVALID: {
    severity: "error",
    source: "aws",
    summary:
      "The backup schedule is not a cron expression AWS Backup accepts: `cron(m h dom mon dow y)` with six fields, each value in range, steps of at least 1, exactly one of day-of-month and day-of-week `?`, L/W/# only where allowed, and a day that exists. The message names the field and the rule.",
    ref: "AWS Backup CreateBackupPlan; EventBridge cron expressions reference",
  },
  BACKUP_SCHEDULE_TOO_FREQUENT: {
    severity: "error",
    source: "aws",
    summary:
      "The backup schedule runs more than once an hour (its minutes field selects more than one minute); AWS Backup refuses intervals under 60 minutes.",
    ref: "AWS Backup CreateBackupPlan error (re:Post); facts DR table",
  },
  BACKUP_RETENTION_INVALID: {
    severity: "error",
    source: "aws",
    summary: "Backup (and copy) retention must be at least 1 day.",
    ref: "AWS Backup Lifecycle",
  },
  BACKUP_COPY_RETENTION_WITHOUT_REGION: {
    severity: "error",
    source: "schema",
    summary: "copyRetentionDays is set but there is no copyRegion; it would be ignored.",
    ref: "Tablewright",
  },
  BACKUP_COPY_SAME_REGION: {
    severity: "error",
    source: "schema",
    summary:
      "The backup copy goes to the table's own Region, so it protects nothing against a Region loss; the module refuses it.",
    ref: "Tablewright; facts C",
  },
  BACKUP_SETTINGS_WHILE_DISABLED: {
    severity: "warning",
    source: "advice",
    summary: "Backup is disabled but a copy Region is set; nothing will be copied.",
    ref: "Tablewright",
  },
  ALARM_TOPIC_ARN_INVALID: {
    severity: "error",
    source: "provider",
    summary: "The alarm notification target is not an SNS topic ARN.",
    ref: "CloudWatch PutMetricAlarm AlarmActions",
  },

  // Terraform module: provider target and alarms (what the generated module must express) -------
  PROVIDER_TARGET_MRSC_UNSUPPORTED: {
    severity: "error",
    source: "provider",
    summary:
      "The policy targets hashicorp/aws 5.x, which has no `replica.consistency_mode` or `global_table_witness`: MRSC (and a witness) needs the 6.x target.",
    ref: "aws 5.100 `terraform providers schema -json`; [TF] CHANGELOG 6.3.0, 6.22.0",
  },
  PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED: {
    severity: "error",
    source: "provider",
    summary:
      "The policy targets hashicorp/aws 5.x, which has no `warm_throughput` block (added in 6.13.0): warm throughput needs the 6.x target.",
    ref: "aws 5.100 `terraform providers schema -json`; [TF] CHANGELOG 6.13.0",
  },
  MRSC_PROVISIONED_UNSUPPORTED: {
    severity: "error",
    source: "provider",
    summary:
      "A PROVISIONED MRSC table cannot be created in one apply: its replicas are `replica` blocks, created with the table and so before the autoscaling a provisioned global table needs. Use PAY_PER_REQUEST.",
    ref: "[TF#13097]; [DG] V2globaltables_reqs_bestpractices",
  },
  ALARM_THRESHOLD_ALWAYS_BREACHING: {
    severity: "error",
    source: "aws",
    summary:
      "An alarm threshold of 0 with >= is reached by every datapoint, so the alarm never leaves ALARM; use 1 or more.",
    ref: "CloudWatch PutMetricAlarm ComparisonOperator",
  },
  ALARM_DATAPOINTS_ABOVE_PERIODS: {
    severity: "error",
    source: "aws",
    summary:
      "datapointsToAlarm is above evaluationPeriods: an alarm cannot need more breaching minutes than it looks at.",
    ref: "CloudWatch PutMetricAlarm DatapointsToAlarm",
  },
  GSI_CHANGE_IGNORED_BY_AUTOSCALING: {
    severity: "error",
    source: "provider",
    summary:
      "A revision adds, removes or reshapes a GSI of a live table whose GSIs autoscale: the module ignores `global_secondary_index` (the provider cannot ignore one index's capacity), so the change would never apply. Remove GSI autoscaling in one revision, change the indexes, then add it back.",
    ref: "[TF] aws_dynamodb_table autoscaling note; aws_dynamodb_global_secondary_index is experimental (6.28+, TF_AWS_EXPERIMENT_dynamodb_global_secondary_index)",
  },

  // Tier policy ----------------------------------------------------------------------------------
  POLICY_PITR_REQUIRED: {
    severity: "error",
    source: "policy",
    summary:
      "The tier requires point-in-time recovery on the table (one Region is enough for a global table, per AWS guidance).",
    ref: "tier policy pointInTimeRecovery",
  },
  POLICY_PITR_RECOVERY_PERIOD: {
    severity: "error",
    source: "policy",
    summary: "The PITR recovery period is shorter than the tier's minimum.",
    ref: "tier policy minRecoveryPeriodInDays",
  },
  POLICY_DELETION_PROTECTION_REQUIRED: {
    severity: "error",
    source: "policy",
    summary: "The tier requires deletion protection (on the table and every replica that overrides it).",
    ref: "tier policy deletionProtection",
  },
  POLICY_MAX_REGIONS: {
    severity: "error",
    source: "policy",
    summary: "More Regions (primary, replicas and witness) than the tier allows.",
    ref: "tier policy maxRegions",
  },
  POLICY_DR_PATTERN_NOT_ALLOWED: {
    severity: "error",
    source: "policy",
    summary: "The request's DR pattern is not allowed in this tier.",
    ref: "tier policy allowedDrPatterns",
  },
  POLICY_REGION_LOSS_NOT_SURVIVED: {
    severity: "error",
    source: "policy",
    summary: "The tier must survive the loss of a Region: add a replica or a cross-Region backup copy.",
    ref: "tier policy mustSurviveRegionLoss",
  },
  POLICY_BACKUP_REQUIRED: {
    severity: "error",
    source: "policy",
    summary: "The tier requires an AWS Backup plan.",
    ref: "tier policy requireBackup",
  },
  POLICY_ALARMS_REQUIRED: {
    severity: "error",
    source: "policy",
    summary: "The tier requires CloudWatch alarms.",
    ref: "tier policy requireAlarms",
  },
  POLICY_CUSTOMER_MANAGED_KEY_REQUIRED: {
    severity: "error",
    source: "policy",
    summary: "The tier requires a customer-managed KMS key.",
    ref: "tier policy requireCustomerManagedKey",
  },
  POLICY_BILLING_MODE_NOT_ALLOWED: {
    severity: "error",
    source: "policy",
    summary: "The billing mode is not allowed in this tier.",
    ref: "tier policy allowedBillingModes",
  },
  POLICY_ON_DEMAND_ONLY: {
    severity: "error",
    source: "policy",
    summary: "The tier's policy allows only on-demand (PAY_PER_REQUEST) billing.",
    ref: "tier policy onDemandOnly",
  },
  POLICY_CAPACITY_BELOW_PEAK_DEMAND: {
    severity: "error",
    source: "policy",
    summary: "The tier requires capacity that serves the workload's stated peak; a limit below it would throttle.",
    ref: "tier policy requireCapacityForPeak",
  },
  POLICY_MANDATORY_TAG_MISSING: {
    severity: "error",
    source: "policy",
    summary: "A tag the policy makes mandatory is missing or empty.",
    ref: "tier policy mandatoryTags",
  },
  // Live checks (lib/aws: DescribeTable in every target Region, on validate and submit) ------
  TABLE_ALREADY_EXISTS: {
    severity: "error",
    source: "aws",
    summary: "A table with this name already exists in a target Region (account and Region scope names).",
    ref: "[BC] TableName; DescribeTable",
  },
  TABLE_NOT_FOUND: {
    severity: "error",
    source: "aws",
    summary: "Importing: the table to adopt does not exist in a target Region.",
    ref: "DescribeTable ResourceNotFoundException",
  },
  LIVE_CHECK_UNAVAILABLE: {
    severity: "warning",
    source: "aws",
    summary:
      "A Region could not be asked (endpoint unreachable, no credentials, timeout); the name was not checked there.",
    ref: "Tablewright (live checks degrade, never block)",
  },
  // The inventory (lib/server/inventory, on create and on approval) and the operation plan ---------
  TABLE_ALREADY_MANAGED: {
    severity: "error",
    source: "schema",
    summary:
      "A new request names a table the portal already manages (same name in one of its Regions); change that table instead.",
    ref: "Tablewright inventory (docs/operation-plan.md)",
  },
  DESTRUCTIVE_ACKNOWLEDGEMENT_REQUIRED: {
    severity: "error",
    source: "schema",
    summary:
      "The operation plan replaces the table (every item lost unless migrated): the requester must acknowledge it with a migration note.",
    ref: "Tablewright operation plan (docs/operation-plan.md)",
  },
} as const satisfies Record<string, ValidationCodeInfo>;

export type ValidationCode = keyof typeof VALIDATION_CODES;
