import type { TableRequest } from "../request/schema";
import { type ClassifyInput, changedUnder, hasChangeUnder, replicaPath } from "./classify-input";
import type { Segments } from "./definition-diff";
import { QUICK } from "./durations";
import { effectiveStreamViewType, effectiveTtl, encryptionKey, isGlobal, isMrsc } from "./effective";
import { MODULE_OMITS_AWS_OWNED_SSE, MODULE_OMITS_DISABLED_TTL } from "./module-behaviour";
import { applyRateLimit, makeOp, type Op } from "./ops";

const recordOnly = (paths: Segments[], summary: string): Op =>
  makeOp({
    kind: "METADATA_CHANGED",
    categories: ["record-only"],
    paths,
    summary,
    terraform: "No AWS change (the module's README and request.json record it).",
    risk: "low",
    sources: ["recordOnly"],
    stage: "base",
    title: "Update in place",
    duration: QUICK.none,
  });

/** Replicas on both sides: the ones whose settings move with a table-level change. */
const keptReplicas = (live: TableRequest, target: TableRequest): string[] => {
  const liveRegions = new Set(live.regions.replicas.map((r) => r.region));
  return target.regions.replicas.map((r) => r.region).filter((r) => liveRegions.has(r));
};

function classifyTableClass(input: ClassifyInput): Op[] {
  const { live, target } = input;
  if (live.tableClass === target.tableClass) return [];
  const replicaPaths = keptReplicas(live, target)
    .map((region) => [...replicaPath(region), "tableClass"])
    .filter((p) => hasChangeUnder(input, p));
  // [DG] tableclasses: background update, table accessible, 2 per trailing 30 days.
  const op = makeOp({
    kind: "TABLE_CLASS_CHANGED",
    categories: ["immediate"],
    paths: [["tableClass"], ...replicaPaths],
    summary: `The table class changes from ${live.tableClass} to ${target.tableClass} (the indexes follow).`,
    terraform:
      "UpdateTable TableClass on its own (the provider cannot combine it with other settings); Terraform waits until the table is ACTIVE.",
    risk: "medium",
    impact: "None for clients: the update runs in the background and the table stays accessible; prices change.",
    sources: ["tableClass", "providerGsiPhases"],
    stage: "base",
    title: "Update in place",
    duration: QUICK.tableClass,
  });
  applyRateLimit(op, "TABLE_CLASS", input.context, input.rateWarnings);
  return [op];
}

const TTL_MANUAL_DISABLE = (table: string, attribute: string) =>
  `Terraform will not turn TTL off: the module leaves the ttl block out when TTL is off, and the provider keeps TTL as it is when the block is missing. Turn it off by hand: aws dynamodb update-time-to-live --table-name ${table} --time-to-live-specification "Enabled=false,AttributeName=${attribute}".`;

function classifyTtl(input: ClassifyInput): Op[] {
  const { live, target } = input;
  if (!hasChangeUnder(input, ["ttl"])) return [];
  const before = effectiveTtl(live);
  const after = effectiveTtl(target);
  if (before === after) return [recordOnly([["ttl"]], "TTL stays as it is; only the stored (unused) settings change.")];
  // TTL is not supported on MRSC tables: enable it only once the replicas are gone.
  const stage = isMrsc(live) && !isMrsc(target) ? "after-removal" : "base";
  const ttlTerraform = "UpdateTimeToLive; the provider waits until the new status shows.";
  if (before === null) {
    const op = makeOp({
      kind: "TTL_ENABLED",
      categories: ["immediate"],
      paths: [["ttl"]],
      summary: `TTL is turned on with attribute ${after}.`,
      terraform: ttlTerraform,
      risk: "medium",
      impact: `Items whose ${after} attribute holds a past time (epoch seconds) start being deleted in the background, without consuming write capacity.`,
      sources: ["ttlRate", "providerGsiPhases"],
      stage,
      title: stage === "base" ? "Update in place" : "Turn TTL on once the replicas are gone",
      duration: QUICK.ttl,
    });
    applyRateLimit(op, "TTL", input.context, input.rateWarnings);
    return [op];
  }
  const disable = (origin: "requested" | "sequencing") =>
    makeOp({
      kind: origin === "requested" ? "TTL_DISABLED" : "TTL_DISABLED_FOR_ATTRIBUTE_CHANGE",
      origin,
      categories: ["immediate", ...(origin === "sequencing" ? (["sequenced"] as const) : [])],
      paths: [["ttl"]],
      summary:
        origin === "requested"
          ? `TTL on ${before} is turned off.`
          : `TTL on ${before} is turned off first: DynamoDB will not move TTL to another attribute while it is on.`,
      terraform: MODULE_OMITS_DISABLED_TTL ? "Nothing by itself (see the instruction)." : ttlTerraform,
      risk: "medium",
      impact: "Expired items are no longer deleted.",
      sources: ["ttlRate", ...(MODULE_OMITS_DISABLED_TTL ? (["providerTtlBlock"] as const) : [])],
      stage: "base",
      title: "Update in place",
      duration: QUICK.ttl,
      edits:
        origin === "requested"
          ? undefined
          : [{ segments: ["ttl"], to: "value", value: { enabled: false, attributeName: before } }],
      instruction: MODULE_OMITS_DISABLED_TTL ? TTL_MANUAL_DISABLE(live.tableName, before) : undefined,
    });
  if (after === null) {
    const op = disable("requested");
    applyRateLimit(op, "TTL", input.context, input.rateWarnings);
    return [op];
  }
  // [BC] UpdateTimeToLive + cdkd #932: off, wait an hour, on with the new attribute.
  const off = disable("sequencing");
  applyRateLimit(off, "TTL", input.context, input.rateWarnings);
  const on = makeOp({
    kind: "TTL_ATTRIBUTE_CHANGED",
    categories: ["immediate", "sequenced"],
    paths: [["ttl"]],
    summary: `TTL moves from ${before} to ${after}: turned on with the new attribute one hour after it was turned off.`,
    terraform: ttlTerraform,
    risk: "medium",
    impact: `Items whose ${after} attribute holds a past time start being deleted.`,
    sources: ["ttlAttributeSwitch", "ttlRate"],
    stage: "wait",
    title: `Turn TTL on with attribute ${after}`,
    duration: QUICK.ttl,
  });
  on.reasons.push(
    "DynamoDB accepts one TTL change per table per hour: this one must wait an hour after TTL was turned off.",
  );
  const start = off.notBefore ?? input.context.now;
  if (start) on.notBefore = new Date(Date.parse(start) + 3_600_000).toISOString();
  on.change.rateLimit = { rule: "TTL", description: "TTL: one enable or disable per hour", status: "exhausted" };
  if (on.notBefore) on.change.rateLimit.availableAt = on.notBefore;
  on.change.categories.push("rate-limited");
  return [off, on];
}

function classifyStream(input: ClassifyInput): Op[] {
  const { live, target } = input;
  const leaves = changedUnder(input, ["stream"]);
  if (leaves.length === 0) return [];
  const ops: Op[] = [];
  const whole = leaves.some((l) => l.segments.length === 1);
  if (!whole && hasChangeUnder(input, ["stream", "hasConsumer"])) {
    ops.push(
      recordOnly(
        [["stream", "hasConsumer"]],
        "Whether a consumer reads the stream is recorded (risk of later stream changes).",
      ),
    );
  }
  const settingPaths: Segments[] = whole
    ? [["stream"]]
    : [
        ["stream", "enabled"],
        ["stream", "viewType"],
      ].filter((p) => hasChangeUnder(input, p));
  if (settingPaths.length === 0) return ops;
  const before = effectiveStreamViewType(live);
  const after = effectiveStreamViewType(target);
  if (before === after) {
    ops.push(
      recordOnly(
        settingPaths,
        `The stream stays ${before ? `on (${before})` : "off"}${isGlobal(target) ? ": a global table replicates through NEW_AND_OLD_IMAGES anyway" : ""}.`,
      ),
    );
    return ops;
  }
  const consumer = live.stream?.hasConsumer === true;
  // A global table's stream cannot be turned off or changed while replicas exist.
  const afterRemoval = isGlobal(live) && !isGlobal(target);
  const stage = afterRemoval ? "after-removal" : "base";
  const title = afterRemoval ? "Change the stream once the replicas are gone" : "Update in place";
  if (before === null) {
    ops.push(
      makeOp({
        kind: "STREAM_ENABLED",
        categories: ["immediate"],
        paths: settingPaths,
        summary: `A stream is turned on (${after}).`,
        terraform: "UpdateTable StreamSpecification (enabled); a new stream ARN is created.",
        risk: "low",
        sources: ["providerGsiPhases"],
        stage,
        title,
        duration: QUICK.updateTable,
      }),
    );
    return ops;
  }
  const op = makeOp({
    kind: after === null ? "STREAM_DISABLED" : "STREAM_VIEW_TYPE_CHANGED",
    categories: afterRemoval ? ["immediate", "sequenced"] : ["immediate"],
    paths: settingPaths,
    summary:
      after === null
        ? `The stream (${before}) is turned off.`
        : `The stream's view type changes from ${before} to ${after}.`,
    terraform:
      after === null
        ? "UpdateTable StreamSpecification (disabled)."
        : "The provider turns the stream off and on again with the new view type (two UpdateTable calls): a new stream ARN.",
    risk: consumer ? "high" : "medium",
    impact: consumer
      ? "The stream's consumer (Lambda, Pipes) stops receiving records; point it at the new stream, if any. The old stream stays readable for 24 hours."
      : "Anything reading the old stream stops receiving records.",
    sources: after === null ? ["streamsForReplicas"] : ["providerStreamCycle", "streamsForReplicas"],
    stage,
    title,
    duration: QUICK.updateTable,
  });
  ops.push(op);
  return ops;
}

function classifyPitr(input: ClassifyInput): Op[] {
  const { live, target } = input;
  if (!hasChangeUnder(input, ["pointInTimeRecovery"])) return [];
  const before = live.pointInTimeRecovery;
  const after = target.pointInTimeRecovery;
  const paths = [["pointInTimeRecovery"]];
  const terraform =
    "UpdateContinuousBackups in the primary Region and in each replica that follows the table's setting.";
  if (!before.enabled && !after.enabled) {
    return [recordOnly(paths, "PITR stays off; the recovery period only counts once it is on.")];
  }
  if (before.enabled !== after.enabled) {
    return [
      makeOp({
        kind: after.enabled ? "PITR_ENABLED" : "PITR_DISABLED",
        categories: ["immediate"],
        paths,
        summary: after.enabled
          ? `Point-in-time recovery is turned on (${after.recoveryPeriodInDays} days).`
          : "Point-in-time recovery is turned off.",
        terraform,
        risk: after.enabled ? "low" : "high",
        impact: after.enabled
          ? "Restore points start now; nothing earlier can be restored."
          : "The restore window is lost; turning PITR on again starts a new one.",
        sources: ["pitr"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.pitr,
      }),
    ];
  }
  const shorter = after.recoveryPeriodInDays < before.recoveryPeriodInDays;
  return [
    makeOp({
      kind: "PITR_PERIOD_CHANGED",
      categories: ["immediate"],
      paths,
      summary: `The PITR recovery period changes from ${before.recoveryPeriodInDays} to ${after.recoveryPeriodInDays} days.`,
      terraform,
      risk: shorter ? "high" : "low",
      impact: shorter ? "Restore points older than the new period are no longer available." : undefined,
      sources: ["pitr"],
      stage: "base",
      title: "Update in place",
      duration: QUICK.pitr,
    }),
  ];
}

function classifyEncryption(input: ClassifyInput): Op[] {
  const { live, target } = input;
  const replicaKeyPaths = keptReplicas(live, target)
    .map((region) => [...replicaPath(region), "kmsKeyArn"])
    .filter((p) => hasChangeUnder(input, p));
  if (encryptionKey(live) === encryptionKey(target)) {
    return hasChangeUnder(input, ["encryption"])
      ? [recordOnly([["encryption"]], "The table keeps its encryption key.")]
      : [];
  }
  const toOwned = target.encryption.type === "AWS_OWNED";
  const manual = toOwned && MODULE_OMITS_AWS_OWNED_SSE;
  const recreatesReplicas = replicaKeyPaths.length > 0;
  const op = makeOp({
    kind: "ENCRYPTION_CHANGED",
    categories: recreatesReplicas ? ["immediate", "long-running"] : ["immediate"],
    paths: [["encryption"], ...replicaKeyPaths],
    summary: `Encryption at rest moves from ${live.encryption.type} to ${target.encryption.type}${target.encryption.kmsKeyArn ? ` (${target.encryption.kmsKeyArn})` : ""}.`,
    terraform: manual
      ? "Nothing by itself (see the instruction)."
      : `UpdateTable SSESpecification${recreatesReplicas ? " with each replica's key; the provider then removes and creates again every replica whose key changed (updateReplica)" : ""}; Terraform waits until the update shows.`,
    risk: recreatesReplicas ? "high" : "medium",
    impact: recreatesReplicas
      ? "Replicas whose key changes are deleted and copied again into their Region: they serve nothing meanwhile. The table must be able to use the new key, or it becomes inaccessible."
      : "None while the key is usable; if DynamoDB loses access to a customer-managed key the table becomes inaccessible.",
    sources: [
      "kmsSwitches",
      ...(recreatesReplicas ? (["providerReplicaRecreate"] as const) : []),
      ...(manual ? (["providerSseBlock"] as const) : []),
    ],
    stage: "base",
    title: "Update in place",
    duration: QUICK.updateTable,
    instruction: manual
      ? `Terraform will not switch the table back to an AWS owned key: the module leaves server_side_encryption out for AWS owned keys, and the provider keeps the current key when the block is missing. Switch it by hand: aws dynamodb update-table --table-name ${live.tableName} --sse-specification Enabled=false.`
      : undefined,
    touchesReplicas: recreatesReplicas,
  });
  applyRateLimit(op, "ENCRYPTION_KEY", input.context, input.rateWarnings);
  return [op];
}

function simpleToggle(
  input: ClassifyInput,
  path: Segments,
  spec: { on: Omit<Parameters<typeof makeOp>[0], "paths" | "stage" | "title" | "duration">; off: typeof spec.on },
  isOn: (r: TableRequest) => boolean,
  duration = QUICK.updateTable,
): Op[] {
  if (!hasChangeUnder(input, path)) return [];
  const chosen = isOn(input.target) ? spec.on : spec.off;
  return [makeOp({ ...chosen, paths: [path], stage: "base", title: "Update in place", duration })];
}

function classifyProtectionAndExtras(input: ClassifyInput): Op[] {
  const { live, target } = input;
  const ops: Op[] = [];
  ops.push(
    ...simpleToggle(
      input,
      ["deletionProtection"],
      {
        on: {
          kind: "DELETION_PROTECTION_ENABLED",
          categories: ["immediate"],
          summary: "Deletion protection is turned on (and on replicas that follow the table).",
          terraform: "UpdateTable DeletionProtectionEnabled=true.",
          risk: "low",
          sources: ["deletionProtection"],
        },
        off: {
          kind: "DELETION_PROTECTION_DISABLED",
          categories: ["immediate"],
          summary: "Deletion protection is turned off (and on replicas that follow the table).",
          terraform: "UpdateTable DeletionProtectionEnabled=false.",
          risk: "high",
          impact: "The table can be deleted by any principal allowed to call DeleteTable.",
          sources: ["deletionProtection"],
        },
      },
      (r) => r.deletionProtection,
    ),
    ...simpleToggle(
      input,
      ["contributorInsights"],
      {
        on: {
          kind: "CONTRIBUTOR_INSIGHTS_CHANGED",
          categories: ["immediate"],
          summary: "Contributor Insights is turned on for the table.",
          terraform: "aws_dynamodb_contributor_insights for the table is created.",
          risk: "low",
          sources: ["separateResources"],
        },
        off: {
          kind: "CONTRIBUTOR_INSIGHTS_CHANGED",
          categories: ["immediate"],
          summary: "Contributor Insights is turned off for the table.",
          terraform: "aws_dynamodb_contributor_insights for the table is destroyed.",
          risk: "low",
          sources: ["separateResources"],
        },
      },
      (r) => r.contributorInsights,
      QUICK.seconds,
    ),
  );
  if (hasChangeUnder(input, ["tags"])) {
    ops.push(
      makeOp({
        kind: "TAGS_CHANGED",
        categories: ["immediate"],
        paths: [["tags"]],
        summary: "Tags change.",
        terraform: "TagResource / UntagResource on the table (and on replicas with propagate_tags).",
        risk: "low",
        sources: ["tagging"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.seconds,
      }),
    );
  }
  if (hasChangeUnder(input, ["alarms"])) {
    const on = (r: TableRequest) => r.alarms?.enabled === true;
    ops.push(
      !on(live) && !on(target)
        ? recordOnly([["alarms"]], "Alarms stay off; only their stored settings change.")
        : makeOp({
            kind: "ALARMS_CHANGED",
            categories: ["immediate"],
            paths: [["alarms"]],
            summary: `CloudWatch alarms ${on(target) ? (on(live) ? "change" : "are added") : "are removed"}.`,
            terraform: "aws_cloudwatch_metric_alarm resources are created, updated or destroyed.",
            risk: "low",
            sources: ["separateResources"],
            stage: "base",
            title: "Update in place",
            duration: QUICK.seconds,
          }),
    );
  }
  if (hasChangeUnder(input, ["backup"])) ops.push(classifyBackup(live, target));
  const metadata = [["owner"], ["tier"], ["workload"], ["drPattern"]].filter((p) => hasChangeUnder(input, p));
  if (metadata.length > 0) {
    ops.push(
      recordOnly(
        metadata,
        "Descriptive fields change (owner, tier, workload or DR pattern): no AWS resource reads them.",
      ),
    );
  }
  return ops;
}

function classifyBackup(live: TableRequest, target: TableRequest): Op {
  const before = live.backup?.enabled ? live.backup : undefined;
  const after = target.backup?.enabled ? target.backup : undefined;
  if (!before && !after) return recordOnly([["backup"]], "AWS Backup stays off; only its stored settings change.");
  const reduced =
    (before && !after) ||
    (before?.copyRegion && !after?.copyRegion) ||
    (before && after && after.retentionDays < before.retentionDays) ||
    (before?.copyRegion &&
      after?.copyRegion &&
      (after.copyRetentionDays ?? after.retentionDays) < (before.copyRetentionDays ?? before.retentionDays));
  return makeOp({
    kind: reduced ? "BACKUP_PROTECTION_REDUCED" : "BACKUP_CHANGED",
    categories: ["immediate"],
    paths: [["backup"]],
    summary: !after
      ? "The AWS Backup plan is removed."
      : !before
        ? "An AWS Backup plan is added."
        : reduced
          ? "The AWS Backup plan keeps fewer or no cross-Region copies."
          : "The AWS Backup plan changes.",
    terraform: "The AWS Backup vault, plan and selection resources are created, updated or destroyed.",
    risk: reduced ? "high" : "low",
    impact: reduced ? "Fewer restore points, or none in another Region, once older backups expire." : undefined,
    sources: ["separateResources"],
    stage: "base",
    title: "Update in place",
    duration: QUICK.seconds,
  });
}

/** Table-level settings that change in place: class, TTL, stream, PITR, encryption, protection, extras. */
export function classifySettings(input: ClassifyInput): Op[] {
  return [
    ...classifyTableClass(input),
    ...classifyTtl(input),
    ...classifyStream(input),
    ...classifyPitr(input),
    ...classifyEncryption(input),
    ...classifyProtectionAndExtras(input),
  ];
}
