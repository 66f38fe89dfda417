/**
 * Issue messages as people read them. The engine's messages are written for API users and name
 * request fields (`globalSecondaryIndexes[0]`, `kmsKeyArn`) and enum values (`PAY_PER_REQUEST`);
 * the form and the review pages show the same finding with labels instead. Codes and paths stay
 * in the API; only the words change. Text in quotes or backticks is the person's own data (an
 * attribute or tag name) and is left as it is.
 */

const ENUM_LABELS: Record<string, string> = {
  PAY_PER_REQUEST: "on-demand",
  PROVISIONED: "provisioned",
  CUSTOMER_MANAGED: "customer-managed",
  AWS_MANAGED: "AWS-managed",
  AWS_OWNED: "AWS-owned",
  NEW_AND_OLD_IMAGES: "new and old images",
  NEW_IMAGE: "new image",
  OLD_IMAGE: "old image",
  KEYS_ONLY: "keys only",
  STANDARD_INFREQUENT_ACCESS: "Standard-Infrequent Access",
  SINGLE_REGION_PITR: "single Region with point-in-time recovery",
  BACKUP_CROSS_REGION_COPY: "backups copied to another Region",
  ACTIVE_PASSIVE: "active-passive",
  ACTIVE_ACTIVE_MREC: "active-active",
  MRSC: "multi-Region strong consistency",
};

/** Request field names (the last segment of a path) as labels. */
const FIELD_LABELS: Record<string, string> = {
  tableName: "table name",
  partitionKey: "partition key",
  sortKey: "sort key",
  nonKeyAttributes: "included attributes",
  onDemandThroughput: "on-demand maximums",
  maxReadRequestUnits: "max read request units",
  maxWriteRequestUnits: "max write request units",
  warmThroughput: "warm throughput",
  readUnitsPerSecond: "warm read units per second",
  writeUnitsPerSecond: "warm write units per second",
  readCapacityOverride: "replica read capacity",
  maxReadRequestUnitsOverride: "replica read maximum",
  minCapacity: "auto scaling minimum",
  maxCapacity: "auto scaling maximum",
  targetUtilization: "target utilisation",
  kmsKeyArn: "KMS key ARN",
  copyRegion: "copy Region",
  copyRetentionDays: "copy retention",
  retentionDays: "retention",
  recoveryPeriodInDays: "recovery period",
  pointInTimeRecovery: "point-in-time recovery",
  deletionProtection: "deletion protection",
  drPattern: "the DR pattern",
  viewType: "the stream view type",
  hasConsumer: '"A consumer reads the stream"',
  attributeName: "the TTL attribute",
  tableClass: "table class",
  notificationTopicArn: "the SNS topic ARN",
  readsPerSecond: "reads per second",
  writesPerSecond: "writes per second",
  peakReadsPerSecond: "peak reads per second",
  peakWritesPerSecond: "peak writes per second",
  itemSizeBytes: "item size",
  writeMode: "write mode",
  readConsistency: "read consistency",
  storageGb: "storage",
  monthlyGrowthGb: "monthly growth",
  streamReadsPerSecond: "stream reads per second",
  contributorInsights: "Contributor Insights",
  propagateTags: "tag copying",
  globalSecondaryIndexes: "GSIs",
  localSecondaryIndexes: "LSIs",
  replicas: "replicas",
  witness: "the witness Region",
  consistency: "consistency",
  autoscaling: "auto scaling",
  units: "capacity units",
  billing: "billing",
  encryption: "encryption",
  backup: "the backup plan",
  alarms: "alarms",
  workload: "the workload",
  owner: "owner",
  costCenter: "cost centre",
};

const LIST_LABELS: Record<string, string> = {
  globalSecondaryIndexes: "GSI",
  localSecondaryIndexes: "LSI",
  replicas: "replica",
};

/** Optional context: index names, so "GSI 1" can read "GSI 1 (by-user)". */
export interface MessageContext {
  globalSecondaryIndexes?: readonly { name?: string }[];
  localSecondaryIndexes?: readonly { name?: string }[];
}

// A request path with at least one dot or index: `regions.replicas[0].kmsKeyArn`, `globalSecondaryIndexes[1]`.
const PATH = /\b[a-z][A-Za-z]*(?:\[\d+\]|\.[a-z][A-Za-z]*)+(?:\[\d+\]|\.[a-z][A-Za-z]*)*/g;
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b/g;
const ENUM = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\bPROVISIONED\b/g;
// "…; see PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED" cross-references a code: drop it.
const SEE_CODE = /;?\s*see [A-Z][A-Z0-9_]+/g;

function describePath(path: string, context: MessageContext): string {
  const parts = [...path.matchAll(/([a-zA-Z]+)|\[(\d+)\]/g)];
  let label = "";
  let last = "";
  for (const [, name, index] of parts) {
    if (index !== undefined) {
      const list = LIST_LABELS[last];
      if (!list) continue;
      const n = Number(index);
      const named =
        last === "globalSecondaryIndexes"
          ? context.globalSecondaryIndexes?.[n]?.name
          : last === "localSecondaryIndexes"
            ? context.localSecondaryIndexes?.[n]?.name
            : undefined;
      label = `${list} ${n + 1}${named ? ` (${named})` : ""}`;
      last = "";
    } else if (name) last = name;
  }
  // The path's own field after the list item ("replica 1's KMS key ARN"), or the field alone.
  if (last && label) return `${label}'s ${FIELD_LABELS[last] ?? last}`;
  if (last) return FIELD_LABELS[last] ?? last;
  return label || path;
}

function humanizeText(text: string, context: MessageContext): string {
  return (
    text
      .replace(SEE_CODE, "")
      .replace(PATH, (path) => describePath(path, context))
      .replace(IDENTIFIER, (name) => FIELD_LABELS[name] ?? name)
      .replace(ENUM, (value) => ENUM_LABELS[value] ?? value.toLowerCase().replaceAll("_", " "))
      // Limits read better grouped: "at most 10,000,000".
      .replace(
        /\b(at (?:most|least) )(\d{4,})\b/gi,
        (_, words: string, n: string) => `${words}${Number(n).toLocaleString("en-US")}`,
      )
      .replace(/\(\s*\)/g, "")
      .replace(/\s+([.,;])/g, "$1")
  );
}

/** The message with field paths, field names and enum values replaced by labels. */
export function humanizeIssueMessage(message: string, context: MessageContext = {}): string {
  // Quoted and back-ticked text is data (an attribute, a tag key, a Terraform block name): keep it.
  return message
    .split(/("[^"]*"|`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : humanizeText(part, context)))
    .join("");
}
