import type { AddressMove, ModuleModel, ModuleMoves } from "./model";

export type { AddressMove, ModuleMoves, ReplicaStyleSwitch } from "./model";

/**
 * Every resource of a module whose label depends on the request, keyed by what it stands for
 * (an index's autoscaling, a Region's alarm, a replica): identity -> Terraform address. Resources
 * with fixed labels (`aws_dynamodb_table.this`, the backup plan, IAM policies) never move.
 */
export function listLabelledAddresses(model: ModuleModel): Map<string, string> {
  const out = new Map<string, string>();
  const put = (identity: unknown[], address: string) => out.set(JSON.stringify(identity), address);
  for (const s of model.autoscaling) {
    put(["autoscaling-target", s.indexName ?? null, s.dimension], `aws_appautoscaling_target.${s.label}`);
    put(["autoscaling-policy", s.indexName ?? null, s.dimension], `aws_appautoscaling_policy.${s.label}`);
  }
  for (const c of model.contributorInsights) {
    put(["contributor-insights", c.indexName ?? null], `aws_dynamodb_contributor_insights.${c.label}`);
  }
  for (const a of model.alarms?.throttles ?? []) {
    put(["throttle", a.region, a.dimension, a.indexName ?? null], `aws_cloudwatch_metric_alarm.${a.label}`);
  }
  for (const a of model.alarms?.systemErrors ?? []) {
    put(["system-errors", a.region, a.operationGroup], `aws_cloudwatch_metric_alarm.${a.label}`);
  }
  for (const a of model.alarms?.replicationLatency ?? []) {
    put(["replication-latency", a.region, a.receivingRegion], `aws_cloudwatch_metric_alarm.${a.label}`);
  }
  if (model.table.replicaStyle === "resource") {
    for (const r of model.table.replicas) put(["replica", r.region], `aws_dynamodb_table_replica.${r.label}`);
  }
  return out;
}

/**
 * The `moved` blocks that keep the previous revision's objects when this revision gives them
 * another address, so Terraform plans no destroy-and-create for an alarm, an autoscaling policy or
 * a replica that stays. Labels are a function of the set of indexes and Regions (names.ts
 * `deferredLabels`), so a move never targets an address another surviving object held. Also reports
 * replicas that switch between `replica` blocks and `aws_dynamodb_table_replica` resources: no
 * `moved` block can carry an object from a nested block to a resource, so the README gives the
 * import / state steps. Pure.
 */
export function computeModuleMoves(previous: ModuleModel, next: ModuleModel): ModuleMoves {
  const before = listLabelledAddresses(previous);
  const after = listLabelledAddresses(next);
  const moves: AddressMove[] = [];
  for (const [identity, from] of before) {
    const to = after.get(identity);
    if (to !== undefined && to !== from) moves.push({ from, to });
  }
  moves.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const result: ModuleMoves = { moves };
  const kept = next.table.replicas.filter((r) => previous.table.replicas.some((p) => p.region === r.region));
  const wasResource = previous.table.replicaStyle === "resource";
  const isResource = next.table.replicaStyle === "resource";
  if (kept.length > 0 && wasResource !== isResource) {
    const labels = (isResource ? next : previous).table.replicas.filter((r) => kept.some((k) => k.region === r.region));
    result.replicaStyleSwitch = {
      direction: isResource ? "blocks-to-resources" : "resources-to-blocks",
      addresses: labels.map((r) => `aws_dynamodb_table_replica.${r.label}`),
      regions: labels.map((r) => r.region),
    };
  }
  return result;
}
