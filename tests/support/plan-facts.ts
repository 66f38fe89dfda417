import { expect } from "vitest";
import type { TableRequest } from "../../lib/domain/request/schema";

/**
 * Reads what a reviewer relies on from a real `terraform show -json` plan, and checks it against
 * the request itself (not against the renderer's view model, so a renderer bug cannot hide).
 */

// biome-ignore lint/suspicious/noExplicitAny: Terraform's plan JSON.
type Json = any;

export interface PlannedResource {
  address: string;
  type: string;
  name: string;
  region: string;
  values: Json;
  dependsOn: string[];
}

/**
 * Every planned resource of the root module, or of child module `module` (a batch plan), with its
 * Region: the `region` argument (6.x) or its provider configuration's. Addresses are relative to
 * the module, as its `depends_on` are.
 */
export function plannedResources(showJson: Json, module?: string): PlannedResource[] {
  const providers = showJson.configuration?.provider_config ?? {};
  const regionOf = (key: string | undefined) => providers[key ?? "aws"]?.expressions?.region?.constant_value as string;
  const configModule = module
    ? showJson.configuration?.root_module?.module_calls?.[module]?.module
    : showJson.configuration?.root_module;
  const configured = new Map<string, Json>((configModule?.resources ?? []).map((r: Json) => [r.address, r]));
  const plannedModule = module
    ? (showJson.planned_values?.root_module?.child_modules ?? []).find((c: Json) => c.address === `module.${module}`)
    : showJson.planned_values?.root_module;
  const prefix = module ? `module.${module}.` : "";
  return (plannedModule?.resources ?? []).map((r: Json) => {
    const address = String(r.address).startsWith(prefix) ? String(r.address).slice(prefix.length) : r.address;
    const config = configured.get(address);
    return {
      address,
      type: r.type,
      name: r.name,
      region: (r.values?.region as string | undefined) ?? regionOf(config?.provider_config_key),
      values: r.values ?? {},
      dependsOn: config?.depends_on ?? [],
    };
  });
}

const sorted = <T>(items: T[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const single = (block: Json) => (Array.isArray(block) ? block[0] : block);

/** The table, its indexes, PITR, SSE, TTL, stream, tags, replicas, alarms, autoscaling, backup and IAM names. */
export function expectPlanMatchesRequest(
  showJson: Json,
  request: TableRequest,
  alarmActions: { primary: string[]; replicas: Record<string, string[]> },
  module?: string,
): void {
  const resources = plannedResources(showJson, module);
  const byType = (type: string) => resources.filter((r) => r.type === type);
  const primary = request.regions.primary;
  const provisioned = request.billing.mode === "PROVISIONED";

  // The table.
  const [table] = byType("aws_dynamodb_table");
  expect(table, "one aws_dynamodb_table").toBeDefined();
  const t = table?.values;
  expect(table?.region).toBe(primary);
  expect(t.name).toBe(request.tableName);
  expect(t.billing_mode).toBe(request.billing.mode);
  expect(t.hash_key).toBe(request.partitionKey.name);
  expect(t.range_key ?? undefined).toBe(request.sortKey?.name);
  // aws 5.100 plans the default class STANDARD as null.
  expect(t.table_class ?? "STANDARD").toBe(request.tableClass);
  expect(t.deletion_protection_enabled).toBe(request.deletionProtection);
  const keyTypes = new Map<string, string>([[request.partitionKey.name, request.partitionKey.type]]);
  if (request.sortKey) keyTypes.set(request.sortKey.name, request.sortKey.type);
  for (const g of request.globalSecondaryIndexes) {
    keyTypes.set(g.partitionKey.name, g.partitionKey.type);
    if (g.sortKey) keyTypes.set(g.sortKey.name, g.sortKey.type);
  }
  for (const l of request.localSecondaryIndexes) keyTypes.set(l.sortKey.name, l.sortKey.type);
  expect(sorted(t.attribute)).toEqual(sorted([...keyTypes].map(([name, type]) => ({ name, type }))));
  const billing = request.billing;
  if (billing.mode === "PROVISIONED") {
    expect([t.read_capacity, t.write_capacity]).toEqual([billing.read.units, billing.write.units]);
  } else if (billing.onDemandThroughput) {
    const od = single(t.on_demand_throughput);
    expect(od.max_read_request_units ?? undefined).toBe(billing.onDemandThroughput.maxReadRequestUnits);
    expect(od.max_write_request_units ?? undefined).toBe(billing.onDemandThroughput.maxWriteRequestUnits);
  }
  const gsis = (t.global_secondary_index ?? []) as Json[];
  expect(gsis.map((g) => g.name).sort()).toEqual(request.globalSecondaryIndexes.map((g) => g.name).sort());
  for (const g of request.globalSecondaryIndexes) {
    const planned = gsis.find((p) => p.name === g.name);
    // Key schema: 5.x hash_key/range_key; 6.x key_schema blocks.
    const keys = planned.key_schema?.length
      ? Object.fromEntries(planned.key_schema.map((k: Json) => [k.key_type, k.attribute_name]))
      : { HASH: planned.hash_key, ...(planned.range_key ? { RANGE: planned.range_key } : {}) };
    expect(keys, `GSI ${g.name} keys`).toEqual({
      HASH: g.partitionKey.name,
      ...(g.sortKey ? { RANGE: g.sortKey.name } : {}),
    });
    expect(planned.projection_type).toBe(g.projection.type);
    expect([...(planned.non_key_attributes ?? [])].sort()).toEqual(
      g.projection.type === "INCLUDE" ? [...(g.projection.nonKeyAttributes ?? [])].sort() : [],
    );
    if (provisioned && g.capacity) {
      expect([planned.read_capacity, planned.write_capacity]).toEqual([g.capacity.read.units, g.capacity.write.units]);
    }
  }
  expect(((t.local_secondary_index ?? []) as Json[]).map((l) => [l.name, l.range_key]).sort()).toEqual(
    request.localSecondaryIndexes.map((l) => [l.name, l.sortKey.name]).sort(),
  );
  const pitr = single(t.point_in_time_recovery);
  expect(pitr.enabled).toBe(request.pointInTimeRecovery.enabled);
  if (request.pointInTimeRecovery.enabled) {
    expect(pitr.recovery_period_in_days).toBe(request.pointInTimeRecovery.recoveryPeriodInDays);
  }
  const sse = single(t.server_side_encryption);
  // Explicit "off" blocks (main.tf.ts ttlBlock): without them a later revision could not turn TTL
  // off or return to the AWS-owned key, so their absence from the plan is a failure.
  expect(sse, "server_side_encryption block").toBeDefined();
  if (request.encryption.type === "AWS_OWNED") expect(sse.enabled).toBe(false);
  else {
    expect(sse.enabled).toBe(true);
    expect(sse.kms_key_arn ?? undefined).toBe(request.encryption.kmsKeyArn);
  }
  const ttl = single(t.ttl);
  expect(ttl, "ttl block").toBeDefined();
  if (request.ttl?.enabled) expect([ttl.enabled, ttl.attribute_name]).toEqual([true, request.ttl.attributeName]);
  else expect([ttl.enabled, ttl.attribute_name ?? undefined]).toEqual([false, undefined]);
  const global = request.regions.replicas.length > 0;
  if (global) expect([t.stream_enabled, t.stream_view_type]).toEqual([true, "NEW_AND_OLD_IMAGES"]);
  else if (request.stream?.enabled) {
    expect([t.stream_enabled, t.stream_view_type]).toEqual([true, request.stream.viewType ?? "NEW_AND_OLD_IMAGES"]);
  } else expect(t.stream_enabled ?? false).toBe(false);
  expect(t.tags ?? {}).toEqual(request.tags);

  // Replicas (blocks or resources), each in its Region with its own settings.
  const blocks = (t.replica ?? []) as Json[];
  const replicaResources = byType("aws_dynamodb_table_replica");
  const planned = [
    ...blocks.map((b) => ({ region: b.region_name, v: b, resource: false })),
    ...replicaResources.map((r) => ({ region: r.region, v: r.values, resource: true })),
  ];
  expect(planned.map((p) => p.region).sort()).toEqual(request.regions.replicas.map((r) => r.region).sort());
  for (const r of request.regions.replicas) {
    const p = planned.find((x) => x.region === r.region);
    expect(p?.v.point_in_time_recovery, `${r.region} PITR`).toBe(
      r.pointInTimeRecovery ?? request.pointInTimeRecovery.enabled,
    );
    expect(p?.v.deletion_protection_enabled, `${r.region} deletion protection`).toBe(
      r.deletionProtection ?? request.deletionProtection,
    );
    expect(p?.v.kms_key_arn ?? undefined, `${r.region} key`).toBe(r.kmsKeyArn);
    if (p?.resource) {
      const override = r.tableClass && r.tableClass !== request.tableClass ? r.tableClass : undefined;
      expect(p.v.table_class_override ?? undefined, `${r.region} class`).toBe(override);
      expect(p.v.tags ?? {}, `${r.region} tags`).toEqual(r.propagateTags ? request.tags : {});
    }
  }
  if (provisioned && global) {
    // Provider issue #13097: replicas of a provisioned table only after its autoscaling.
    const policies = byType("aws_appautoscaling_policy").map((p) => p.address);
    expect(policies.length).toBeGreaterThan(0);
    for (const r of replicaResources) expect(r.dependsOn).toEqual(expect.arrayContaining(policies));
  }

  // Autoscaling targets, one per autoscaled dimension, on the table or its index.
  const expectedTargets: string[] = [];
  if (billing.mode === "PROVISIONED") {
    const push = (id: string, kind: string, dim: string, a?: { minCapacity: number; maxCapacity: number }) => {
      if (a) expectedTargets.push(`${id} dynamodb:${kind}:${dim} ${a.minCapacity}-${a.maxCapacity}`);
    };
    const id = `table/${request.tableName}`;
    push(id, "table", "ReadCapacityUnits", billing.read.autoscaling);
    push(id, "table", "WriteCapacityUnits", billing.write.autoscaling);
    for (const g of request.globalSecondaryIndexes) {
      push(`${id}/index/${g.name}`, "index", "ReadCapacityUnits", g.capacity?.read.autoscaling);
      push(`${id}/index/${g.name}`, "index", "WriteCapacityUnits", g.capacity?.write.autoscaling);
    }
  }
  expect(
    byType("aws_appautoscaling_target")
      .map(
        (a) =>
          `${a.values.resource_id} ${a.values.scalable_dimension} ${a.values.min_capacity}-${a.values.max_capacity}`,
      )
      .sort(),
  ).toEqual(expectedTargets.sort());

  // Alarms: in the primary and every ACTIVE replica Region, table and each GSI, with actions.
  const alarms = byType("aws_cloudwatch_metric_alarm");
  if (!request.alarms?.enabled) expect(alarms).toEqual([]);
  else {
    const a = request.alarms;
    const regions = [primary, ...request.regions.replicas.filter((r) => r.role === "ACTIVE").map((r) => r.region)];
    for (const region of regions) {
      const here = alarms.filter((x) => x.region === region);
      const actions = region === primary ? alarmActions.primary : alarmActions.replicas[region];
      expect(actions?.length, `actions for ${region}`).toBeGreaterThan(0);
      for (const x of here) {
        expect([x.values.alarm_actions, x.values.ok_actions]).toEqual([actions, actions]);
        expect([x.values.evaluation_periods, x.values.datapoints_to_alarm]).toEqual([
          a.evaluationPeriods,
          a.datapointsToAlarm,
        ]);
        expect(x.values.comparison_operator).toBe("GreaterThanOrEqualToThreshold");
        expect(x.values.threshold).toBeGreaterThanOrEqual(1);
      }
      const throttles = here
        .filter((x) => /ThrottleEvents$/.test(x.values.metric_name ?? ""))
        .map(
          (x) => `${x.values.metric_name} ${x.values.dimensions.GlobalSecondaryIndexName ?? "-"} ${x.values.threshold}`,
        )
        .sort();
      const expected = [undefined, ...request.globalSecondaryIndexes.map((g) => g.name)].flatMap((index) => [
        `ReadThrottleEvents ${index ?? "-"} ${a.readThrottleThreshold}`,
        `WriteThrottleEvents ${index ?? "-"} ${a.writeThrottleThreshold}`,
      ]);
      expect(throttles, `throttle alarms in ${region}`).toEqual(expected.sort());
      const systemErrors = here.filter((x) => (x.values.metric_query ?? []).length > 0);
      const operations = systemErrors
        .flatMap((x) => x.values.metric_query as Json[])
        .flatMap((q) => (q.metric ?? []).map((m: Json) => m.dimensions.Operation as string))
        .sort();
      expect(operations, `SystemErrors operations in ${region}`).toEqual(
        [
          "BatchGetItem",
          "BatchWriteItem",
          "DeleteItem",
          "GetItem",
          "PutItem",
          "Query",
          "Scan",
          "TransactGetItems",
          "TransactWriteItems",
          "UpdateItem",
        ].sort(),
      );
      for (const x of systemErrors) {
        const expression = (x.values.metric_query as Json[]).find((q) => q.return_data)?.expression as string;
        expect(expression).toMatch(/^FILL\(m0, 0\)( \+ FILL\(m\d, 0\))+$/);
      }
    }
    expect(new Set(alarms.map((x) => x.region))).toEqual(new Set(regions));
    const latency = alarms
      .filter((x) => x.values.metric_name === "ReplicationLatency")
      .map((x) => `${x.region}->${x.values.dimensions.ReceivingRegion}`)
      .sort();
    const all = [primary, ...request.regions.replicas.map((r) => r.region)];
    expect(latency).toEqual(
      global ? regions.flatMap((from) => all.filter((to) => to !== from).map((to) => `${from}->${to}`)).sort() : [],
    );
  }

  // Backup plan and its copy.
  const plans = byType("aws_backup_plan");
  if (!request.backup?.enabled) expect(plans).toEqual([]);
  else {
    const rule = single(plans[0]?.values.rule);
    expect(rule.schedule).toBe(request.backup.schedule);
    expect(single(rule.lifecycle).delete_after).toBe(request.backup.retentionDays);
    const copy = single(rule.copy_action);
    const vaults = byType("aws_backup_vault");
    if (request.backup.copyRegion) {
      expect(single(copy.lifecycle).delete_after).toBe(
        request.backup.copyRetentionDays ?? request.backup.retentionDays,
      );
      expect(vaults.find((v) => v.name === "copy")?.region).toBe(request.backup.copyRegion);
    } else expect(copy).toBeUndefined();
    expect(vaults.find((v) => v.name === "this")?.region).toBe(primary);
  }

  // IAM names carry the Region: IAM names are unique per account, table names per Region.
  for (const p of byType("aws_iam_policy")) expect(p.values.name).toContain(`-${primary}-`);
  for (const r of byType("aws_iam_role")) expect(r.values.name).toContain(`-${primary}-`);
}
