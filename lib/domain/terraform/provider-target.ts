import { providerAlias } from "../../../terraform-templates";
import type { TableRequest } from "../request/schema";
import type {
  AwsProviderMajor,
  BackupModel,
  ProviderAliasModel,
  ReplicaModel,
  TableModel,
  VersionsModel,
} from "./model";
import { computeProviderFloor, TERRAFORM_REQUIRED_VERSION } from "./provider-version";

/**
 * Replica blocks or `aws_dynamodb_table_replica` resources (the provider says never both on one
 * table). Resources where blocks cannot do the job:
 * - provider 5: its `replica` block has no `deletion_protection_enabled` (aws 5.100 schema), while
 *   the resource has it since 5.80.0, and the resource also carries `table_class_override`;
 * - PROVISIONED billing: blocks are created with the table, before the autoscaling DynamoDB requires
 *   of a provisioned global table (provider issue #13097); resources can wait for it;
 * - a per-replica table class: only the resource has `table_class_override`.
 * Otherwise (provider 6, on demand, one class) blocks, which also carry MRSC's `consistency_mode`.
 */
export function decideReplicaStyle(
  request: TableRequest,
  major: AwsProviderMajor,
  replicas: readonly ReplicaModel[],
): TableModel["replicaStyle"] {
  if (request.regions.consistency === "STRONG") return "inline";
  if (major === 5) return "resource";
  if (request.billing.mode === "PROVISIONED") return "resource";
  if (replicas.some((r) => r.tableClassOverride !== undefined)) return "resource";
  return "inline";
}

/** One aliased provider per Region other than the primary that holds a resource, in first-use order. */
export function listProviderAliases(primary: string, regions: readonly string[]): ProviderAliasModel[] {
  const seen = new Set<string>([primary]);
  const out: ProviderAliasModel[] = [];
  for (const region of regions) {
    if (seen.has(region)) continue;
    seen.add(region);
    out.push({ alias: providerAlias(region), region });
  }
  return out;
}

/** The last 5.x release: the schema the 5.x output is checked against and planned with. */
export const AWS_5_FLOOR = "5.100.0";

/**
 * `versions.tf` for the target. Provider 6: the floor computed from the arguments used. Provider 5:
 * 5.100.0, the last 5.x release, whose own schema (`terraform providers schema -json`) the tests
 * check the output against and whose plan they run; a 5.x user moves within the major freely.
 */
export function resolveVersions(
  major: AwsProviderMajor,
  table: TableModel,
  backup: BackupModel | undefined,
): VersionsModel {
  if (major === 5) {
    return {
      terraform: TERRAFORM_REQUIRED_VERSION,
      awsMinimum: AWS_5_FLOOR,
      awsConstraint: `>= ${AWS_5_FLOOR}, < 6.0.0`,
      reasons: [
        `${AWS_5_FLOOR}: the last 5.x release (aws_dynamodb_table_replica deletion_protection_enabled arrived in 5.80.0, on_demand_throughput in 5.72.0)`,
      ],
    };
  }
  const inline = table.replicaStyle === "inline" && table.replicas.length > 0;
  const floor = computeProviderFloor({
    hasGsi: table.gsis.length > 0,
    hasInlineReplicas: inline,
    hasStrongConsistency: table.replicas.some((r) => r.consistencyMode === "STRONG"),
    hasWitness: table.witnessRegion !== undefined,
    usesRegionArgument: backup?.copy !== undefined || table.replicaStyle === "resource",
    usesWarmThroughput: table.warmThroughput !== undefined || table.gsis.some((g) => g.warmThroughput !== undefined),
  });
  return {
    terraform: TERRAFORM_REQUIRED_VERSION,
    awsMinimum: floor.minimum,
    awsConstraint: `>= ${floor.minimum}, < 7.0.0`,
    reasons: floor.reasons,
  };
}
