import type { Replica, TableRequest } from "../request/schema";

/**
 * What a definition means once the module's defaults and derivations apply: the same rules as
 * `lib/domain/terraform/build-model.ts` (the plan must judge what Terraform will actually see,
 * not the raw request). `effective.test.ts` holds the two in agreement.
 */

export const isGlobal = (r: TableRequest): boolean => r.regions.replicas.length > 0;
export const isMrec = (r: TableRequest): boolean => isGlobal(r) && r.regions.consistency === "EVENTUAL";
export const isMrsc = (r: TableRequest): boolean => r.regions.consistency === "STRONG";

/** The stream Terraform configures: MREC global tables always run NEW_AND_OLD_IMAGES. */
export function effectiveStreamViewType(r: TableRequest): string | null {
  if (isMrec(r)) return "NEW_AND_OLD_IMAGES";
  if (!r.stream?.enabled) return null;
  return r.stream.viewType ?? "NEW_AND_OLD_IMAGES";
}

/** The TTL attribute when TTL is on, else null. */
export const effectiveTtl = (r: TableRequest): string | null => (r.ttl?.enabled ? r.ttl.attributeName : null);

/** The table's encryption as DynamoDB knows it: owner of the key, and the key when customer managed. */
export function encryptionKey(r: TableRequest): string {
  return r.encryption.type === "CUSTOMER_MANAGED"
    ? `CUSTOMER_MANAGED:${r.encryption.kmsKeyArn ?? ""}`
    : r.encryption.type;
}

export const replicaPitr = (r: TableRequest, replica: Replica): boolean =>
  replica.pointInTimeRecovery ?? r.pointInTimeRecovery.enabled;
export const replicaDeletionProtection = (r: TableRequest, replica: Replica): boolean =>
  replica.deletionProtection ?? r.deletionProtection;

/**
 * True when the module lists `global_secondary_index` in `lifecycle.ignore_changes`
 * (provisioned table with an autoscaled index): then terraform apply leaves indexes alone.
 */
export function moduleIgnoresIndexChanges(r: TableRequest): boolean {
  if (r.billing.mode !== "PROVISIONED") return false;
  return r.globalSecondaryIndexes.some((g) => g.capacity?.read.autoscaling || g.capacity?.write.autoscaling);
}

/** The table capacity dimensions the module leaves to autoscaling (`ignore_changes`). */
export function autoscaledDimensions(r: TableRequest): { read: boolean; write: boolean } {
  if (r.billing.mode !== "PROVISIONED") return { read: false, write: false };
  return { read: r.billing.read.autoscaling !== undefined, write: r.billing.write.autoscaling !== undefined };
}

/** All Regions that hold the table's data. */
export const dataRegions = (r: TableRequest): string[] => [
  r.regions.primary,
  ...r.regions.replicas.map((x) => x.region),
];
