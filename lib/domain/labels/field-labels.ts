import type { TableRequest } from "../request/schema";
import { parseIssuePath } from "../validation/paths";

/**
 * Words for the request's fields, so people read "Index by-customer › Projection type", not
 * `globalSecondaryIndexes[1].projection.type`. Keys are field names; a name that means different
 * things in different places is keyed by its parent too (`projection.type`).
 */
const FIELD_LABELS: Record<string, string> = {
  owner: "Owner",
  team: "Team",
  service: "Service",
  requester: "Requester",
  costCenter: "Cost centre",
  purpose: "Purpose",
  tier: "Tier",
  tableName: "Table name",
  partitionKey: "Partition key",
  sortKey: "Sort key",
  name: "Name",
  type: "Type",
  "partitionKey.type": "Partition key type",
  "sortKey.type": "Sort key type",
  "partitionKey.name": "Partition key name",
  "sortKey.name": "Sort key name",
  projection: "Projection",
  "projection.type": "Projection type",
  nonKeyAttributes: "Projected attributes",
  capacity: "Capacity",
  read: "Read capacity",
  write: "Write capacity",
  units: "Units",
  autoscaling: "Auto scaling",
  minCapacity: "Minimum",
  maxCapacity: "Maximum",
  targetUtilization: "Target utilisation (%)",
  onDemandThroughput: "On-demand maximum throughput",
  maxReadRequestUnits: "Maximum read request units",
  maxWriteRequestUnits: "Maximum write request units",
  contributorInsights: "Contributor Insights",
  warmThroughput: "Warm throughput",
  readUnitsPerSecond: "Read units per second",
  writeUnitsPerSecond: "Write units per second",
  billing: "Billing",
  "billing.mode": "Billing mode",
  tableClass: "Table class",
  ttl: "Time to live (TTL)",
  "ttl.enabled": "TTL",
  attributeName: "Attribute",
  stream: "Stream",
  "stream.enabled": "Stream",
  viewType: "View type",
  hasConsumer: "Has a consumer",
  pointInTimeRecovery: "Point-in-time recovery (PITR)",
  "pointInTimeRecovery.enabled": "Point-in-time recovery (PITR)",
  recoveryPeriodInDays: "Recovery period (days)",
  "pointInTimeRecovery.recoveryPeriodInDays": "PITR recovery period (days)",
  encryption: "Encryption",
  "encryption.type": "Encryption key",
  kmsKeyArn: "KMS key ARN",
  deletionProtection: "Deletion protection",
  tags: "Tags",
  regions: "Regions",
  primary: "Primary Region",
  consistency: "Multi-Region consistency",
  witness: "Witness Region",
  region: "Region",
  role: "Role",
  readCapacityOverride: "Read capacity override",
  maxReadRequestUnitsOverride: "Maximum read request units override",
  propagateTags: "Copy tags to the replica",
  drPattern: "DR pattern",
  backup: "AWS Backup",
  "backup.enabled": "AWS Backup",
  schedule: "Schedule",
  retentionDays: "Retention (days)",
  copyRegion: "Copy to Region",
  copyRetentionDays: "Copy retention (days)",
  alarms: "Alarms",
  "alarms.enabled": "Alarms",
  notificationTopicArn: "Notification topic",
  readThrottleThreshold: "Read throttle threshold",
  writeThrottleThreshold: "Write throttle threshold",
  systemErrorsThreshold: "System errors threshold",
  replicationLatencyMsThreshold: "Replication latency threshold (ms)",
  workload: "Workload",
  readsPerSecond: "Reads per second",
  peakReadsPerSecond: "Peak reads per second",
  writesPerSecond: "Writes per second",
  peakWritesPerSecond: "Peak writes per second",
  itemSizeBytes: "Item size (bytes)",
  readConsistency: "Read consistency",
  writeMode: "Write mode",
  storageGb: "Storage (GB)",
  monthlyGrowthGb: "Monthly growth (GB)",
  streamReadsPerSecond: "Stream reads per second",
};

/** Words for a camelCase key this table does not know (a field added later), never the raw key. */
function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

type Sides = { before?: TableRequest; after?: TableRequest };

function indexName(list: "globalSecondaryIndexes" | "localSecondaryIndexes", i: number, sides: Sides) {
  return sides.after?.[list]?.[i]?.name ?? sides.before?.[list]?.[i]?.name;
}

/**
 * A person's name for a request path (`globalSecondaryIndexes[1].projection.type` reads "Index
 * by-customer (GSI 2) › Projection type"). With the requests on both sides, indexes and replicas
 * are named by their name and Region; tags by their key. Unknown keys become words, and a path
 * that does not parse is returned as it is.
 */
export function labelRequestPath(path: string, sides: Sides = {}): string {
  const stripped = path.startsWith("request.") ? path.slice("request.".length) : path;
  const segments = parseIssuePath(stripped);
  if (!segments || segments.length === 0) return path;
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const previous = segments[i - 1];
    if (segment === undefined) continue;
    if (typeof segment === "number") {
      if (previous === "globalSecondaryIndexes" || previous === "localSecondaryIndexes") {
        const name = indexName(previous, segment, sides);
        const kind = previous === "globalSecondaryIndexes" ? "GSI" : "LSI";
        parts.pop();
        parts.push(name ? `Index ${name} (${kind} ${segment + 1})` : `${kind} ${segment + 1}`);
      } else if (previous === "replicas") {
        const region =
          sides.after?.regions.replicas[segment]?.region ?? sides.before?.regions.replicas[segment]?.region;
        parts.pop();
        parts.push(region ? `Replica in ${region}` : `Replica ${segment + 1}`);
      } else {
        parts.push(`item ${segment + 1}`);
      }
      continue;
    }
    if (previous === "tags" && i === 1) {
      parts.pop();
      parts.push(`Tag “${segment}”`);
      continue;
    }
    if (segment === "replicas" && previous === "regions") {
      parts.pop();
      parts.push("Replicas");
      continue;
    }
    if (segment === "globalSecondaryIndexes") {
      parts.push("Global secondary indexes");
      continue;
    }
    if (segment === "localSecondaryIndexes") {
      parts.push("Local secondary indexes");
      continue;
    }
    const keyed = typeof previous === "string" ? FIELD_LABELS[`${previous}.${segment}`] : undefined;
    const label = keyed ?? FIELD_LABELS[segment] ?? words(segment);
    // "Billing › Billing mode" and "AWS Backup › AWS Backup" say the parent twice: keep the child.
    if (keyed && parts.length > 0 && typeof previous === "string" && parts.at(-1) === FIELD_LABELS[previous]) {
      parts.pop();
    }
    parts.push(label);
  }
  return parts.join(" › ");
}

const VALUE_WORDS: Record<string, string> = {
  PAY_PER_REQUEST: "On-demand",
  PROVISIONED: "Provisioned",
  STANDARD: "Standard",
  STANDARD_INFREQUENT_ACCESS: "Standard-IA",
  KEYS_ONLY: "Keys only",
  INCLUDE: "Include listed attributes",
  ALL: "All attributes",
  AWS_OWNED: "AWS owned key",
  AWS_MANAGED: "AWS managed key",
  CUSTOMER_MANAGED: "Customer managed key",
  EVENTUAL: "Eventual",
  STRONG: "Strong",
  ACTIVE: "Active",
  STANDBY: "Standby",
  NEW_IMAGE: "New image",
  OLD_IMAGE: "Old image",
  NEW_AND_OLD_IMAGES: "New and old images",
  SINGLE_REGION_PITR: "Single Region with PITR",
  BACKUP_CROSS_REGION_COPY: "Backup with cross-Region copy",
  ACTIVE_PASSIVE: "Active-passive",
  ACTIVE_ACTIVE_MREC: "Active-active (MREC)",
  MRSC: "Multi-Region strong consistency",
};

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/**
 * A field's value as a person reads it: on/off, enum names in words, numbers with thousands
 * separators, "not set" for an absent value, lists joined, objects as their fields in words.
 */
export function formatRequestValue(value: unknown): string {
  if (value === undefined || value === null) return "not set";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "number") return NUMBER.format(value);
  if (typeof value === "string") return VALUE_WORDS[value] ?? (value === "" ? "empty" : value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(formatRequestValue).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${(FIELD_LABELS[k] ?? words(k)).toLowerCase()} ${formatRequestValue(v)}`)
      .join("; ");
  }
  return String(value);
}
