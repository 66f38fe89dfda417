import type { TableRequest } from "../request/schema";
import type { FindingList } from "./findings";
import type { PlannedChange, PlanValues } from "./read-plan";

const BILLING_LABELS: Record<string, string> = { PAY_PER_REQUEST: "on demand", PROVISIONED: "provisioned" };
const showBilling = (v: unknown) => (typeof v === "string" ? (BILLING_LABELS[v] ?? v) : v);
const TYPE_LABELS: Record<string, string> = { S: "string", N: "number", B: "binary" };
const showType = (v: unknown) => (typeof v === "string" ? (TYPE_LABELS[v] ?? v) : v);
const ENCRYPTION_LABELS: Record<string, string> = {
  AWS_OWNED: "AWS owned key",
  AWS_MANAGED: "AWS managed key",
  CUSTOMER_MANAGED: "customer managed key",
};
const showEncryption = (v: unknown) => (typeof v === "string" ? (ENCRYPTION_LABELS[v] ?? v) : v);

const single = (block: unknown): PlanValues =>
  (Array.isArray(block) ? block[0] : block) && typeof (Array.isArray(block) ? block[0] : block) === "object"
    ? ((Array.isArray(block) ? block[0] : block) as PlanValues)
    : {};
const list = (value: unknown): PlanValues[] =>
  Array.isArray(value) ? value.filter((v): v is PlanValues => v !== null && typeof v === "object") : [];
const quoted = (name: string) => JSON.stringify(name);

/** Whether Terraform marks a top-level attribute (or the whole block) as known only after apply. */
function unknownAt(afterUnknown: PlanValues, key: string): boolean {
  const v = afterUnknown[key];
  return v === true;
}

/** GSI keys from 5.x `hash_key`/`range_key` or 6.x `key_schema` blocks. */
function gsiKeys(index: PlanValues): { hash?: string; range?: string } {
  const schema = list(index.key_schema);
  if (schema.length > 0) {
    return {
      hash: schema.find((k) => k.key_type === "HASH")?.attribute_name,
      range: schema.find((k) => k.key_type === "RANGE")?.attribute_name,
    };
  }
  return { hash: index.hash_key ?? undefined, range: index.range_key ?? undefined };
}

/**
 * The table's attested settings, field by field: the request (not the renderer's view model) is
 * the reference, so a renderer bug shows as a finding instead of hiding behind the same mistake.
 */
export function compareTable(table: PlannedChange, request: TableRequest, findings: FindingList): void {
  const t = table.after;
  const u = table.afterUnknown;
  const c = (
    path: string,
    what: string,
    expected: unknown,
    key: string,
    actual: unknown,
    show?: (v: unknown) => unknown,
  ) => findings.compare(path, what, expected, actual, { isUnknown: unknownAt(u, key), ...(show ? { show } : {}) });

  c("tableName", "The table name", request.tableName, "name", t.name);
  if (table.region !== undefined) {
    findings.compare("regions.primary", "The table's Region", request.regions.primary, table.region);
  }
  c("billing.mode", "Billing mode", request.billing.mode, "billing_mode", t.billing_mode, showBilling);
  const billing = request.billing;
  if (billing.mode === "PROVISIONED") {
    c("billing.read.units", "Provisioned read capacity", billing.read.units, "read_capacity", t.read_capacity);
    c("billing.write.units", "Provisioned write capacity", billing.write.units, "write_capacity", t.write_capacity);
  } else {
    const od = single(t.on_demand_throughput);
    findings.compare(
      "billing.onDemandThroughput.maxReadRequestUnits",
      "The on-demand read ceiling",
      billing.onDemandThroughput?.maxReadRequestUnits,
      od.max_read_request_units,
    );
    findings.compare(
      "billing.onDemandThroughput.maxWriteRequestUnits",
      "The on-demand write ceiling",
      billing.onDemandThroughput?.maxWriteRequestUnits,
      od.max_write_request_units,
    );
  }
  c("partitionKey.name", "The partition key", request.partitionKey.name, "hash_key", t.hash_key);
  c("sortKey.name", "The sort key", request.sortKey?.name, "range_key", t.range_key);
  // The default class STANDARD plans as null on aws 5.100.
  c("tableClass", "The table class", request.tableClass, "table_class", t.table_class ?? "STANDARD");
  c(
    "deletionProtection",
    "Deletion protection",
    request.deletionProtection,
    "deletion_protection_enabled",
    t.deletion_protection_enabled,
  );
  compareAttributes(t, request, findings);
  compareGsis(t, request, findings);
  compareLsis(t, request, findings);

  const pitr = single(t.point_in_time_recovery);
  findings.compare(
    "pointInTimeRecovery.enabled",
    "Point-in-time recovery",
    request.pointInTimeRecovery.enabled,
    pitr.enabled ?? false,
  );
  if (request.pointInTimeRecovery.enabled && pitr.enabled === true && "recovery_period_in_days" in pitr) {
    findings.compare(
      "pointInTimeRecovery.recoveryPeriodInDays",
      "The point-in-time recovery period (days)",
      request.pointInTimeRecovery.recoveryPeriodInDays,
      pitr.recovery_period_in_days,
    );
  }
  const sse = single(t.server_side_encryption);
  // Without a key argument AWS fills in its managed key's ARN: unknown until apply, as planned.
  const keyUnknown = unknownAt(single(u.server_side_encryption), "kms_key_arn");
  const plannedEncryption = !sse.enabled ? "AWS_OWNED" : sse.kms_key_arn ? "CUSTOMER_MANAGED" : "AWS_MANAGED";
  if (request.encryption.type === "CUSTOMER_MANAGED" && sse.enabled && !sse.kms_key_arn) {
    findings.compare("encryption.kmsKeyArn", "The table's encryption key", request.encryption.kmsKeyArn, undefined, {
      isUnknown: keyUnknown,
    });
  } else {
    findings.compare("encryption.type", "Encryption at rest", request.encryption.type, plannedEncryption, {
      show: showEncryption,
    });
    if (request.encryption.type === "CUSTOMER_MANAGED" && plannedEncryption === "CUSTOMER_MANAGED") {
      findings.compare(
        "encryption.kmsKeyArn",
        "The table's encryption key",
        request.encryption.kmsKeyArn,
        sse.kms_key_arn,
      );
    }
  }

  // Global tables need a NEW_AND_OLD_IMAGES stream whatever the request says (the renderer enforces it).
  const global = request.regions.replicas.length > 0;
  const streamOn = global || request.stream?.enabled === true;
  c("stream.enabled", "The change stream", streamOn, "stream_enabled", t.stream_enabled ?? false);
  if (streamOn) {
    const view = global ? "NEW_AND_OLD_IMAGES" : (request.stream?.viewType ?? "NEW_AND_OLD_IMAGES");
    c("stream.viewType", "The stream's view type", view, "stream_view_type", t.stream_view_type);
  }
  const ttl = single(t.ttl);
  findings.compare("ttl.enabled", "Time to live", request.ttl?.enabled ?? false, ttl.enabled ?? false);
  if (request.ttl?.enabled)
    findings.compare("ttl.attributeName", "The time-to-live attribute", request.ttl.attributeName, ttl.attribute_name);
  compareTags("tags", "The table's tag", request.tags, t.tags, findings);
}

/** Tag by tag, so a finding names the tag that differs. */
export function compareTags(
  path: string,
  what: string,
  expected: Record<string, string>,
  actual: unknown,
  findings: FindingList,
): void {
  const planned = actual && typeof actual === "object" ? (actual as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(planned)])].sort();
  for (const key of keys)
    findings.compare(`${path}[${quoted(key)}]`, `${what} ${quoted(key)}`, expected[key], planned[key]);
}

function compareAttributes(t: PlanValues, request: TableRequest, findings: FindingList): void {
  const expected = new Map<string, { type: string; path: string }>();
  const note = (name: string, type: string, path: string) => {
    if (!expected.has(name)) expected.set(name, { type, path });
  };
  note(request.partitionKey.name, request.partitionKey.type, "partitionKey.type");
  if (request.sortKey) note(request.sortKey.name, request.sortKey.type, "sortKey.type");
  for (const g of request.globalSecondaryIndexes) {
    note(g.partitionKey.name, g.partitionKey.type, `globalSecondaryIndexes[${quoted(g.name)}].partitionKey.type`);
    if (g.sortKey) note(g.sortKey.name, g.sortKey.type, `globalSecondaryIndexes[${quoted(g.name)}].sortKey.type`);
  }
  for (const l of request.localSecondaryIndexes)
    note(l.sortKey.name, l.sortKey.type, `localSecondaryIndexes[${quoted(l.name)}].sortKey.type`);
  const planned = new Map(list(t.attribute).map((a) => [String(a.name), a.type as unknown]));
  for (const [name, { type, path }] of expected) {
    findings.compare(path, `The type of key attribute ${quoted(name)}`, type, planned.get(name), { show: showType });
  }
  for (const [name, type] of planned) {
    if (!expected.has(name)) {
      findings.add(
        `attributes[${quoted(name)}]`,
        "ATTRIBUTE_MISMATCH",
        `The plan defines attribute ${quoted(name)}, which no key of the approved revision uses.`,
        undefined,
        showType(type),
      );
    }
  }
}

/** A finding for each index the plan creates that the approved revision does not have. */
function reportUnapprovedIndexes(
  plannedNames: Iterable<string>,
  approvedIndexes: readonly { name: string }[],
  field: "globalSecondaryIndexes" | "localSecondaryIndexes",
  scope: "global" | "local",
  findings: FindingList,
): void {
  const approved = new Set(approvedIndexes.map((index) => index.name));
  for (const name of plannedNames) {
    if (!approved.has(name)) {
      findings.add(
        `${field}[${quoted(name)}]`,
        "ATTRIBUTE_MISMATCH",
        `The plan creates a ${scope} secondary index ${quoted(name)} the approved revision does not have.`,
        undefined,
        name,
      );
    }
  }
}

/**
 * Each approved index against the plan's block of the same name (missing ones are findings), then
 * the plan's indexes the approval never had. GSIs and LSIs differ only in what `compareOne` reads.
 */
function compareIndexes<Approved extends { name: string }>(
  plannedBlocks: PlanValues[],
  approvedIndexes: readonly Approved[],
  field: "globalSecondaryIndexes" | "localSecondaryIndexes",
  scope: "global" | "local",
  findings: FindingList,
  compareOne: (approved: Approved, planned: PlanValues, path: string) => void,
): void {
  const planned = new Map(plannedBlocks.map((block) => [String(block.name), block]));
  for (const index of approvedIndexes) {
    const path = `${field}[${quoted(index.name)}]`;
    const block = planned.get(index.name);
    if (block) compareOne(index, block, path);
    else
      findings.add(
        path,
        "ATTRIBUTE_MISMATCH",
        `The ${scope} secondary index ${quoted(index.name)} is missing from the plan.`,
        index.name,
        undefined,
      );
  }
  reportUnapprovedIndexes(planned.keys(), approvedIndexes, field, scope, findings);
}

function compareGsis(t: PlanValues, request: TableRequest, findings: FindingList): void {
  const provisioned = request.billing.mode === "PROVISIONED";
  compareIndexes(
    list(t.global_secondary_index),
    request.globalSecondaryIndexes,
    "globalSecondaryIndexes",
    "global",
    findings,
    (g, p, path) => {
      const keys = gsiKeys(p);
      findings.compare(
        `${path}.partitionKey.name`,
        `The partition key of index ${quoted(g.name)}`,
        g.partitionKey.name,
        keys.hash,
      );
      findings.compare(`${path}.sortKey.name`, `The sort key of index ${quoted(g.name)}`, g.sortKey?.name, keys.range);
      findings.compare(
        `${path}.projection.type`,
        `The projection of index ${quoted(g.name)}`,
        g.projection.type,
        p.projection_type,
      );
      findings.compare(
        `${path}.projection.nonKeyAttributes`,
        `The projected attributes of index ${quoted(g.name)}`,
        g.projection.type === "INCLUDE" ? (g.projection.nonKeyAttributes ?? []) : [],
        p.non_key_attributes ?? [],
      );
      if (provisioned && g.capacity) {
        findings.compare(
          `${path}.capacity.read.units`,
          `The read capacity of index ${quoted(g.name)}`,
          g.capacity.read.units,
          p.read_capacity,
        );
        findings.compare(
          `${path}.capacity.write.units`,
          `The write capacity of index ${quoted(g.name)}`,
          g.capacity.write.units,
          p.write_capacity,
        );
      }
    },
  );
}

function compareLsis(t: PlanValues, request: TableRequest, findings: FindingList): void {
  compareIndexes(
    list(t.local_secondary_index),
    request.localSecondaryIndexes,
    "localSecondaryIndexes",
    "local",
    findings,
    (l, p, path) => {
      findings.compare(
        `${path}.sortKey.name`,
        `The sort key of local index ${quoted(l.name)}`,
        l.sortKey.name,
        p.range_key,
      );
      findings.compare(
        `${path}.projection.type`,
        `The projection of local index ${quoted(l.name)}`,
        l.projection.type,
        p.projection_type,
      );
    },
  );
}
