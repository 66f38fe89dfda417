import type { AssumeRoleTarget } from "../accounts/account-target";
import type { TableRequest } from "../request/schema";

/**
 * The view model the templates in `terraform-templates/` render. It holds decisions (what to
 * emit, with which names and values), never HCL text: the templates own every character of
 * the output, this model owns the semantics.
 */
export interface ModuleModel {
  tableName: string;
  primaryRegion: string;
  /** The account the table lives in when an admin mapped the team/tier to one (multi-account). */
  accountTarget?: AssumeRoleTarget;
  versions: VersionsModel;
  table: TableModel;
  autoscaling: ScalingModel[];
  contributorInsights: ContributorInsightsModel[];
  backup?: BackupModel;
  alarms?: AlarmsModel;
  iam: IamModel;
  readme: ReadmeModel;
  request: TableRequest;
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

export interface GsiModel {
  name: string;
  hashKey: string;
  rangeKey?: string;
  projectionType: "ALL" | "KEYS_ONLY" | "INCLUDE";
  nonKeyAttributes: readonly string[];
  readCapacity?: number;
  writeCapacity?: number;
  onDemand?: OnDemandModel;
}

export interface LsiModel {
  name: string;
  rangeKey: string;
  projectionType: "ALL" | "KEYS_ONLY" | "INCLUDE";
  nonKeyAttributes: readonly string[];
}

export interface ReplicaModel {
  region: string;
  role: "ACTIVE" | "STANDBY";
  kmsKeyArn?: string;
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
  propagateTags: boolean;
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
  tableClass: "STANDARD" | "STANDARD_INFREQUENT_ACCESS";
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
  witnessRegion?: string;
  tags: readonly (readonly [string, string])[];
  /** Capacity the autoscaler owns, so plans do not fight it. */
  ignoreChanges: readonly ("read_capacity" | "write_capacity" | "global_secondary_index")[];
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

export interface AlarmsModel {
  /** From the request; otherwise the module asks for it as a variable. */
  topicArn?: string;
  readThrottle: { name: string; threshold: number };
  writeThrottle: { name: string; threshold: number };
  systemErrors: { name: string; threshold: number };
  replicationLatency: readonly { label: string; name: string; region: string; thresholdMs: number }[];
}

export interface IamModel {
  readWriteName: string;
  readOnlyName: string;
  hasStream: boolean;
  hasReplicas: boolean;
}

/** Optional facts from other engines; the README shows them when given. */
export interface RenderContext {
  changeRequestKey?: string;
  revision?: number;
  requestedBy?: string;
  costSummary?: CostSummary;
  drSummary?: DrSummary;
  /** Adopt an existing table: the module gets `imports.tf` with an `import` block for it. */
  importExisting?: { tableName: string; region: string };
  /** The account and role the team/tier is mapped to: the provider assumes that role. */
  accountTarget?: AssumeRoleTarget;
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

export interface ReadmeModel {
  context: RenderContext;
  drPattern: string;
  /** Facts the module cannot express in Terraform but that the request states (kept visible). */
  notes: readonly string[];
}
