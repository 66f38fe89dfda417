import { providerAlias } from "../../../terraform-templates";
import { deriveDrPattern } from "../dr/derive-pattern";
import { planTableChange } from "../plan/plan-table-change";
import { deriveAttributeDefinitions, findAttributeTypeConflicts } from "../request/attributes";
import type { Capacity, TableRequest, WarmThroughput } from "../request/schema";
import { buildAlarms } from "./build-alarms";
import { refuseRender as refuse } from "./errors";
import type {
  AttributeModel,
  AwsProviderMajor,
  BackupModel,
  ContributorInsightsModel,
  GsiModel,
  LsiModel,
  ModuleModel,
  OnDemandModel,
  RenderContext,
  ReplicaModel,
  ScalingModel,
  TableModel,
  WarmThroughputModel,
} from "./model";
import { boundedName, DISALLOWED, deferredLabels } from "./names";
import { decideReplicaStyle, listProviderAliases, resolveVersions } from "./provider-target";

/**
 * Key attributes, each once in order of first use (shared with validation, so the renderer and
 * the ATTRIBUTE_TYPE_CONFLICT rule agree). Only key attributes are declared: the API and the
 * provider reject unused definitions.
 */
export function deriveKeyAttributes(request: TableRequest): AttributeModel[] {
  const conflict = findAttributeTypeConflicts(request)[0];
  if (conflict) {
    const path = conflict.usages[1]?.path.join(".") ?? "partitionKey";
    refuse("ATTRIBUTE_TYPE_CONFLICT", path, `"${conflict.name}" is used with more than one type`);
  }
  return deriveAttributeDefinitions(request);
}

function onDemand(t: { maxReadRequestUnits?: number; maxWriteRequestUnits?: number } | undefined) {
  if (!t || (t.maxReadRequestUnits === undefined && t.maxWriteRequestUnits === undefined)) return undefined;
  const model: OnDemandModel = {};
  if (t.maxReadRequestUnits !== undefined) model.maxRead = t.maxReadRequestUnits;
  if (t.maxWriteRequestUnits !== undefined) model.maxWrite = t.maxWriteRequestUnits;
  return model;
}

function warmThroughput(warm: WarmThroughput | undefined, path: string): WarmThroughputModel | undefined {
  if (!warm) return undefined;
  const { readUnitsPerSecond: read, writeUnitsPerSecond: write } = warm;
  if (read === undefined && write === undefined) refuse("WARM_THROUGHPUT_EMPTY", path, "give read or write units");
  // [TF] warmThroughputSchema: IntAtLeast(12000) / IntAtLeast(4000).
  if (read !== undefined && read < 12_000) {
    refuse("WARM_THROUGHPUT_READ_BELOW_MINIMUM", `${path}.readUnitsPerSecond`, "at least 12000");
  }
  if (write !== undefined && write < 4_000) {
    refuse("WARM_THROUGHPUT_WRITE_BELOW_MINIMUM", `${path}.writeUnitsPerSecond`, "at least 4000");
  }
  const model: WarmThroughputModel = {};
  if (read !== undefined) model.readUnitsPerSecond = read;
  if (write !== undefined) model.writeUnitsPerSecond = write;
  return model;
}

function checkAutoscaling(capacity: Capacity, path: string): void {
  const a = capacity.autoscaling;
  if (a && a.minCapacity < 1) refuse("AUTOSCALING_MIN_TOO_LOW", path, "minimum capacity must be at least 1");
  if (a && a.minCapacity > a.maxCapacity) refuse("AUTOSCALING_MIN_ABOVE_MAX", path, "minimum is above maximum");
}

function buildGsis(request: TableRequest, provisioned: boolean, isGlobal: boolean): GsiModel[] {
  return request.globalSecondaryIndexes.map((gsi, i) => {
    const path = `globalSecondaryIndexes.${i}`;
    const model: GsiModel = {
      name: gsi.name,
      hashKey: gsi.partitionKey.name,
      projectionType: gsi.projection.type,
      nonKeyAttributes: gsi.projection.type === "INCLUDE" ? (gsi.projection.nonKeyAttributes ?? []) : [],
    };
    if (gsi.sortKey) model.rangeKey = gsi.sortKey.name;
    if (provisioned) {
      if (!gsi.capacity)
        refuse("GSI_CAPACITY_REQUIRED", `${path}.capacity`, "a PROVISIONED table needs capacity per GSI");
      if (gsi.onDemandThroughput) {
        refuse("ON_DEMAND_THROUGHPUT_WITH_PROVISIONED", `${path}.onDemandThroughput`, "only on PAY_PER_REQUEST tables");
      }
      checkAutoscaling(gsi.capacity.read, `${path}.capacity.read.autoscaling`);
      checkAutoscaling(gsi.capacity.write, `${path}.capacity.write.autoscaling`);
      if (isGlobal && !gsi.capacity.write.autoscaling) {
        refuse(
          "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
          `${path}.capacity.write.autoscaling`,
          "a provisioned global table needs write autoscaling on every GSI",
        );
      }
      model.readCapacity = gsi.capacity.read.units;
      model.writeCapacity = gsi.capacity.write.units;
    } else {
      if (gsi.capacity)
        refuse("GSI_CAPACITY_NOT_ALLOWED", `${path}.capacity`, "PAY_PER_REQUEST indexes take no capacity");
      const od = onDemand(gsi.onDemandThroughput);
      if (od) model.onDemand = od;
    }
    const warm = warmThroughput(gsi.warmThroughput, `${path}.warmThroughput`);
    if (warm) model.warmThroughput = warm;
    return model;
  });
}

function buildLsis(request: TableRequest): LsiModel[] {
  if (request.localSecondaryIndexes.length > 0 && !request.sortKey) {
    refuse("LSI_REQUIRES_TABLE_SORT_KEY", "localSecondaryIndexes", "LSIs need a table with a sort key");
  }
  return request.localSecondaryIndexes.map((lsi) => ({
    name: lsi.name,
    rangeKey: lsi.sortKey.name,
    projectionType: lsi.projection.type,
    nonKeyAttributes: lsi.projection.type === "INCLUDE" ? (lsi.projection.nonKeyAttributes ?? []) : [],
  }));
}

function buildReplicas(request: TableRequest, isCmk: boolean): ReplicaModel[] {
  const seen = new Set<string>();
  const strong = request.regions.consistency === "STRONG";
  return request.regions.replicas.map((replica, i) => {
    const path = `regions.replicas.${i}`;
    if (replica.region === request.regions.primary) {
      refuse("REPLICA_IN_PRIMARY_REGION", `${path}.region`, "a replica cannot be in the primary Region");
    }
    if (seen.has(replica.region)) refuse("REPLICA_DUPLICATE_REGION", `${path}.region`, "one replica per Region");
    seen.add(replica.region);
    const override =
      replica.tableClass !== undefined && replica.tableClass !== request.tableClass ? replica.tableClass : undefined;
    if (override && strong) {
      refuse(
        "PROVIDER_REPLICA_TABLE_CLASS_UNSUPPORTED",
        `${path}.tableClass`,
        "MRSC replicas are replica blocks (only they carry consistency_mode), which have no table class",
      );
    }
    if (replica.readCapacityOverride !== undefined) {
      refuse(
        "PROVIDER_REPLICA_READ_CAPACITY_OVERRIDE_UNSUPPORTED",
        `${path}.readCapacityOverride`,
        "neither replica blocks nor aws_dynamodb_table_replica have a read override",
      );
    }
    if (replica.maxReadRequestUnitsOverride !== undefined) {
      refuse(
        "PROVIDER_REPLICA_MAX_READ_OVERRIDE_UNSUPPORTED",
        `${path}.maxReadRequestUnitsOverride`,
        "neither replica blocks nor aws_dynamodb_table_replica have a read override",
      );
    }
    if (isCmk && !replica.kmsKeyArn) {
      refuse(
        "REPLICA_KMS_KEY_REQUIRED",
        `${path}.kmsKeyArn`,
        "with a customer-managed key, every replica needs its own key",
      );
    }
    if (!isCmk && replica.kmsKeyArn) {
      refuse("REPLICA_KMS_KEY_NOT_ALLOWED", `${path}.kmsKeyArn`, "replica keys need encryption.type CUSTOMER_MANAGED");
    }
    const model: ReplicaModel = {
      region: replica.region,
      role: replica.role,
      label: providerAlias(replica.region),
      pointInTimeRecovery: replica.pointInTimeRecovery ?? request.pointInTimeRecovery.enabled,
      deletionProtection: replica.deletionProtection ?? request.deletionProtection,
      propagateTags: replica.propagateTags,
      tableClass: override ?? request.tableClass,
    };
    if (override) model.tableClassOverride = override;
    if (replica.kmsKeyArn) model.kmsKeyArn = replica.kmsKeyArn;
    if (strong) model.consistencyMode = "STRONG";
    return model;
  });
}

/**
 * What the provider target cannot express, refused with a code: provider 5 has neither
 * `replica.consistency_mode` nor `global_table_witness` (aws 5.100 schema), so no MRSC; and an MRSC
 * table's replicas must be `replica` blocks, created with the table and so before any autoscaling,
 * which a provisioned global table needs first (provider issue #13097).
 */
function checkTarget(request: TableRequest, major: AwsProviderMajor): void {
  const { consistency, witness } = request.regions;
  if (major === 5 && (consistency === "STRONG" || witness)) {
    refuse(
      "PROVIDER_TARGET_MRSC_UNSUPPORTED",
      consistency === "STRONG" ? "regions.consistency" : "regions.witness",
      "hashicorp/aws 5.x has no replica.consistency_mode or global_table_witness; MRSC needs the 6.x target",
    );
  }
  // aws 5.100's schema has no warm_throughput; it arrived in 6.13.0 ([TF] CHANGELOG).
  const warmPath = request.warmThroughput
    ? "warmThroughput"
    : (() => {
        const i = request.globalSecondaryIndexes.findIndex((g) => g.warmThroughput);
        return i >= 0 ? `globalSecondaryIndexes.${i}.warmThroughput` : undefined;
      })();
  if (major === 5 && warmPath) {
    refuse("PROVIDER_TARGET_WARM_THROUGHPUT_UNSUPPORTED", warmPath, "hashicorp/aws 5.x has no warm_throughput block");
  }
  if (consistency === "STRONG" && request.billing.mode === "PROVISIONED" && request.regions.replicas.length > 0) {
    refuse(
      "MRSC_PROVISIONED_UNSUPPORTED",
      "billing.mode",
      "MRSC replicas are replica blocks, created before the autoscaling a provisioned global table needs",
    );
  }
}

function checkMrsc(request: TableRequest): void {
  const { consistency, replicas, witness, primary } = request.regions;
  if (consistency !== "STRONG") {
    if (witness)
      refuse("WITNESS_REQUIRES_STRONG_CONSISTENCY", "regions.witness", "a witness only exists for STRONG consistency");
    return;
  }
  const regions = 1 + replicas.length + (witness ? 1 : 0);
  if (regions !== 3 || replicas.length < 1 || (witness && replicas.length !== 1)) {
    refuse("MRSC_REGION_COUNT", "regions", "MRSC needs exactly 3 Regions: 3 replicas, or 2 replicas and a witness");
  }
  if (witness && (witness === primary || replicas.some((r) => r.region === witness))) {
    refuse("WITNESS_IN_REPLICA_REGION", "regions.witness", "the witness must be in a Region without a replica");
  }
  if (request.ttl?.enabled) refuse("MRSC_TTL_UNSUPPORTED", "ttl", "MRSC global tables do not support TTL");
  if (request.localSecondaryIndexes.length > 0) {
    refuse("MRSC_LSI_UNSUPPORTED", "localSecondaryIndexes", "MRSC global tables do not support LSIs");
  }
}

function buildStream(request: TableRequest, isMrec: boolean): TableModel["stream"] {
  const stream = request.stream;
  if (stream && !stream.enabled && stream.viewType) {
    refuse("STREAM_VIEW_TYPE_WITHOUT_STREAM", "stream.viewType", "a view type needs stream.enabled true");
  }
  if (isMrec) {
    // Global tables (MREC) run on streams; the provider diffs forever unless it is stated.
    if (stream && !stream.enabled)
      refuse("GLOBAL_TABLE_STREAM_DISABLED", "stream.enabled", "global tables need the stream");
    if (stream?.viewType && stream.viewType !== "NEW_AND_OLD_IMAGES") {
      refuse("GLOBAL_TABLE_STREAM_VIEW_TYPE", "stream.viewType", "global tables need NEW_AND_OLD_IMAGES");
    }
    return { viewType: "NEW_AND_OLD_IMAGES", forcedByGlobalTable: !stream?.enabled };
  }
  if (!stream?.enabled) return undefined;
  return { viewType: stream.viewType ?? "NEW_AND_OLD_IMAGES", forcedByGlobalTable: false };
}

function buildTable(request: TableRequest, major: AwsProviderMajor): TableModel {
  const provisioned = request.billing.mode === "PROVISIONED";
  const isGlobal = request.regions.replicas.length > 0;
  const isMrec = isGlobal && request.regions.consistency === "EVENTUAL";
  const enc = request.encryption;
  const isCmk = enc.type === "CUSTOMER_MANAGED";
  if (isCmk && !enc.kmsKeyArn)
    refuse("KMS_KEY_REQUIRED", "encryption.kmsKeyArn", "a customer-managed key needs its ARN");
  if (!isCmk && enc.kmsKeyArn) refuse("KMS_KEY_NOT_ALLOWED", "encryption.kmsKeyArn", "only with CUSTOMER_MANAGED");
  const pitr = request.pointInTimeRecovery;
  if (pitr.enabled && (pitr.recoveryPeriodInDays < 1 || pitr.recoveryPeriodInDays > 35)) {
    refuse("PITR_RECOVERY_PERIOD_RANGE", "pointInTimeRecovery.recoveryPeriodInDays", "must be 1-35");
  }
  checkMrsc(request);
  checkTarget(request, major);
  const replicas = buildReplicas(request, isCmk);

  const table: TableModel = {
    name: request.tableName,
    billingMode: request.billing.mode,
    hashKey: request.partitionKey.name,
    tableClass: request.tableClass,
    deletionProtection: request.deletionProtection,
    attributes: deriveKeyAttributes(request),
    gsis: buildGsis(request, provisioned, isGlobal),
    lsis: buildLsis(request),
    pointInTimeRecovery: pitr.enabled
      ? { enabled: true, recoveryPeriodInDays: pitr.recoveryPeriodInDays }
      : { enabled: false },
    replicas,
    replicaStyle: decideReplicaStyle(request, major, replicas),
    tags: Object.entries(request.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ignoreChanges: [],
    preventDestroy: "off",
  };
  if (request.sortKey) table.rangeKey = request.sortKey.name;
  const warm = warmThroughput(request.warmThroughput, "warmThroughput");
  if (warm) table.warmThroughput = warm;
  const ignore: TableModel["ignoreChanges"][number][] = [];
  if (request.billing.mode === "PROVISIONED") {
    const { read, write } = request.billing;
    checkAutoscaling(read, "billing.read.autoscaling");
    checkAutoscaling(write, "billing.write.autoscaling");
    if (isGlobal && !write.autoscaling) {
      refuse(
        "GLOBAL_TABLE_WRITE_AUTOSCALING_REQUIRED",
        "billing.write.autoscaling",
        "provisioned global tables autoscale writes",
      );
    }
    table.readCapacity = read.units;
    table.writeCapacity = write.units;
    if (read.autoscaling) ignore.push("read_capacity");
    if (write.autoscaling) ignore.push("write_capacity");
    const gsiScaled = request.globalSecondaryIndexes.some(
      (g) => g.capacity?.read.autoscaling || g.capacity?.write.autoscaling,
    );
    // GSIs are a set in the provider: ignore_changes cannot address one index's capacity.
    if (gsiScaled) ignore.push("global_secondary_index");
  } else {
    const od = onDemand(request.billing.onDemandThroughput);
    if (od) table.onDemand = od;
  }
  // The provider's aws_dynamodb_table_replica docs: ignore `replica` on the table it replicates.
  if (table.replicaStyle === "resource" && replicas.length > 0) ignore.push("replica");
  table.ignoreChanges = ignore;
  const stream = buildStream(request, isMrec);
  if (stream) table.stream = stream;
  if (request.ttl?.enabled) table.ttl = { attributeName: request.ttl.attributeName };
  if (enc.type !== "AWS_OWNED") table.encryption = enc.kmsKeyArn ? { kmsKeyArn: enc.kmsKeyArn } : {};
  if (request.regions.witness) table.witnessRegion = request.regions.witness;
  return table;
}

function buildAutoscaling(request: TableRequest): ScalingModel[] {
  if (request.billing.mode !== "PROVISIONED") return [];
  const out: ScalingModel[] = [];
  const labels = deferredLabels();
  const finish: (() => void)[] = [];
  const push = (capacity: Capacity, dimension: "read" | "write", base: { label: string }, indexName?: string) => {
    const a = capacity.autoscaling;
    if (!a) return;
    const model: ScalingModel = {
      label: "",
      dimension,
      minCapacity: a.minCapacity,
      maxCapacity: a.maxCapacity,
      targetUtilization: a.targetUtilization,
    };
    if (indexName !== undefined) model.indexName = indexName;
    finish.push(() => {
      model.label = `${base.label}_${dimension}`;
    });
    out.push(model);
  };
  const table = { label: "table" };
  push(request.billing.read, "read", table);
  push(request.billing.write, "write", table);
  for (const gsi of request.globalSecondaryIndexes) {
    if (!gsi.capacity) continue;
    const base = labels.add({ label: "" }, "index", gsi.name);
    push(gsi.capacity.read, "read", base, gsi.name);
    push(gsi.capacity.write, "write", base, gsi.name);
  }
  labels.resolve();
  for (const f of finish) f();
  return out;
}

function buildContributorInsights(request: TableRequest) {
  const out: ContributorInsightsModel[] = [];
  const labels = deferredLabels();
  if (request.contributorInsights) out.push({ label: "table" });
  for (const gsi of request.globalSecondaryIndexes) {
    if (gsi.contributorInsights) out.push(labels.add({ label: "", indexName: gsi.name }, "index", gsi.name));
  }
  labels.resolve();
  return out;
}

function buildBackup(request: TableRequest): BackupModel | undefined {
  const backup = request.backup;
  if (!backup?.enabled) return undefined;
  const t = request.tableName;
  if (backup.retentionDays < 1)
    refuse("BACKUP_RETENTION_INVALID", "backup.retentionDays", "keep backups at least 1 day");
  const model: BackupModel = {
    vaultName: boundedName(t, "-backup", 50, DISALLOWED.backupVault),
    planName: boundedName(t, "-backup", 50, DISALLOWED.backupPlan),
    ruleName: boundedName(t, "-scheduled", 50, DISALLOWED.backupPlan),
    selectionName: boundedName(t, "-table", 50, DISALLOWED.backupPlan),
    // IAM names are unique per account, table names per Region: the Region keeps roles apart.
    roleName: boundedName(t, `-${request.regions.primary}-backup`, 64, DISALLOWED.iam),
    schedule: backup.schedule,
    retentionDays: backup.retentionDays,
  };
  if (backup.copyRegion) {
    if (backup.copyRegion === request.regions.primary) {
      refuse("BACKUP_COPY_SAME_REGION", "backup.copyRegion", "copy backups to another Region");
    }
    const copyRetention = backup.copyRetentionDays ?? backup.retentionDays;
    if (copyRetention < 1) refuse("BACKUP_RETENTION_INVALID", "backup.copyRetentionDays", "keep copies at least 1 day");
    model.copy = {
      region: backup.copyRegion,
      vaultName: boundedName(t, "-backup-copy", 50, DISALLOWED.backupVault),
      retentionDays: copyRetention,
    };
  }
  return model;
}

function readmeNotes(table: TableModel): string[] {
  const notes: string[] = [];
  if (table.stream?.forcedByGlobalTable) {
    notes.push("The stream is on with NEW_AND_OLD_IMAGES because global tables replicate through it.");
  }
  if (table.ignoreChanges.includes("global_secondary_index")) {
    notes.push(
      "Autoscaled GSIs: `lifecycle.ignore_changes` covers `global_secondary_index` (the provider cannot ignore one index's capacity), so this module never changes its indexes. Tablewright refuses a revision that adds, removes or reshapes an index of such a table once it is live (GSI_CHANGE_IGNORED_BY_AUTOSCALING): first remove autoscaling from every GSI, change the indexes, then add autoscaling back.",
    );
  }
  if (table.encryption?.kmsKeyArn) {
    notes.push(
      "Customer-managed keys: the read-write and read-only policies may use each Region's key through DynamoDB only (`kms:ViaService`). That is enough when the key policy delegates to IAM (the account root as principal); a key policy that names principals must list your application roles too.",
    );
  }
  if (table.replicaStyle === "resource" && table.replicas.length > 0) {
    notes.push(
      "Replicas are `aws_dynamodb_table_replica` resources (replicas.tf), created after the table and its autoscaling; DynamoDB passes the table's autoscaling settings to each replica.",
    );
  }
  for (const r of table.replicas) {
    notes.push(
      `Replica ${r.region}: role ${r.role} (routing is the application's; Terraform sees all replicas alike).`,
    );
  }
  return notes;
}

/** Builds the view model; throws UnrenderableRequestError for what validation must refuse. */
export function buildModuleModel(request: TableRequest, context: RenderContext = {}): ModuleModel {
  const major = context.awsProviderMajor ?? 6;
  const table = buildTable(request, major);
  const autoscaling = buildAutoscaling(request);
  const contributorInsights = buildContributorInsights(request);
  const backup = buildBackup(request);
  const alarms = buildAlarms(request, table);
  const others = listProviderAliases(request.regions.primary, [
    ...(table.replicaStyle === "resource" ? table.replicas.map((r) => r.region) : []),
    ...(alarms?.replicaRegions ?? []),
    ...(backup?.copy ? [backup.copy.region] : []),
  ]);
  const primary = request.regions.primary;
  const kmsKeys = table.encryption?.kmsKeyArn
    ? [
        { region: primary, keyArn: table.encryption.kmsKeyArn },
        ...table.replicas.flatMap((r) => (r.kmsKeyArn ? [{ region: r.region, keyArn: r.kmsKeyArn }] : [])),
      ]
    : [];
  const { owner } = request;
  const model: ModuleModel = {
    tableName: request.tableName,
    primaryRegion: primary,
    provider: {
      major,
      regionPlacement: major === 6 ? "argument" : "alias",
      otherRegions: others.map((a) => a.region),
      aliases: major === 5 ? others : [],
      gsiKeySyntax: major === 6 ? "key_schema" : "hash_range",
    },
    versions: resolveVersions(major, table, backup),
    table,
    autoscaling,
    contributorInsights,
    iam: {
      // IAM names are unique per account, table names per Region: the Region keeps policies apart.
      readWriteName: boundedName(request.tableName, `-${primary}-read-write`, 128, DISALLOWED.iam),
      readOnlyName: boundedName(request.tableName, `-${primary}-read-only`, 128, DISALLOWED.iam),
      hasStream: table.stream !== undefined,
      kmsKeys,
    },
    readme: {
      context,
      summary: {
        requester: owner.requester,
        team: owner.team,
        service: owner.service,
        costCenter: owner.costCenter,
        tier: request.tier,
        purpose: owner.purpose,
        partitionKey: request.partitionKey,
        ...(request.sortKey ? { sortKey: request.sortKey } : {}),
        consistency: request.regions.consistency,
        encryptionType: request.encryption.type,
      },
      drPattern: context.drSummary?.pattern ?? request.drPattern ?? deriveDrPattern(request),
      notes: readmeNotes(table),
    },
    requestDocument: request,
  };
  if (backup) model.backup = backup;
  if (alarms) model.alarms = alarms;
  if (context.accountTarget) model.accountTarget = context.accountTarget;
  model.table.preventDestroy = decidePreventDestroy(request, context);
  return model;
}

/**
 * `lifecycle { prevent_destroy = true }` where the tier policy asks. A revision whose operation
 * plan is destructive (the table is replaced; the requester acknowledged it with a migration note
 * and the platform role approved it) is rendered without it, or Terraform would refuse the very
 * replacement that was approved: that one apply is the documented escape, and the next revision
 * of the table puts it back.
 */
function decidePreventDestroy(request: TableRequest, context: RenderContext): TableModel["preventDestroy"] {
  if (!context.preventDestroy) return "off";
  const previous = context.previousDefinition as TableRequest | undefined;
  if (previous && planTableChange(previous, request).risk === "destructive") return "lifted";
  return "on";
}
