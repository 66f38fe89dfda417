import { attr, block, comment, type HclNode, list, lit, raw, renderFile, sections, str } from "./hcl";
import type { GsiModel, LsiModel, ModuleModel, OnDemandModel, ReplicaModel, WarmThroughputModel } from "./model";
import { tagsAttr } from "./placement";

function onDemandBlock(od: OnDemandModel | undefined): HclNode | null {
  if (!od) return null;
  const body: HclNode[] = [];
  if (od.maxRead !== undefined) body.push(attr("max_read_request_units", lit(od.maxRead)));
  if (od.maxWrite !== undefined) body.push(attr("max_write_request_units", lit(od.maxWrite)));
  return block("on_demand_throughput", [], body);
}

/**
 * `warm_throughput` (hashicorp/aws 6.13.0+, on the table and inside each GSI). Only requested
 * values are written: the provider keeps an unset side as AWS reports it (Optional + Computed).
 */
function warmThroughputBlock(warm: WarmThroughputModel | undefined): HclNode | null {
  if (!warm) return null;
  const body: HclNode[] = [];
  if (warm.readUnitsPerSecond !== undefined) body.push(attr("read_units_per_second", lit(warm.readUnitsPerSecond)));
  if (warm.writeUnitsPerSecond !== undefined) body.push(attr("write_units_per_second", lit(warm.writeUnitsPerSecond)));
  return block("warm_throughput", [], body);
}

function projection(p: { projectionType: string; nonKeyAttributes: readonly string[] }): HclNode[] {
  const out = [attr("projection_type", str(p.projectionType))];
  if (p.nonKeyAttributes.length > 0) out.push(attr("non_key_attributes", list(p.nonKeyAttributes.map(str))));
  return out;
}

/**
 * Provider 6 writes GSI keys as `key_schema` blocks (6.29+ deprecates GSI `hash_key`/`range_key`);
 * provider 5 only knows `hash_key`/`range_key` (aws 5.100 `terraform providers schema -json`).
 */
function gsiBlock(gsi: GsiModel, syntax: ModuleModel["provider"]["gsiKeySyntax"]): HclNode {
  const keys: HclNode[] = [];
  const args: HclNode[] = [attr("name", str(gsi.name))];
  if (syntax === "key_schema") {
    keys.push(block("key_schema", [], [attr("attribute_name", str(gsi.hashKey)), attr("key_type", str("HASH"))]));
    if (gsi.rangeKey) {
      keys.push(block("key_schema", [], [attr("attribute_name", str(gsi.rangeKey)), attr("key_type", str("RANGE"))]));
    }
  } else {
    args.push(attr("hash_key", str(gsi.hashKey)));
    if (gsi.rangeKey) args.push(attr("range_key", str(gsi.rangeKey)));
  }
  args.push(...projection(gsi));
  if (gsi.readCapacity !== undefined) args.push(attr("read_capacity", lit(gsi.readCapacity)));
  if (gsi.writeCapacity !== undefined) args.push(attr("write_capacity", lit(gsi.writeCapacity)));
  return block(
    "global_secondary_index",
    [],
    sections(args, ...keys, onDemandBlock(gsi.onDemand), warmThroughputBlock(gsi.warmThroughput)),
  );
}

function lsiBlock(lsi: LsiModel): HclNode {
  return block(
    "local_secondary_index",
    [],
    [attr("name", str(lsi.name)), attr("range_key", str(lsi.rangeKey)), ...projection(lsi)],
  );
}

function replicaBlock(r: ReplicaModel): HclNode {
  const body: HclNode[] = [attr("region_name", str(r.region))];
  if (r.kmsKeyArn) body.push(attr("kms_key_arn", str(r.kmsKeyArn)));
  body.push(
    attr("point_in_time_recovery", lit(r.pointInTimeRecovery)),
    attr("deletion_protection_enabled", lit(r.deletionProtection)),
    attr("propagate_tags", lit(r.propagateTags)),
  );
  if (r.consistencyMode) body.push(attr("consistency_mode", str(r.consistencyMode)));
  return block("replica", [], body);
}

/**
 * TTL and encryption are written out even when off. Both blocks are optional and computed in the
 * provider, so a module that drops the block leaves the live setting as it is: a revision that turns
 * TTL off, or moves from a KMS key back to the AWS-owned key, would plan no change. The explicit
 * "off" forms are the provider's documented ones (aws_dynamodb_table docs: `ttl.attribute_name`
 * "Required if enabled is true, must not be set otherwise"; `server_side_encryption.enabled = false`
 * "then server-side encryption is set to AWS-owned key"). At create the provider calls
 * UpdateTimeToLive only when TTL is enabled, so the "off" block costs nothing on a new table.
 */
function ttlBlock(ttl: ModuleModel["table"]["ttl"]): HclNode {
  return ttl
    ? block("ttl", [], [attr("attribute_name", str(ttl.attributeName)), attr("enabled", lit(true))])
    : block("ttl", [], [attr("enabled", lit(false))]);
}

function ignoreReason(names: ModuleModel["table"]["ignoreChanges"]): string {
  const why: string[] = [];
  if (names.some((n) => n !== "replica")) {
    why.push("Autoscaling owns this capacity; without this every plan would reset it.");
  }
  if (names.includes("replica")) {
    why.push(
      "Replicas are aws_dynamodb_table_replica resources (replicas.tf), which the provider says not to mix with replica blocks.",
    );
  }
  return why.join("\n");
}

/** `main.tf`: the table (one static block per index, replica and key attribute) and contributor insights. */
export function renderMainTf(model: ModuleModel): string {
  const t = model.table;
  const args: HclNode[] = [
    attr("name", str(t.name)),
    attr("billing_mode", str(t.billingMode)),
    attr("hash_key", str(t.hashKey)),
  ];
  if (t.rangeKey) args.push(attr("range_key", str(t.rangeKey)));
  // PAY_PER_REQUEST tables carry no capacity at all: the provider requires 0 or absent.
  if (t.readCapacity !== undefined) args.push(attr("read_capacity", lit(t.readCapacity)));
  if (t.writeCapacity !== undefined) args.push(attr("write_capacity", lit(t.writeCapacity)));
  args.push(attr("table_class", str(t.tableClass)), attr("deletion_protection_enabled", lit(t.deletionProtection)));
  if (t.stream) args.push(attr("stream_enabled", lit(true)), attr("stream_view_type", str(t.stream.viewType)));

  const pitr: HclNode[] = [attr("enabled", lit(t.pointInTimeRecovery.enabled))];
  if (t.pointInTimeRecovery.recoveryPeriodInDays !== undefined) {
    pitr.push(attr("recovery_period_in_days", lit(t.pointInTimeRecovery.recoveryPeriodInDays)));
  }
  const sse = block(
    "server_side_encryption",
    [],
    t.encryption
      ? [
          attr("enabled", lit(true)),
          ...(t.encryption.kmsKeyArn ? [attr("kms_key_arn", str(t.encryption.kmsKeyArn))] : []),
        ]
      : [attr("enabled", lit(false))],
  );
  const tags = tagsAttr(model);
  const lifecycleArgs: HclNode[] = [];
  const why: string[] = [];
  if (t.preventDestroy === "on") {
    why.push(
      "The tier policy protects this table from terraform destroy and from replacement (prevent_destroy).\nAn acknowledged destructive change renders its one revision without it (the module README says so).",
    );
    lifecycleArgs.push(attr("prevent_destroy", lit(true)));
  }
  if (t.preventDestroy === "lifted") {
    why.push(
      "prevent_destroy (tier policy) is lifted for this revision only: it replaces the table, an\nacknowledged destructive change. The next revision of the table puts it back.",
    );
  }
  if (t.ignoreChanges.length > 0) {
    why.push(ignoreReason(t.ignoreChanges));
    lifecycleArgs.push(attr("ignore_changes", list(t.ignoreChanges.map((name) => raw(name)))));
  }
  const lifecycleNodes = [
    ...(why.length > 0 ? [comment(why.join("\n"))] : []),
    ...(lifecycleArgs.length > 0 ? [block("lifecycle", [], lifecycleArgs)] : []),
  ];
  const lifecycle = lifecycleNodes.length > 0 ? lifecycleNodes : null;

  const body = sections(
    args,
    ...t.attributes.map((a) => block("attribute", [], [attr("name", str(a.name)), attr("type", str(a.type))])),
    ...t.gsis.map((g) => gsiBlock(g, model.provider.gsiKeySyntax)),
    ...t.lsis.map(lsiBlock),
    onDemandBlock(t.onDemand),
    warmThroughputBlock(t.warmThroughput),
    ttlBlock(t.ttl),
    block("point_in_time_recovery", [], pitr),
    sse,
    ...(t.replicaStyle === "inline" ? t.replicas.map(replicaBlock) : []),
    t.witnessRegion ? block("global_table_witness", [], [attr("region_name", str(t.witnessRegion))]) : null,
    tags,
    lifecycle,
  );
  const nodes: HclNode[] = [block("resource", ["aws_dynamodb_table", "this"], body)];
  for (const ci of model.contributorInsights) {
    const ciBody = [attr("table_name", raw("aws_dynamodb_table.this.name"))];
    if (ci.indexName !== undefined) ciBody.push(attr("index_name", str(ci.indexName)));
    nodes.push(block("resource", ["aws_dynamodb_contributor_insights", ci.label], ciBody));
  }
  return renderFile(nodes);
}
