import type { TableRequest } from "../request/schema";
import { compareTags } from "./compare-table";
import type { FindingList } from "./findings";
import { isDeleteOnly, type PlannedChange, type PlanValues } from "./read-plan";

interface PlannedReplica {
  region: string;
  values: PlanValues;
  /** An `aws_dynamodb_table_replica` resource (else a `replica` block of the table). */
  isResource: boolean;
}

const quoted = (name: string) => JSON.stringify(name);

/**
 * Replicas, wherever the module puts them (replica blocks on provider 6, resources on provider 5
 * or for provisioned tables), matched by Region: each one's key, PITR, deletion protection and tags.
 */
export function compareReplicas(
  table: PlannedChange,
  replicaResources: readonly PlannedChange[],
  request: TableRequest,
  findings: FindingList,
): void {
  const blocks = Array.isArray(table.after.replica) ? (table.after.replica as PlanValues[]) : [];
  const planned: PlannedReplica[] = [
    ...blocks
      .filter((b) => b && typeof b === "object")
      .map((b) => ({ region: String(b.region_name), values: b, isResource: false })),
    ...replicaResources
      .filter((r) => !isDeleteOnly(r.actions))
      .map((r) => ({ region: r.region ?? `unknown Region (${r.address})`, values: r.after, isResource: true })),
  ];
  const byRegion = new Map(planned.map((p) => [p.region, p]));
  for (const r of request.regions.replicas) {
    const path = `regions.replicas[${quoted(r.region)}]`;
    const p = byRegion.get(r.region);
    if (!p) {
      findings.add(
        path,
        "REPLICA_MISSING",
        `The replica in ${r.region} is missing from the plan.`,
        r.region,
        undefined,
      );
      continue;
    }
    const v = p.values;
    findings.compare(
      `${path}.kmsKeyArn`,
      `The encryption key of the replica in ${r.region}`,
      r.kmsKeyArn,
      v.kms_key_arn,
    );
    findings.compare(
      `${path}.pointInTimeRecovery`,
      `Point-in-time recovery of the replica in ${r.region}`,
      r.pointInTimeRecovery ?? request.pointInTimeRecovery.enabled,
      v.point_in_time_recovery ?? false,
    );
    // Replica blocks before aws 6.9 have no deletion protection: compare only where the schema has it.
    if ("deletion_protection_enabled" in v) {
      findings.compare(
        `${path}.deletionProtection`,
        `Deletion protection of the replica in ${r.region}`,
        r.deletionProtection ?? request.deletionProtection,
        v.deletion_protection_enabled ?? false,
      );
    }
    if (p.isResource) {
      // The resource has no propagate_tags: the module writes the table's tags on it instead.
      compareTags(
        `${path}.tags`,
        `The tag on the replica in ${r.region}`,
        r.propagateTags ? request.tags : {},
        v.tags,
        findings,
      );
      const override = r.tableClass && r.tableClass !== request.tableClass ? r.tableClass : undefined;
      findings.compare(
        `${path}.tableClass`,
        `The table class of the replica in ${r.region}`,
        override,
        v.table_class_override,
      );
    } else {
      findings.compare(
        `${path}.propagateTags`,
        `Tag propagation to the replica in ${r.region}`,
        r.propagateTags,
        v.propagate_tags ?? false,
      );
    }
  }
  const approved = new Set<string>(request.regions.replicas.map((r) => r.region));
  for (const p of planned) {
    if (!approved.has(p.region)) {
      findings.add(
        `regions.replicas[${quoted(p.region)}]`,
        "REPLICA_EXTRA",
        `The plan creates a replica in ${p.region}, which the approved revision does not have.`,
        undefined,
        p.region,
      );
    }
  }
}
