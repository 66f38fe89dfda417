import fc from "fast-check";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import type { AwsRegion } from "../regions";
import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../request/schema";
import { buildModuleModel } from "../terraform/build-model";
import { validateTableRequest } from "../validation/validate-table-request";

/**
 * For tests only: table definitions for the planner's property tests. A `DefinitionSpec` holds
 * each top-level field independently; `assembleDefinition` derives what DynamoDB ties together
 * (index capacity follows the billing mode, a global provisioned table autoscales writes, MRSC
 * has no TTL or LSI and is on demand, customer-managed keys exist in every Region), so that any mix of two specs'
 * fields is a valid definition, and a pair of specs is a pair of valid live/requested tables.
 */

const MREC_REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"] as const;
type PlanRegion = (typeof MREC_REGIONS)[number];

const capacity = fc.record({
  read: fc.integer({ min: 1, max: 2000 }),
  write: fc.integer({ min: 1, max: 2000 }),
  readScaled: fc.boolean(),
  writeScaled: fc.boolean(),
});
type CapacitySpec = { read: number; write: number; readScaled: boolean; writeScaled: boolean };

/** Index key attributes, each with one type, so that no two indexes disagree on a type. */
const INDEX_ATTRIBUTES = [
  { name: "status", type: "S" },
  { name: "createdAt", type: "N" },
  { name: "customerId", type: "S" },
  { name: "total", type: "N" },
] as const;

const projection = fc.oneof(
  fc.constant({ type: "ALL" as const }),
  fc.constant({ type: "KEYS_ONLY" as const }),
  fc
    .subarray(["note", "currency", "lines"], { minLength: 1 })
    .chain((attrs) => fc.shuffledSubarray(attrs, { minLength: attrs.length, maxLength: attrs.length }))
    .map((attrs) => ({ type: "INCLUDE" as const, nonKeyAttributes: attrs })),
);

/** Warm throughput at or above AWS's starting values (12,000 / 4,000), or none. */
const warm = fc.option(
  fc.record({
    read: fc.option(fc.constantFrom(12_000, 20_000, 40_000), { nil: undefined }),
    write: fc.constantFrom(4_000, 10_000),
  }),
  { nil: undefined },
);
const warmOf = (w: { read?: number; write: number } | undefined) =>
  w ? { warmThroughput: { ...(w.read ? { readUnitsPerSecond: w.read } : {}), writeUnitsPerSecond: w.write } } : {};

const gsi = fc.record({
  name: fc.constantFrom("by-status", "by-customer", "by-total", "by-date"),
  keys: fc
    .subarray([0, 1, 2, 3], { minLength: 1, maxLength: 2 })
    .chain((ix) => fc.shuffledSubarray(ix, { minLength: ix.length, maxLength: ix.length })),
  projection,
  contributorInsights: fc.boolean(),
  capacity,
  maxWrite: fc.option(fc.integer({ min: 1, max: 40_000 }), { nil: undefined }),
  warm,
});

const lsi = fc.record({
  name: fc.constantFrom("by-updated", "by-rank"),
  projection,
});

const replica = fc.record({
  region: fc.constantFrom(...MREC_REGIONS),
  role: fc.constantFrom("ACTIVE" as const, "STANDBY" as const),
  pointInTimeRecovery: fc.option(fc.boolean(), { nil: undefined }),
  deletionProtection: fc.option(fc.boolean(), { nil: undefined }),
  propagateTags: fc.boolean(),
  statedClass: fc.boolean(),
});

/** Replicas of an eventually consistent table, or the layout of an MRSC one in the primary's Region set. */
const regions = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("mrec" as const),
      replicas: fc.uniqueArray(replica, { maxLength: 2, selector: (r) => r.region }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("mrsc" as const),
      layout: fc.constantFrom("three", "witness-first", "witness-last"),
      replicas: fc.array(replica, { minLength: 2, maxLength: 2 }),
    }),
  },
);
const MRSC_SETS: Record<PlanRegion, readonly string[]> = {
  "us-east-1": ["us-east-2", "us-west-2"],
  "us-east-2": ["us-east-1", "us-west-2"],
  "us-west-2": ["us-east-1", "us-east-2"],
  "eu-west-1": ["eu-west-2", "eu-central-1"],
};

export const definitionSpec = fc.record({
  tableName: fc.constantFrom("orders", "orders", "orders", "orders-v2"),
  tier: fc.constantFrom("dev" as const, "staging" as const, "prod" as const),
  owner: fc.constantFrom("checkout", "payments"),
  partitionKey: fc.constantFrom(
    { name: "pk", type: "S" as const },
    { name: "pk", type: "S" as const },
    { name: "pk", type: "N" as const },
    { name: "id", type: "S" as const },
  ),
  sortKey: fc.constantFrom(
    undefined,
    { name: "sk", type: "S" as const },
    { name: "sk", type: "S" as const },
    { name: "sk", type: "N" as const },
  ),
  gsis: fc.uniqueArray(gsi, { maxLength: 3, selector: (g) => g.name }),
  lsis: fc.uniqueArray(lsi, { maxLength: 2, selector: (l) => l.name }),
  billing: fc.record({
    provisioned: fc.boolean(),
    capacity,
    maxRead: fc.option(fc.integer({ min: 1, max: 40_000 }), { nil: undefined }),
  }),
  tableClass: fc.constantFrom("STANDARD" as const, "STANDARD_INFREQUENT_ACCESS" as const),
  warm,
  ttl: fc.option(fc.record({ enabled: fc.boolean(), attributeName: fc.constantFrom("expiresAt", "ttl") }), {
    nil: undefined,
  }),
  stream: fc.option(
    fc.record({
      enabled: fc.boolean(),
      viewType: fc.constantFrom("NEW_AND_OLD_IMAGES" as const, "KEYS_ONLY" as const, "NEW_IMAGE" as const),
      hasConsumer: fc.boolean(),
    }),
    { nil: undefined },
  ),
  pitr: fc.record({ enabled: fc.boolean(), days: fc.integer({ min: 1, max: 35 }) }),
  encryption: fc.constantFrom("AWS_OWNED" as const, "AWS_MANAGED" as const, "CUSTOMER_MANAGED" as const),
  keyId: fc.constantFrom("1111aaaa-2222-3333-4444-555566667777", "9999ffff-2222-3333-4444-555566667777"),
  deletionProtection: fc.boolean(),
  contributorInsights: fc.boolean(),
  tags: fc.dictionary(fc.constantFrom("Team", "Env", "CostCenter"), fc.constantFrom("a", "b"), { maxKeys: 3 }),
  primary: fc.constantFrom<PlanRegion>("us-east-1", "us-east-1", "us-east-2", "us-west-2", "eu-west-1"),
  regions,
  backup: fc.option(
    fc.record({
      enabled: fc.boolean(),
      retentionDays: fc.integer({ min: 1, max: 100 }),
      copy: fc.option(
        fc.record({
          region: fc.constantFrom("eu-central-1", "ap-southeast-2"),
          days: fc.integer({ min: 1, max: 100 }),
        }),
        { nil: undefined },
      ),
    }),
    { nil: undefined },
  ),
  alarms: fc.option(fc.record({ enabled: fc.boolean(), read: fc.integer({ min: 1, max: 10 }) }), { nil: undefined }),
  workload: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
});
export type DefinitionSpec = typeof definitionSpec extends fc.Arbitrary<infer T> ? T : never;
export const SPEC_FIELDS: readonly (keyof DefinitionSpec)[] = [
  "tableName",
  "tier",
  "owner",
  "partitionKey",
  "sortKey",
  "gsis",
  "lsis",
  "billing",
  "tableClass",
  "warm",
  "ttl",
  "stream",
  "pitr",
  "encryption",
  "keyId",
  "deletionProtection",
  "contributorInsights",
  "tags",
  "primary",
  "regions",
  "backup",
  "alarms",
  "workload",
];

const keyArn = (region: string, id: string) => `arn:aws:kms:${region}:123456789012:key/${id}`;

function capacityOf(c: CapacitySpec, scaleWrite: boolean) {
  const dim = (units: number, scaled: boolean) =>
    scaled ? { units, autoscaling: { minCapacity: units, maxCapacity: units * 10, targetUtilization: 70 } } : { units };
  return { read: dim(c.read, c.readScaled), write: dim(c.write, c.writeScaled || scaleWrite) };
}

/** A valid table definition from a spec (see the file comment). */
export function assembleDefinition(spec: DefinitionSpec): TableRequest {
  const mrsc = spec.regions.kind === "mrsc";
  const primary = spec.primary;
  const [first, second] = MRSC_SETS[primary] as [string, string];
  const mrscLayout =
    spec.regions.kind !== "mrsc"
      ? undefined
      : spec.regions.layout === "three"
        ? { replicas: [first, second], witness: undefined }
        : spec.regions.layout === "witness-first"
          ? { replicas: [second], witness: first }
          : { replicas: [first], witness: second };
  const replicaSpecs =
    spec.regions.kind === "mrsc" && mrscLayout
      ? mrscLayout.replicas.map((region, i) => ({
          ...(spec.regions.replicas[i] as (typeof spec.regions.replicas)[number]),
          region,
        }))
      : spec.regions.replicas.filter((r) => r.region !== primary);
  const global = replicaSpecs.length > 0;
  // A provisioned MRSC table cannot be created in one apply (MRSC_PROVISIONED_UNSUPPORTED).
  const provisioned = spec.billing.provisioned && !mrsc;
  const cmk = spec.encryption === "CUSTOMER_MANAGED";
  const input: TableRequestInput = {
    owner: { team: spec.owner, service: "svc", requester: "dev@example.com", costCenter: "CC-1" },
    tier: spec.tier,
    tableName: spec.tableName,
    partitionKey: spec.partitionKey,
    ...(spec.sortKey ? { sortKey: spec.sortKey } : {}),
    globalSecondaryIndexes: spec.gsis.map((g) => {
      const [pk, sk] = g.keys.map((i) => INDEX_ATTRIBUTES[i] as (typeof INDEX_ATTRIBUTES)[number]);
      return {
        name: g.name,
        partitionKey: { ...(pk as (typeof INDEX_ATTRIBUTES)[number]) },
        ...(sk ? { sortKey: { ...sk } } : {}),
        projection: g.projection,
        contributorInsights: g.contributorInsights,
        ...(provisioned ? { capacity: capacityOf(g.capacity, global) } : {}),
        ...(!provisioned && g.maxWrite ? { onDemandThroughput: { maxWriteRequestUnits: g.maxWrite } } : {}),
        ...warmOf(g.warm),
      };
    }),
    localSecondaryIndexes:
      spec.sortKey && !mrsc
        ? spec.lsis.map((l, i) => ({
            name: l.name,
            sortKey: { name: i === 0 ? "updatedAt" : "rank", type: "N" as const },
            projection: l.projection,
          }))
        : [],
    billing: provisioned
      ? { mode: "PROVISIONED", ...capacityOf(spec.billing.capacity, global) }
      : {
          mode: "PAY_PER_REQUEST",
          ...(spec.billing.maxRead ? { onDemandThroughput: { maxReadRequestUnits: spec.billing.maxRead } } : {}),
        },
    tableClass: spec.tableClass,
    ...warmOf(spec.warm),
    ...(spec.ttl && !(mrsc && spec.ttl.enabled) ? { ttl: spec.ttl } : {}),
    ...(spec.stream ? { stream: streamFor(spec.stream, global && !mrsc) } : {}),
    pointInTimeRecovery: { enabled: spec.pitr.enabled, recoveryPeriodInDays: spec.pitr.days },
    encryption: cmk ? { type: "CUSTOMER_MANAGED", kmsKeyArn: keyArn(primary, spec.keyId) } : { type: spec.encryption },
    deletionProtection: spec.deletionProtection,
    contributorInsights: spec.contributorInsights,
    tags: spec.tags,
    regions: {
      primary,
      replicas: replicaSpecs.map((r) => ({
        region: r.region as AwsRegion,
        role: r.role,
        ...(r.pointInTimeRecovery !== undefined ? { pointInTimeRecovery: r.pointInTimeRecovery } : {}),
        ...(r.deletionProtection !== undefined ? { deletionProtection: r.deletionProtection } : {}),
        propagateTags: r.propagateTags,
        ...(r.statedClass ? { tableClass: spec.tableClass } : {}),
        ...(cmk ? { kmsKeyArn: keyArn(r.region, spec.keyId) } : {}),
      })),
      consistency: mrsc ? "STRONG" : "EVENTUAL",
      ...(mrscLayout?.witness ? { witness: mrscLayout.witness as AwsRegion } : {}),
    },
    ...(spec.backup
      ? {
          backup: {
            enabled: spec.backup.enabled,
            retentionDays: spec.backup.retentionDays,
            ...(spec.backup.copy
              ? { copyRegion: spec.backup.copy.region, copyRetentionDays: spec.backup.copy.days }
              : {}),
          },
        }
      : {}),
    ...(spec.alarms ? { alarms: { enabled: spec.alarms.enabled, readThrottleThreshold: spec.alarms.read } } : {}),
    ...(spec.workload
      ? { workload: { readsPerSecond: spec.workload, writesPerSecond: 1, itemSizeBytes: 1000, storageGb: 1 } }
      : {}),
  };
  return TableRequestSchema.parse(input);
}

function streamFor(stream: NonNullable<DefinitionSpec["stream"]>, mrec: boolean) {
  // A global (MREC) table runs NEW_AND_OLD_IMAGES and cannot state the stream off.
  if (mrec) return { enabled: true, viewType: "NEW_AND_OLD_IMAGES" as const, hasConsumer: stream.hasConsumer };
  if (!stream.enabled) return { enabled: false, hasConsumer: stream.hasConsumer };
  return { enabled: true, viewType: stream.viewType, hasConsumer: stream.hasConsumer };
}

/** How likely a requested definition takes a field from the second spec: keys and names rarely change. */
const MIX_PERCENT: Partial<Record<keyof DefinitionSpec, number>> = {
  tableName: 3,
  partitionKey: 3,
  sortKey: 3,
  lsis: 4,
  primary: 3,
  regions: 25,
};

/** A live and a requested definition: the requested one takes some fields from a second spec. */
export const definitionPair = fc
  .tuple(
    definitionSpec,
    definitionSpec,
    fc.array(fc.integer({ min: 0, max: 99 }), { minLength: SPEC_FIELDS.length, maxLength: SPEC_FIELDS.length }),
  )
  .map(([a, b, dice]) => {
    const mixed = { ...a } as Record<string, unknown>;
    SPEC_FIELDS.forEach((f, i) => {
      if ((dice[i] as number) < (MIX_PERCENT[f] ?? 50)) mixed[f] = b[f];
    });
    return { live: assembleDefinition(a), requested: assembleDefinition(mixed as DefinitionSpec) };
  });

/** Errors DynamoDB, the provider or the schema would raise (tier policy is not the planner's concern). */
export function awsErrors(request: TableRequest): string[] {
  const errors = validateTableRequest(request, DEFAULT_TIER_POLICY).issues.filter(
    (i) => i.severity === "error" && i.source !== "policy",
  );
  const found = errors.map((i) => `${i.code} at ${i.path}`);
  try {
    buildModuleModel(request);
  } catch (error) {
    found.push(`unrenderable: ${(error as Error).message}`);
  }
  return found;
}
