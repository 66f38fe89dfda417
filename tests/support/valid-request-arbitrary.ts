import fc from "fast-check";
import { DEFAULT_TIER_POLICY } from "../../lib/domain/policy/default-policy";
import type { TierPolicy } from "../../lib/domain/policy/schema";
import { type TableRequest, type TableRequestInput, TableRequestSchema } from "../../lib/domain/request/schema";
import { validateTableRequest } from "../../lib/domain/validation";

/**
 * Table requests that are valid by construction (AWS rules and provider rules), with every
 * optional block reachable: sort key, GSIs (INCLUDE projections, on-demand maximums, provisioned
 * capacity with and without autoscaling), LSIs, table class, TTL, stream, PITR periods, the three
 * encryption types, contributor insights, tags, replicas (roles, PITR, deletion protection, a
 * Standard-IA class override), backups with a cross-Region copy, alarms with and without a topic.
 * No MRSC: the generated requests are meant for both provider targets, and 5.x refuses it.
 * Validate them with PERMISSIVE_POLICY, which leaves the tier rules out of the way.
 */

/** The default policy with every tier opened up: tier rules are tested elsewhere. */
export const PERMISSIVE_POLICY: TierPolicy = {
  ...DEFAULT_TIER_POLICY,
  mandatoryTags: [],
  onDemandOnly: false,
  tiers: Object.fromEntries(
    Object.entries(DEFAULT_TIER_POLICY.tiers).map(([tier, rules]) => [
      tier,
      {
        ...rules,
        pointInTimeRecovery: "optional",
        minRecoveryPeriodInDays: undefined,
        deletionProtection: "optional",
        maxRegions: 10,
        allowedDrPatterns: ["SINGLE_REGION_PITR", "BACKUP_CROSS_REGION_COPY", "ACTIVE_PASSIVE", "ACTIVE_ACTIVE_MREC"],
        mustSurviveRegionLoss: false,
        requireBackup: false,
        requireAlarms: false,
        requireCustomerManagedKey: false,
        allowedBillingModes: ["PAY_PER_REQUEST", "PROVISIONED"],
      },
    ]),
  ) as TierPolicy["tiers"],
};

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1"] as const;

/** Key attribute pool: one type per name, so no two indexes disagree on a type. */
const ATTRIBUTES = [
  { name: "customerId", type: "S" },
  { name: "createdAt", type: "N" },
  { name: "status", type: "S" },
  { name: "digest", type: "B" },
  { name: "region", type: "S" },
  { name: "score", type: "N" },
] as const;

const kmsArn = (region: string, n: number) =>
  `arn:aws:kms:${region}:123456789012:key/${String(n).padStart(8, "0")}-1111-2222-3333-444455556666`;

const autoscaling = fc.record({
  minCapacity: fc.integer({ min: 1, max: 20 }),
  maxCapacity: fc.integer({ min: 40, max: 400 }),
  targetUtilization: fc.integer({ min: 20, max: 90 }),
});

/** Provisioned read/write units; `forceWriteScaling` for global tables (DynamoDB requires it). */
function capacity(forceWriteScaling: boolean) {
  const dimension = (scaled: fc.Arbitrary<boolean>) =>
    fc
      .record({ units: fc.integer({ min: 20, max: 40 }), scale: scaled, autoscaling })
      .map(({ units, scale, autoscaling: a }) => (scale ? { units, autoscaling: a } : { units }));
  return fc.record({
    read: dimension(fc.boolean()),
    write: dimension(forceWriteScaling ? fc.constant(true) : fc.boolean()),
  });
}

const projection = fc.oneof(
  fc.constant({ type: "ALL" as const }),
  fc.constant({ type: "KEYS_ONLY" as const }),
  fc.constant({ type: "INCLUDE" as const, nonKeyAttributes: ["payload", "note"] }),
);

const onDemandMax = fc.option(
  fc.record({
    maxReadRequestUnits: fc.integer({ min: 1, max: 4000 }),
    maxWriteRequestUnits: fc.integer({ min: 1, max: 4000 }),
  }),
  { nil: undefined },
);

export const validRequestArbitrary: fc.Arbitrary<TableRequestInput> = fc
  .record({
    tier: fc.constantFrom("dev", "staging", "prod" as const),
    name: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/),
    partitionKey: fc.record({ name: fc.constant("pk"), type: fc.constantFrom("S", "N", "B" as const) }),
    hasSortKey: fc.boolean(),
    provisioned: fc.boolean(),
    gsiCount: fc.integer({ min: 0, max: 3 }),
    gsiKeys: fc.shuffledSubarray([...ATTRIBUTES], { minLength: 6, maxLength: 6 }),
    gsiRange: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    projections: fc.array(projection, { minLength: 5, maxLength: 5 }),
    lsiCount: fc.integer({ min: 0, max: 2 }),
    tableClass: fc.constantFrom("STANDARD", "STANDARD_INFREQUENT_ACCESS" as const),
    ttl: fc.boolean(),
    stream: fc.option(fc.constantFrom("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY" as const), {
      nil: undefined,
    }),
    pitr: fc.option(fc.integer({ min: 1, max: 35 }), { nil: undefined }),
    encryption: fc.constantFrom("AWS_OWNED", "AWS_MANAGED", "CUSTOMER_MANAGED" as const),
    deletionProtection: fc.boolean(),
    contributorInsights: fc.boolean(),
    tags: fc.dictionary(fc.constantFrom("Team", "Owner", "Purpose"), fc.stringMatching(/^[A-Za-z0-9 ._:/=+-]{0,20}$/), {
      maxKeys: 3,
    }),
    regions: fc.shuffledSubarray([...REGIONS], { minLength: 1, maxLength: 3 }),
    replicaTraits: fc.array(
      fc.record({
        role: fc.constantFrom("ACTIVE", "STANDBY" as const),
        pitr: fc.option(fc.boolean(), { nil: undefined }),
        deletionProtection: fc.option(fc.boolean(), { nil: undefined }),
        infrequentAccess: fc.boolean(),
        propagateTags: fc.boolean(),
      }),
      { minLength: 2, maxLength: 2 },
    ),
    backup: fc.option(
      fc.record({
        retentionDays: fc.integer({ min: 1, max: 90 }),
        copy: fc.boolean(),
        copyRetentionDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    alarms: fc.option(
      fc.record({
        topic: fc.boolean(),
        readThrottleThreshold: fc.integer({ min: 1, max: 50 }),
        evaluationPeriods: fc.integer({ min: 3, max: 10 }),
        datapointsToAlarm: fc.integer({ min: 1, max: 3 }),
      }),
      { nil: undefined },
    ),
    onDemand: onDemandMax,
    gsiOnDemand: onDemandMax,
    gsiCapacity: fc.array(capacity(false), { minLength: 3, maxLength: 3 }),
    tableCapacity: capacity(false),
    globalCapacity: fc.array(capacity(true), { minLength: 4, maxLength: 4 }),
  })
  .map((g): TableRequestInput => {
    const [primary, ...replicaRegions] = g.regions as unknown as [string, ...string[]];
    const isGlobal = replicaRegions.length > 0;
    // A provisioned global table autoscales writes on the table and every GSI.
    const cap = (i: number) => (isGlobal ? g.globalCapacity[i] : i === 0 ? g.tableCapacity : g.gsiCapacity[i - 1]);
    const sortKey = g.hasSortKey ? { name: "sk", type: "S" as const } : undefined;
    const gsis = Array.from({ length: g.gsiCount }, (_, i) => {
      const hash = g.gsiKeys[i] as (typeof ATTRIBUTES)[number];
      const range = g.gsiRange[i] ? (g.gsiKeys[i + 3] as (typeof ATTRIBUTES)[number]) : undefined;
      return {
        name: `by-${hash.name.toLowerCase()}-${i}`,
        partitionKey: { ...hash },
        ...(range ? { sortKey: { ...range } } : {}),
        projection: g.projections[i] as { type: "ALL" },
        ...(g.provisioned
          ? { capacity: cap(i + 1) }
          : g.gsiOnDemand && i === 0
            ? { onDemandThroughput: g.gsiOnDemand }
            : {}),
      };
    });
    const lsis = sortKey
      ? Array.from({ length: g.lsiCount }, (_, i) => ({
          name: `lsi-${i}`,
          sortKey: { name: `lsiSort${i}`, type: "S" as const },
          projection: g.projections[3 + i] as { type: "ALL" },
        }))
      : [];
    const cmk = g.encryption === "CUSTOMER_MANAGED";
    const replicas = replicaRegions.map((region, i) => {
      const t = g.replicaTraits[i] as (typeof g.replicaTraits)[number];
      return {
        region,
        role: t.role,
        ...(cmk ? { kmsKeyArn: kmsArn(region, i + 2) } : {}),
        ...(t.pitr !== undefined ? { pointInTimeRecovery: t.pitr } : {}),
        ...(t.deletionProtection !== undefined ? { deletionProtection: t.deletionProtection } : {}),
        ...(t.infrequentAccess && g.tableClass === "STANDARD"
          ? { tableClass: "STANDARD_INFREQUENT_ACCESS" as const }
          : {}),
        propagateTags: t.propagateTags,
      };
    }) as NonNullable<TableRequestInput["regions"]["replicas"]>;
    const copyRegion = REGIONS.find((r) => r !== primary) as string;
    const request: TableRequestInput = {
      owner: { team: "platform", service: "generated", requester: "fuzz@example.com", costCenter: "CC-1" },
      tier: g.tier,
      tableName: g.name,
      partitionKey: g.partitionKey,
      ...(sortKey ? { sortKey } : {}),
      globalSecondaryIndexes: gsis,
      localSecondaryIndexes: lsis,
      billing: g.provisioned
        ? { mode: "PROVISIONED", ...(cap(0) as { read: { units: number }; write: { units: number } }) }
        : { mode: "PAY_PER_REQUEST", ...(g.onDemand ? { onDemandThroughput: g.onDemand } : {}) },
      tableClass: g.tableClass,
      ...(g.ttl ? { ttl: { enabled: true, attributeName: "expiresAt" } } : {}),
      ...(isGlobal
        ? { stream: { enabled: true, viewType: "NEW_AND_OLD_IMAGES" as const, hasConsumer: true } }
        : g.stream
          ? { stream: { enabled: true, viewType: g.stream, hasConsumer: true } }
          : {}),
      pointInTimeRecovery: g.pitr ? { enabled: true, recoveryPeriodInDays: g.pitr } : { enabled: false },
      encryption: cmk ? { type: g.encryption, kmsKeyArn: kmsArn(primary, 1) } : { type: g.encryption },
      deletionProtection: g.deletionProtection,
      contributorInsights: g.contributorInsights,
      tags: g.tags,
      regions: { primary: primary as TableRequestInput["regions"]["primary"], replicas },
    };
    if (g.backup) {
      request.backup = {
        enabled: true,
        schedule: "cron(0 3 * * ? *)",
        retentionDays: g.backup.retentionDays,
        ...(g.backup.copy
          ? {
              copyRegion: copyRegion as TableRequestInput["regions"]["primary"],
              ...(g.backup.copyRetentionDays ? { copyRetentionDays: g.backup.copyRetentionDays } : {}),
            }
          : {}),
      };
    }
    if (g.alarms) {
      request.alarms = {
        enabled: true,
        ...(g.alarms.topic ? { notificationTopicArn: `arn:aws:sns:${primary}:123456789012:alerts` } : {}),
        readThrottleThreshold: g.alarms.readThrottleThreshold,
        evaluationPeriods: g.alarms.evaluationPeriods,
        datapointsToAlarm: g.alarms.datapointsToAlarm,
      };
    }
    return request;
  });

/** The fixed sample the real-Terraform suite plans: same seed, same requests, every run. */
export const SAMPLE_SEED = 20261204;

export function sampleValidRequests(count: number, seed = SAMPLE_SEED): TableRequest[] {
  return fc.sample(validRequestArbitrary, { seed, numRuns: count }).map((input, i) => {
    const result = validateTableRequest(input, PERMISSIVE_POLICY);
    const errors = result.issues.filter((issue) => issue.severity === "error");
    if (!result.valid || !result.request) {
      throw new Error(`generated request ${i} is not valid (a generator bug): ${JSON.stringify(errors)}`);
    }
    return TableRequestSchema.parse(input);
  });
}

/** Which optional blocks a request uses, so a sample can prove it covers every one. */
export function optionalBlocks(r: TableRequest): string[] {
  const billing = r.billing;
  const provisioned = billing.mode === "PROVISIONED";
  const scaled =
    billing.mode === "PROVISIONED" &&
    (billing.read.autoscaling ||
      billing.write.autoscaling ||
      r.globalSecondaryIndexes.some((g) => g.capacity?.read.autoscaling || g.capacity?.write.autoscaling));
  const blocks: [string, boolean][] = [
    ["sort key", r.sortKey !== undefined],
    ["GSI", r.globalSecondaryIndexes.length > 0],
    ["GSI with sort key", r.globalSecondaryIndexes.some((g) => g.sortKey)],
    ["INCLUDE projection", r.globalSecondaryIndexes.some((g) => g.projection.type === "INCLUDE")],
    ["LSI", r.localSecondaryIndexes.length > 0],
    ["provisioned", provisioned],
    ["autoscaling", Boolean(scaled)],
    ["on-demand maximum", billing.mode === "PAY_PER_REQUEST" && billing.onDemandThroughput !== undefined],
    ["Standard-IA table", r.tableClass === "STANDARD_INFREQUENT_ACCESS"],
    ["TTL", r.ttl?.enabled === true],
    ["stream", r.stream?.enabled === true],
    ["PITR", r.pointInTimeRecovery.enabled],
    ["AWS-managed key", r.encryption.type === "AWS_MANAGED"],
    ["customer-managed key", r.encryption.type === "CUSTOMER_MANAGED"],
    ["deletion protection", r.deletionProtection],
    ["contributor insights", r.contributorInsights],
    ["tags", Object.keys(r.tags).length > 0],
    ["replicas", r.regions.replicas.length > 0],
    ["STANDBY replica", r.regions.replicas.some((x) => x.role === "STANDBY")],
    ["replica class override", r.regions.replicas.some((x) => x.tableClass && x.tableClass !== r.tableClass)],
    ["provisioned global table", provisioned && r.regions.replicas.length > 0],
    ["backup", r.backup?.enabled === true],
    ["backup copy", r.backup?.copyRegion !== undefined],
    ["alarms", r.alarms?.enabled === true],
    ["alarms without a topic", r.alarms?.enabled === true && !r.alarms.notificationTopicArn],
  ];
  return blocks.filter(([, used]) => used).map(([name]) => name);
}

/** Every optional block the generator can produce. */
export const OPTIONAL_BLOCKS = [
  "sort key",
  "GSI",
  "GSI with sort key",
  "INCLUDE projection",
  "LSI",
  "provisioned",
  "autoscaling",
  "on-demand maximum",
  "Standard-IA table",
  "TTL",
  "stream",
  "PITR",
  "AWS-managed key",
  "customer-managed key",
  "deletion protection",
  "contributor insights",
  "tags",
  "replicas",
  "STANDBY replica",
  "replica class override",
  "provisioned global table",
  "backup",
  "backup copy",
  "alarms",
  "alarms without a topic",
] as const;
