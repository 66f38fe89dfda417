import type { TableRequestInput, Tier } from "../request/schema";
import type {
  LiveContinuousBackups,
  LiveKeySchemaElement,
  LiveOnDemandThroughput,
  LiveProjection,
  LiveTableDescription,
  LiveTag,
  LiveTimeToLive,
} from "./live-table";
import { isUserTag } from "./table-shape";

/** Who will own the adopted table: the part of a request DynamoDB cannot tell. */
export interface ImportOwner {
  team: string;
  tier: Tier;
  service?: string;
  requester?: string;
  costCenter?: string;
  purpose?: string;
}

/** Per-replica answers from the replica's own Region (deletion protection, PITR). */
export interface ImportReplicaSettings {
  region: string;
  deletionProtection?: boolean;
  pointInTimeRecovery?: boolean;
}

export interface ImportedTableRequest {
  /** The request the live table implies (not yet validated). */
  request: TableRequestInput;
  /** What could not be read from DynamoDB and was left at a safe default; shown to the user. */
  notes: string[];
}

type KeyAttribute = { name: string; type: "S" | "N" | "B" };

function keyOf(
  schema: LiveKeySchemaElement[] | undefined,
  keyType: "HASH" | "RANGE",
  types: Map<string, string>,
): KeyAttribute | undefined {
  const name = schema?.find((k) => k.KeyType === keyType)?.AttributeName;
  if (name === undefined) return undefined;
  const type = types.get(name);
  return { name, type: type === "N" || type === "B" ? type : "S" };
}

function projectionOf(p: LiveProjection | undefined) {
  const type = (p?.ProjectionType ?? "ALL") as "ALL" | "KEYS_ONLY" | "INCLUDE";
  return type === "INCLUDE" ? { type, nonKeyAttributes: [...(p?.NonKeyAttributes ?? [])] } : { type };
}

function onDemandOf(od: LiveOnDemandThroughput | undefined) {
  const out: { maxReadRequestUnits?: number; maxWriteRequestUnits?: number } = {};
  // -1 is DynamoDB's "no cap"; leaving the field out says the same in a request.
  if (od?.MaxReadRequestUnits !== undefined && od.MaxReadRequestUnits >= 0)
    out.maxReadRequestUnits = od.MaxReadRequestUnits;
  if (od?.MaxWriteRequestUnits !== undefined && od.MaxWriteRequestUnits >= 0)
    out.maxWriteRequestUnits = od.MaxWriteRequestUnits;
  return Object.keys(out).length > 0 ? out : undefined;
}

function capacityOf(t: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) {
  return { read: { units: t?.ReadCapacityUnits ?? 0 }, write: { units: t?.WriteCapacityUnits ?? 0 } };
}

/**
 * The table request a live table implies, from DescribeTable, DescribeTimeToLive,
 * DescribeContinuousBackups and ListTagsOfResource (plus each replica Region's settings), so
 * that the module rendered from it describes the table exactly as it is and adopting it with
 * Terraform `import` blocks changes nothing. Facts DynamoDB does not report (autoscaling,
 * Contributor Insights, AWS Backup plans, alarms) are left out and named in `notes`. Pure.
 */
export function describeToTableRequest(
  table: LiveTableDescription,
  timeToLive: LiveTimeToLive | undefined,
  backups: LiveContinuousBackups | undefined,
  tags: LiveTag[],
  owner: ImportOwner,
  context: { region: string; replicas?: ImportReplicaSettings[] },
): ImportedTableRequest {
  const notes: string[] = [];
  const types = new Map((table.AttributeDefinitions ?? []).map((a) => [a.AttributeName ?? "", a.AttributeType ?? "S"]));
  const billingMode = table.BillingModeSummary?.BillingMode ?? "PROVISIONED";
  const provisioned = billingMode === "PROVISIONED";
  const tableName = table.TableName ?? "";

  const request: TableRequestInput = {
    owner: {
      team: owner.team,
      service: owner.service ?? tableName,
      requester: owner.requester ?? "tablewright-import",
      costCenter: owner.costCenter ?? "unknown",
      purpose: owner.purpose ?? `Imported from the existing table ${tableName} in ${context.region}.`,
    },
    tier: owner.tier,
    tableName,
    partitionKey: keyOf(table.KeySchema, "HASH", types) ?? { name: "", type: "S" },
    billing: provisioned
      ? { mode: "PROVISIONED", ...capacityOf(table.ProvisionedThroughput) }
      : {
          mode: "PAY_PER_REQUEST",
          ...(onDemandOf(table.OnDemandThroughput) ? { onDemandThroughput: onDemandOf(table.OnDemandThroughput) } : {}),
        },
    tableClass: (table.TableClassSummary?.TableClass ?? "STANDARD") as "STANDARD" | "STANDARD_INFREQUENT_ACCESS",
    deletionProtection: table.DeletionProtectionEnabled ?? false,
    regions: { primary: context.region as TableRequestInput["regions"]["primary"] },
  };
  const sortKey = keyOf(table.KeySchema, "RANGE", types);
  if (sortKey) request.sortKey = sortKey;

  const gsis = table.GlobalSecondaryIndexes ?? [];
  if (gsis.length > 0) {
    request.globalSecondaryIndexes = gsis.map((g) => {
      const gsi: NonNullable<TableRequestInput["globalSecondaryIndexes"]>[number] = {
        name: g.IndexName ?? "",
        partitionKey: keyOf(g.KeySchema, "HASH", types) ?? { name: "", type: "S" },
        projection: projectionOf(g.Projection),
      };
      const gsiSort = keyOf(g.KeySchema, "RANGE", types);
      if (gsiSort) gsi.sortKey = gsiSort;
      if (provisioned) gsi.capacity = capacityOf(g.ProvisionedThroughput);
      else {
        const od = onDemandOf(g.OnDemandThroughput);
        if (od) gsi.onDemandThroughput = od;
      }
      return gsi;
    });
  }
  const lsis = table.LocalSecondaryIndexes ?? [];
  if (lsis.length > 0) {
    request.localSecondaryIndexes = lsis.map((l) => ({
      name: l.IndexName ?? "",
      sortKey: keyOf(l.KeySchema, "RANGE", types) ?? { name: "", type: "S" },
      projection: projectionOf(l.Projection),
    }));
  }

  if (table.StreamSpecification?.StreamEnabled) {
    const viewType = table.StreamSpecification.StreamViewType as
      | "NEW_IMAGE"
      | "OLD_IMAGE"
      | "NEW_AND_OLD_IMAGES"
      | "KEYS_ONLY"
      | undefined;
    request.stream = { enabled: true, ...(viewType ? { viewType } : {}) };
  }
  const ttlStatus = timeToLive?.TimeToLiveStatus;
  if ((ttlStatus === "ENABLED" || ttlStatus === "ENABLING") && timeToLive?.AttributeName) {
    request.ttl = { enabled: true, attributeName: timeToLive.AttributeName };
  }
  const pitr = backups?.PointInTimeRecoveryDescription;
  request.pointInTimeRecovery =
    pitr?.PointInTimeRecoveryStatus === "ENABLED"
      ? { enabled: true, recoveryPeriodInDays: pitr.RecoveryPeriodInDays ?? 35 }
      : { enabled: false };

  const sse = table.SSEDescription;
  if (sse?.SSEType === "KMS" && sse.Status !== "DISABLED" && sse.Status !== "DISABLING" && sse.KMSMasterKeyArn) {
    // DescribeTable shows the key's ARN whether it is the AWS-managed key or a customer key;
    // naming the ARN keeps the module identical to the table either way.
    request.encryption = { type: "CUSTOMER_MANAGED", kmsKeyArn: sse.KMSMasterKeyArn };
    notes.push(
      `Encryption uses KMS key ${sse.KMSMasterKeyArn}; if that is the AWS-managed key (alias/aws/dynamodb), AWS_MANAGED without a key ARN says the same more simply.`,
    );
  } else {
    request.encryption = { type: "AWS_OWNED" };
  }

  const userTags = tags.filter((t) => t.Key !== undefined && isUserTag(t.Key));
  if (userTags.length > 0) request.tags = Object.fromEntries(userTags.map((t) => [t.Key, t.Value ?? ""]));

  const tablePitr = request.pointInTimeRecovery.enabled;
  const tableProtection = request.deletionProtection ?? false;
  const settings = new Map((context.replicas ?? []).map((r) => [r.region, r]));
  const liveReplicas = (table.Replicas ?? []).filter((r) => r.RegionName && r.RegionName !== context.region);
  if (liveReplicas.length > 0) {
    request.regions.replicas = liveReplicas.map((r) => {
      const region = r.RegionName as string;
      const replica: NonNullable<TableRequestInput["regions"]["replicas"]>[number] = {
        region: region as TableRequestInput["regions"]["primary"],
      };
      const s = settings.get(region);
      if (s?.pointInTimeRecovery !== undefined && s.pointInTimeRecovery !== tablePitr)
        replica.pointInTimeRecovery = s.pointInTimeRecovery;
      if (s?.deletionProtection !== undefined && s.deletionProtection !== tableProtection)
        replica.deletionProtection = s.deletionProtection;
      if (r.KMSMasterKeyId) replica.kmsKeyArn = r.KMSMasterKeyId;
      const replicaClass = r.ReplicaTableClassSummary?.TableClass;
      if (replicaClass && replicaClass !== request.tableClass)
        replica.tableClass = replicaClass as "STANDARD" | "STANDARD_INFREQUENT_ACCESS";
      if (!s)
        notes.push(`The replica in ${region} could not be read; its PITR and deletion protection follow the table.`);
      return replica;
    });
    if (table.MultiRegionConsistency === "STRONG") request.regions.consistency = "STRONG";
    const witness = table.GlobalTableWitnesses?.[0]?.RegionName;
    if (witness) request.regions.witness = witness as TableRequestInput["regions"]["primary"];
  }

  if (provisioned) {
    notes.push(
      "Capacity is the current provisioned value. Autoscaling lives in Application Auto Scaling, which this import does not read: if the table autoscales, add autoscaling to the request so plans do not fight the scaler.",
    );
  }
  notes.push(
    "Not read from DynamoDB and left out: Contributor Insights, AWS Backup plans, CloudWatch alarms, resource policy. Add them to the request if the table has them.",
  );
  return { request, notes };
}
