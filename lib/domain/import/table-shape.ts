import type { TableModel } from "../terraform/model";
import type { LiveContinuousBackups, LiveKeySchemaElement, LiveProjection, LiveTableFacts } from "./live-table";

/**
 * One comparable description of a table, built either from what the approved module creates
 * (`shapeFromTableModel`) or from what DynamoDB reports (`shapeFromLiveTable`). Index, replica
 * and tag collections are keyed by name so a difference names the index, not a list position.
 * A field set to `undefined` on the expected side is not compared (e.g. capacity an autoscaler owns);
 * the expected side always lists every field so that "absent" never reads as "extra".
 */
export interface TableShape {
  partitionKey: KeyShape;
  sortKey: KeyShape | null;
  billingMode: string;
  readCapacity?: number | null;
  writeCapacity?: number | null;
  onDemandThroughput: OnDemandShape;
  globalSecondaryIndexes: Record<string, GsiShape>;
  localSecondaryIndexes: Record<string, LsiShape>;
  stream: { enabled: boolean; viewType: string | null };
  ttl: { enabled: boolean; attributeName?: string | null };
  pointInTimeRecovery: { enabled: boolean; recoveryPeriodInDays?: number | null };
  encryption: { type: "AWS_OWNED" | "KMS"; kmsKeyArn?: string | null };
  deletionProtection: boolean;
  tableClass: string;
  tags: Record<string, string>;
  replicas: Record<string, ReplicaShape>;
  consistency?: string;
  witnessRegion?: string | null;
}

export interface KeyShape {
  name: string;
  type: string | null;
}

export interface OnDemandShape {
  maxReadRequestUnits: number | null;
  maxWriteRequestUnits: number | null;
}

export interface ProjectionShape {
  type: string;
  nonKeyAttributes: string[];
}

export interface GsiShape {
  partitionKey: KeyShape;
  sortKey: KeyShape | null;
  projection: ProjectionShape;
  readCapacity?: number | null;
  writeCapacity?: number | null;
  onDemandThroughput?: OnDemandShape;
}

export interface LsiShape {
  sortKey: KeyShape | null;
  projection: ProjectionShape;
}

export interface ReplicaShape {
  kmsKeyArn?: string | null;
  tableClass: string;
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
}

/** The `aws:` tag prefix is AWS's own (CloudFormation, Backup); nobody can set or remove it. */
export function isUserTag(key: string): boolean {
  return !key.toLowerCase().startsWith("aws:");
}

/** -1 and absent both mean "no cap" in DynamoDB's on-demand throughput. */
function cap(value: number | undefined): number | null {
  return value === undefined || value < 0 ? null : value;
}

function sortedNames(names: readonly string[] | undefined): string[] {
  return [...(names ?? [])].sort();
}

/** What the approved module makes DynamoDB hold, from the same view model the templates render. */
export function shapeFromTableModel(table: TableModel): TableShape {
  const types = new Map(table.attributes.map((a) => [a.name, a.type]));
  const key = (name: string): KeyShape => ({ name, type: types.get(name) ?? null });
  const provisioned = table.billingMode === "PROVISIONED";
  const scaledTable = (dimension: "read_capacity" | "write_capacity") => table.ignoreChanges.includes(dimension);
  const scaledGsis = table.ignoreChanges.includes("global_secondary_index");
  const onDemand = (od: TableModel["onDemand"]): OnDemandShape => ({
    maxReadRequestUnits: cap(od?.maxRead),
    maxWriteRequestUnits: cap(od?.maxWrite),
  });
  const strong = table.replicas.some((r) => r.consistencyMode === "STRONG");
  return {
    partitionKey: key(table.hashKey),
    sortKey: table.rangeKey ? key(table.rangeKey) : null,
    billingMode: table.billingMode,
    // Capacity under autoscaling moves by design (the module ignores it too), so it is not compared.
    readCapacity: provisioned ? (scaledTable("read_capacity") ? undefined : (table.readCapacity ?? null)) : undefined,
    writeCapacity: provisioned
      ? scaledTable("write_capacity")
        ? undefined
        : (table.writeCapacity ?? null)
      : undefined,
    onDemandThroughput: onDemand(provisioned ? undefined : table.onDemand),
    globalSecondaryIndexes: Object.fromEntries(
      table.gsis.map((g) => {
        const compareCapacity = provisioned && !scaledGsis;
        const shape: GsiShape = {
          partitionKey: key(g.hashKey),
          sortKey: g.rangeKey ? key(g.rangeKey) : null,
          projection: { type: g.projectionType, nonKeyAttributes: sortedNames(g.nonKeyAttributes) },
          readCapacity: compareCapacity ? (g.readCapacity ?? null) : undefined,
          writeCapacity: compareCapacity ? (g.writeCapacity ?? null) : undefined,
          onDemandThroughput: provisioned ? undefined : onDemand(g.onDemand),
        };
        return [g.name, shape];
      }),
    ),
    localSecondaryIndexes: Object.fromEntries(
      table.lsis.map((l) => [
        l.name,
        {
          sortKey: key(l.rangeKey),
          projection: { type: l.projectionType, nonKeyAttributes: sortedNames(l.nonKeyAttributes) },
        },
      ]),
    ),
    stream: table.stream ? { enabled: true, viewType: table.stream.viewType } : { enabled: false, viewType: null },
    ttl: table.ttl
      ? { enabled: true, attributeName: table.ttl.attributeName }
      : { enabled: false, attributeName: undefined },
    pointInTimeRecovery: table.pointInTimeRecovery.enabled
      ? { enabled: true, recoveryPeriodInDays: table.pointInTimeRecovery.recoveryPeriodInDays ?? 35 }
      : { enabled: false, recoveryPeriodInDays: undefined },
    // An AWS-managed key and a customer key look alike in DescribeTable (both are a key ARN), so
    // only a key the request names is compared.
    encryption: table.encryption
      ? { type: "KMS", kmsKeyArn: table.encryption.kmsKeyArn }
      : { type: "AWS_OWNED", kmsKeyArn: undefined },
    deletionProtection: table.deletionProtection,
    tableClass: table.tableClass,
    tags: Object.fromEntries(table.tags),
    replicas: Object.fromEntries(
      table.replicas.map((r) => {
        const shape: ReplicaShape = {
          // Only a key the request names is compared (see encryption above).
          kmsKeyArn: r.kmsKeyArn,
          tableClass: r.tableClass,
          pointInTimeRecovery: r.pointInTimeRecovery,
          deletionProtection: r.deletionProtection,
        };
        return [r.region, shape];
      }),
    ),
    consistency: table.replicas.length > 0 ? (strong ? "STRONG" : "EVENTUAL") : undefined,
    witnessRegion: table.replicas.length > 0 ? (table.witnessRegion ?? null) : undefined,
  };
}

function keyNamed(schema: LiveKeySchemaElement[] | undefined, keyType: "HASH" | "RANGE"): string | undefined {
  return schema?.find((k) => k.KeyType === keyType)?.AttributeName;
}

function projectionShape(p: LiveProjection | undefined): ProjectionShape {
  const type = p?.ProjectionType ?? "ALL";
  return { type, nonKeyAttributes: type === "INCLUDE" ? sortedNames(p?.NonKeyAttributes) : [] };
}

function isPitrOn(backups: LiveContinuousBackups | undefined): boolean {
  return backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === "ENABLED";
}

/** What DynamoDB reports, in the same shape. Absent fields take DynamoDB's documented defaults. */
export function shapeFromLiveTable(facts: LiveTableFacts): TableShape {
  const t = facts.table;
  const types = new Map((t.AttributeDefinitions ?? []).map((a) => [a.AttributeName ?? "", a.AttributeType ?? null]));
  const key = (name: string | undefined): KeyShape | null =>
    name === undefined ? null : { name, type: types.get(name) ?? null };
  // Tables created before on-demand existed carry no BillingModeSummary: they are PROVISIONED.
  const billingMode = t.BillingModeSummary?.BillingMode ?? "PROVISIONED";
  const provisioned = billingMode === "PROVISIONED";
  const onDemand = (od: { MaxReadRequestUnits?: number; MaxWriteRequestUnits?: number } | undefined) => ({
    maxReadRequestUnits: cap(od?.MaxReadRequestUnits),
    maxWriteRequestUnits: cap(od?.MaxWriteRequestUnits),
  });
  const tableClass = t.TableClassSummary?.TableClass ?? "STANDARD";
  const sse = t.SSEDescription;
  const kmsOn = sse !== undefined && sse.SSEType === "KMS" && sse.Status !== "DISABLED" && sse.Status !== "DISABLING";
  const ttlStatus = facts.timeToLive?.TimeToLiveStatus;
  const ttlOn = ttlStatus === "ENABLED" || ttlStatus === "ENABLING";
  const pitr = facts.backups?.PointInTimeRecoveryDescription;
  const settingsByRegion = new Map(facts.replicas.map((r) => [r.region, r]));
  const liveReplicas = (t.Replicas ?? []).filter((r) => r.RegionName && r.RegionName !== facts.region);
  return {
    partitionKey: key(keyNamed(t.KeySchema, "HASH")) ?? { name: "", type: null },
    sortKey: key(keyNamed(t.KeySchema, "RANGE")),
    billingMode,
    readCapacity: provisioned ? (t.ProvisionedThroughput?.ReadCapacityUnits ?? null) : undefined,
    writeCapacity: provisioned ? (t.ProvisionedThroughput?.WriteCapacityUnits ?? null) : undefined,
    onDemandThroughput: onDemand(provisioned ? undefined : t.OnDemandThroughput),
    globalSecondaryIndexes: Object.fromEntries(
      (t.GlobalSecondaryIndexes ?? []).map((g) => {
        const shape: GsiShape = {
          partitionKey: key(keyNamed(g.KeySchema, "HASH")) ?? { name: "", type: null },
          sortKey: key(keyNamed(g.KeySchema, "RANGE")),
          projection: projectionShape(g.Projection),
        };
        if (provisioned) {
          shape.readCapacity = g.ProvisionedThroughput?.ReadCapacityUnits ?? null;
          shape.writeCapacity = g.ProvisionedThroughput?.WriteCapacityUnits ?? null;
        } else {
          shape.onDemandThroughput = onDemand(g.OnDemandThroughput);
        }
        return [g.IndexName ?? "", shape];
      }),
    ),
    localSecondaryIndexes: Object.fromEntries(
      (t.LocalSecondaryIndexes ?? []).map((l) => [
        l.IndexName ?? "",
        { sortKey: key(keyNamed(l.KeySchema, "RANGE")), projection: projectionShape(l.Projection) },
      ]),
    ),
    stream: t.StreamSpecification?.StreamEnabled
      ? { enabled: true, viewType: t.StreamSpecification.StreamViewType ?? null }
      : { enabled: false, viewType: null },
    ttl: ttlOn ? { enabled: true, attributeName: facts.timeToLive?.AttributeName ?? null } : { enabled: false },
    pointInTimeRecovery: isPitrOn(facts.backups)
      ? { enabled: true, recoveryPeriodInDays: pitr?.RecoveryPeriodInDays ?? 35 }
      : { enabled: false },
    encryption: kmsOn ? { type: "KMS", kmsKeyArn: sse.KMSMasterKeyArn ?? null } : { type: "AWS_OWNED" },
    deletionProtection: t.DeletionProtectionEnabled ?? false,
    tableClass,
    tags: Object.fromEntries(
      facts.tags.filter((tag) => tag.Key !== undefined && isUserTag(tag.Key)).map((tag) => [tag.Key, tag.Value ?? ""]),
    ),
    replicas: Object.fromEntries(
      liveReplicas.map((r) => {
        const region = r.RegionName as string;
        const settings = settingsByRegion.get(region);
        const shape: ReplicaShape = {
          // A replica keeps the table's class unless it was given an override.
          tableClass: r.ReplicaTableClassSummary?.TableClass ?? tableClass,
          pointInTimeRecovery: isPitrOn(settings?.backups),
          deletionProtection: settings?.table.DeletionProtectionEnabled ?? false,
        };
        if (r.KMSMasterKeyId) shape.kmsKeyArn = r.KMSMasterKeyId;
        return [region, shape];
      }),
    ),
    consistency: t.MultiRegionConsistency ?? "EVENTUAL",
    witnessRegion: t.GlobalTableWitnesses?.[0]?.RegionName ?? null,
  };
}
