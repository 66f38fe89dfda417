/**
 * The input of every template: a view model that holds decisions (what to emit, with which names
 * and values), never HCL text. The templates own every character of the output; the builder in
 * `lib/domain/terraform` owns the semantics. These types live here, with the templates that read
 * them, so imports run one way only: the domain imports the templates, never the reverse.
 */

/** hashicorp/aws major version the module is written for (a platform setting; see docs/terraform-module.md). */
export type AwsProviderMajor = 5 | 6;

/**
 * The account a module deploys to and the role its provider assumes there (multi-account
 * targets, mapped per team/tier by the platform team). Same shape as lib/domain/accounts'.
 */
export interface AssumeRoleTarget {
  accountId: string;
  roleArn: string;
  externalId?: string;
}

export interface ModuleModel {
  tableName: string;
  primaryRegion: string;
  /** The account the table lives in when an admin mapped the team/tier to one (multi-account). */
  accountTarget?: AssumeRoleTarget;
  provider: ProviderModel;
  versions: VersionsModel;
  table: TableModel;
  autoscaling: ScalingModel[];
  contributorInsights: ContributorInsightsModel[];
  backup?: BackupModel;
  alarms?: AlarmsModel;
  iam: IamModel;
  readme: ReadmeModel;
  /** The parsed request, written verbatim as `request.json`. */
  requestDocument: unknown;
  /** Against the previous revision (a change to a managed table): `moved.tf` and README steps. */
  moves?: ModuleMoves;
}

/** How the module reaches the provider and places resources outside the primary Region. */
export interface ProviderModel {
  major: AwsProviderMajor;
  /**
   * `argument`: the per-resource `region` argument (provider 6). `alias`: one aliased provider
   * per other Region, declared in `configuration_aliases` (provider 5 has no `region` argument).
   */
  regionPlacement: "argument" | "alias";
  /** Regions other than the primary that hold a resource (replicas, alarms, the backup copy). */
  otherRegions: readonly string[];
  /** Aliased providers, one per Region in `otherRegions` (alias placement only). */
  aliases: readonly ProviderAliasModel[];
  /** GSI keys as `key_schema` blocks (6.29+) or the older `hash_key`/`range_key` arguments (5.x). */
  gsiKeySyntax: "key_schema" | "hash_range";
}

export interface ProviderAliasModel {
  alias: string;
  region: string;
}

export interface VersionsModel {
  terraform: string;
  /** Lowest hashicorp/aws version that supports every argument emitted. */
  awsMinimum: string;
  awsConstraint: string;
  /** Why the floor is what it is: one line per feature that raised it. */
  reasons: readonly string[];
}

export interface AttributeModel {
  name: string;
  type: "S" | "N" | "B";
}

export interface OnDemandModel {
  maxRead?: number;
  maxWrite?: number;
}

/** Requested warm throughput (provider 6.13+ `warm_throughput`); absent fields are left to AWS. */
export interface WarmThroughputModel {
  readUnitsPerSecond?: number;
  writeUnitsPerSecond?: number;
}

export interface GsiModel {
  name: string;
  hashKey: string;
  rangeKey?: string;
  projectionType: "ALL" | "KEYS_ONLY" | "INCLUDE";
  nonKeyAttributes: readonly string[];
  readCapacity?: number;
  writeCapacity?: number;
  onDemand?: OnDemandModel;
  warmThroughput?: WarmThroughputModel;
}

export interface LsiModel {
  name: string;
  rangeKey: string;
  projectionType: "ALL" | "KEYS_ONLY" | "INCLUDE";
  nonKeyAttributes: readonly string[];
}

export type TableClass = "STANDARD" | "STANDARD_INFREQUENT_ACCESS";

export interface ReplicaModel {
  region: string;
  role: "ACTIVE" | "STANDBY";
  /** Terraform label of the replica resource (used when replicas are separate resources). */
  label: string;
  kmsKeyArn?: string;
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
  propagateTags: boolean;
  /** The class the replica ends up with (the table's unless overridden). */
  tableClass: TableClass;
  /** Set only when it differs from the table's class (needs `aws_dynamodb_table_replica`). */
  tableClassOverride?: TableClass;
  /** Only set for MRSC; EVENTUAL is the provider default and needs no newer provider. */
  consistencyMode?: "STRONG";
}

export interface TableModel {
  name: string;
  billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  hashKey: string;
  rangeKey?: string;
  readCapacity?: number;
  writeCapacity?: number;
  onDemand?: OnDemandModel;
  warmThroughput?: WarmThroughputModel;
  tableClass: TableClass;
  deletionProtection: boolean;
  attributes: readonly AttributeModel[];
  gsis: readonly GsiModel[];
  lsis: readonly LsiModel[];
  stream?: { viewType: "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY"; forcedByGlobalTable: boolean };
  ttl?: { attributeName: string };
  pointInTimeRecovery: { enabled: boolean; recoveryPeriodInDays?: number };
  /** Absent: AWS-owned key (the provider default). Present without key: AWS-managed key. */
  encryption?: { kmsKeyArn?: string };
  replicas: readonly ReplicaModel[];
  /**
   * `inline`: `replica` blocks of the table. `resource`: one `aws_dynamodb_table_replica` each,
   * created after the table's autoscaling (see docs/terraform-module.md, "Replicas per target").
   */
  replicaStyle: "inline" | "resource";
  witnessRegion?: string;
  tags: readonly (readonly [string, string])[];
  /** Arguments other resources own (autoscaling, replica resources), so plans do not fight them. */
  ignoreChanges: readonly ("read_capacity" | "write_capacity" | "global_secondary_index" | "replica")[];
  /**
   * `on`: `lifecycle { prevent_destroy = true }` (the tier policy asks for it). `lifted`: the tier
   * asks for it, but this revision replaces the table (an acknowledged destructive change), so it
   * is left out for this one apply. `off`: the tier does not ask.
   */
  preventDestroy: "on" | "lifted" | "off";
}

export interface ScalingModel {
  /** Terraform resource label, unique in the module. */
  label: string;
  indexName?: string;
  dimension: "read" | "write";
  minCapacity: number;
  maxCapacity: number;
  targetUtilization: number;
}

export interface ContributorInsightsModel {
  label: string;
  indexName?: string;
}

export interface BackupModel {
  vaultName: string;
  planName: string;
  ruleName: string;
  selectionName: string;
  roleName: string;
  schedule: string;
  retentionDays: number;
  copy?: { region: string; vaultName: string; retentionDays: number };
}

/** Where an alarm lives and who it notifies. */
export interface AlarmPlacement {
  /** Terraform label, unique in the module. */
  label: string;
  name: string;
  region: string;
}

export interface ThrottleAlarmModel extends AlarmPlacement {
  dimension: "read" | "write";
  /** Absent: the table's own metric (which excludes GSIs); present: one GSI's. */
  indexName?: string;
  threshold: number;
}

export interface SystemErrorsAlarmModel extends AlarmPlacement {
  /** Read-type or write-type operations: each alarm sums one group. */
  operationGroup: "read" | "write";
  operations: readonly string[];
  threshold: number;
}

export interface ReplicationLatencyAlarmModel extends AlarmPlacement {
  /** Published in the Region that sends the writes, per receiving Region. */
  receivingRegion: string;
  thresholdMs: number;
}

export interface AlarmsModel {
  /** From the request; otherwise the module asks for it as a variable. */
  topicArn?: string;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  periodSeconds: number;
  /** Regions other than the primary that carry alarms; each needs its own SNS topic (same-Region actions). */
  replicaRegions: readonly string[];
  throttles: readonly ThrottleAlarmModel[];
  systemErrors: readonly SystemErrorsAlarmModel[];
  replicationLatency: readonly ReplicationLatencyAlarmModel[];
}

export interface IamModel {
  readWriteName: string;
  readOnlyName: string;
  hasStream: boolean;
  /** Customer-managed keys the policies may use through DynamoDB, one per Region. */
  kmsKeys: readonly { region: string; keyArn: string }[];
}

/** Optional facts from other engines (the README shows them when given) and render settings. */
export interface RenderContext {
  changeRequestKey?: string;
  revision?: number;
  requestedBy?: string;
  costSummary?: CostSummary;
  drSummary?: DrSummary;
  /** Adopt an existing table: the module gets `imports.tf` with an `import` block for it. */
  importExisting?: { tableName: string; region: string };
  /** hashicorp/aws major version to write for; 6 when absent. The tier policy sets it. */
  awsProviderMajor?: AwsProviderMajor;
  /** The account and role the team/tier is mapped to: the provider assumes that role. */
  accountTarget?: AssumeRoleTarget;
  /** The tier policy's `preventDestroy`: the table gets `lifecycle { prevent_destroy = true }`. */
  preventDestroy?: boolean;
  /**
   * The approved definition this revision changes (a change to a managed table): addresses that
   * differ from its module get `moved` blocks (moved.tf), and a replacement lifts prevent_destroy.
   */
  previousDefinition?: unknown;
}

/** One `moved` block: the object at `from` in the previous revision's module is at `to` now. */
export interface AddressMove {
  from: string;
  to: string;
}

/** Replicas that switch between `replica` blocks and `aws_dynamodb_table_replica` resources. */
export interface ReplicaStyleSwitch {
  direction: "blocks-to-resources" | "resources-to-blocks";
  /** `aws_dynamodb_table_replica.<label>` addresses (new ones to import, old ones to forget). */
  addresses: string[];
  regions: string[];
}

/** What moves between the previous revision's module and this one. */
export interface ModuleMoves {
  moves: AddressMove[];
  replicaStyleSwitch?: ReplicaStyleSwitch;
}

export interface CostSummary {
  monthlyTotalUsd: number;
  /** ISO date of the price list the estimate used. */
  priceDate: string;
  lines?: readonly { label: string; monthlyUsd: number }[];
  notes?: readonly string[];
}

export interface DrSummary {
  pattern: string;
  rpo: string;
  rto: string;
  notes?: readonly string[];
}

/** The request facts the README's summary table shows. */
export interface RequestSummary {
  requester: string;
  team: string;
  service: string;
  costCenter: string;
  tier: string;
  purpose: string;
  partitionKey: { name: string; type: string };
  sortKey?: { name: string; type: string };
  consistency: "EVENTUAL" | "STRONG";
  encryptionType: string;
}

export interface ReadmeModel {
  context: RenderContext;
  summary: RequestSummary;
  drPattern: string;
  /** Facts the module cannot express in Terraform but that the request states (kept visible). */
  notes: readonly string[];
}
