import { describePatternMismatch } from "../../dr/check-pattern";
import { findMrscRegionSet, MRSC_REGION_SETS } from "../../regions";
import type { RuleContext } from "./context";

export const MRSC_REGION_COUNT = 3;

/** Replicas, per-replica overrides the provider cannot express, MRSC shape, and the DR pattern. */
export function checkRegions(context: RuleContext): void {
  const { request, report, isMrsc } = context;
  const { regions } = request;

  const seen = new Set<string>([regions.primary]);
  regions.replicas.forEach((replica, i) => {
    const path = ["regions", "replicas", i, "region"];
    if (replica.region === regions.primary) {
      report.add(
        "REPLICA_IN_PRIMARY_REGION",
        path,
        `${replica.region} is the primary Region; the table itself lives there, so remove this replica.`,
      );
    } else if (seen.has(replica.region)) {
      report.add("REPLICA_DUPLICATE_REGION", path, `A replica in ${replica.region} is already listed.`);
    }
    seen.add(replica.region);
    // Other global tables render a per-replica class as aws_dynamodb_table_replica table_class_override.
    if (isMrsc && replica.tableClass && replica.tableClass !== request.tableClass) {
      report.add(
        "PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED",
        ["regions", "replicas", i, "tableClass"],
        "An MRSC replica must be a Terraform `replica` block (the only place for consistency_mode), which has no table class; remove it (the replica uses the table's class).",
      );
    }
    if (replica.readCapacityOverride !== undefined) {
      report.add(
        "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
        ["regions", "replicas", i, "readCapacityOverride"],
        "A per-replica read capacity cannot be expressed in Terraform (neither the `replica` block nor aws_dynamodb_table_replica has one); remove it (the replica uses the table's read capacity).",
      );
    }
    if (replica.maxReadRequestUnitsOverride !== undefined) {
      report.add(
        "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
        ["regions", "replicas", i, "maxReadRequestUnitsOverride"],
        "A per-replica on-demand read maximum cannot be expressed in Terraform (neither the `replica` block nor aws_dynamodb_table_replica has one); remove it (the replica uses the table's onDemandThroughput).",
      );
    }
  });

  if (regions.witness) {
    if (!isMrsc) {
      report.add(
        "WITNESS_REQUIRES_STRONG_CONSISTENCY",
        ["regions", "witness"],
        "A witness Region is only used with consistency STRONG (MRSC).",
      );
    }
    if (seen.has(regions.witness)) {
      report.add(
        "WITNESS_IN_REPLICA_REGION",
        ["regions", "witness"],
        `The witness must be in a Region without a replica; ${regions.witness} already holds one.`,
      );
    }
  }

  if (isMrsc) checkMrsc(context);

  if (request.drPattern) {
    // Says what to change (e.g. which replica is ACTIVE under ACTIVE_PASSIVE); the DR preview shows the same text.
    const mismatch = describePatternMismatch(request, request.drPattern);
    if (mismatch) report.add("DR_PATTERN_MISMATCH", ["drPattern"], mismatch);
  }
}

function checkMrsc({ request, report }: RuleContext): void {
  const { regions } = request;
  const all = [regions.primary, ...regions.replicas.map((r) => r.region)];
  if (regions.witness) all.push(regions.witness);
  if (all.length !== MRSC_REGION_COUNT) {
    report.add(
      "MRSC_REGION_COUNT",
      ["regions", "replicas"],
      `MRSC needs exactly ${MRSC_REGION_COUNT} Regions (primary + 2 replicas, or primary + 1 replica + witness); this request has ${all.length}.`,
    );
  }
  if (!findMrscRegionSet(all)) {
    const sets = Object.entries(MRSC_REGION_SETS)
      .map(([name, members]) => `${name}: ${members.join(", ")}`)
      .join("; ");
    report.add("MRSC_REGION_SET", ["regions"], `All MRSC Regions must be in one Region set (${sets}).`);
  }
  if (request.localSecondaryIndexes.length > 0) {
    report.add(
      "MRSC_LSI_UNSUPPORTED",
      ["localSecondaryIndexes"],
      "Multi-Region strong consistency does not support LSIs; use GSIs.",
    );
  }
  const workload = request.workload;
  const mix = workload?.readConsistencyMix;
  const transactionalReads = mix ? mix.transactional > 0 : workload?.readConsistency === "TRANSACTIONAL";
  if (workload && (transactionalReads || workload.writeMode === "TRANSACTIONAL")) {
    const field = workload.writeMode === "TRANSACTIONAL" ? "writeMode" : mix ? "readConsistencyMix" : "readConsistency";
    report.add(
      "MRSC_TRANSACTIONS_UNSUPPORTED",
      ["workload", field],
      "MRSC tables reject transaction APIs (TransactWriteItems, TransactGetItems).",
    );
  }
}
