import type { Replica } from "../request/schema";
import { type ClassifyInput, hasChangeUnder, replicaPath } from "./classify-input";
import type { Segments } from "./definition-diff";
import { estimateReplicaCopy, QUICK } from "./durations";
import { isGlobal, isMrec, isMrsc, replicaDeletionProtection, replicaPitr } from "./effective";
import { makeOp, NEW_TABLE_INSTRUCTION, type Op } from "./ops";

const byRegion = (replicas: readonly Replica[]) => new Map<string, Replica>(replicas.map((r) => [r.region, r]));

function destructive(
  kind: "CONSISTENCY_MODE_CHANGED" | "MRSC_REGIONS_CHANGED" | "PRIMARY_REGION_CHANGED",
  paths: Segments[],
  summary: string,
  terraform: string,
  sources: Parameters<typeof makeOp>[0]["sources"],
): Op {
  return makeOp({
    kind,
    categories: ["destructive"],
    paths,
    summary,
    terraform,
    risk: "destructive",
    available: false,
    impact: "Every item must be migrated to the new table; clients move to it.",
    sources,
    stage: "replace",
    title: "Replace the table",
    duration: QUICK.updateTable,
    instruction: NEW_TABLE_INSTRUCTION,
  });
}

/** Replica members added to or removed from the table, as paths. */
function memberPaths(input: ClassifyInput): Segments[] {
  const live = byRegion(input.live.regions.replicas);
  const target = byRegion(input.target.regions.replicas);
  return [...new Set([...live.keys(), ...target.keys()])]
    .filter((r) => live.has(r) !== target.has(r))
    .map((r) => replicaPath(r));
}

/** A protected replica must be unprotected, in an apply of its own, before it can be removed. */
function liftProtection(input: ClassifyInput, regions: readonly string[]): Op[] {
  const live = byRegion(input.live.regions.replicas);
  return regions.flatMap((region) => {
    const replica = live.get(region);
    if (!replica || !replicaDeletionProtection(input.live, replica)) return [];
    const path = [...replicaPath(region), "deletionProtection"];
    return [
      makeOp({
        kind: "DELETION_PROTECTION_LIFTED",
        origin: "sequencing",
        categories: ["immediate", "sequenced"],
        paths: [path],
        summary: `Deletion protection of the ${region} replica is turned off so that the replica can be removed.`,
        terraform:
          "UpdateTable DeletionProtectionEnabled=false in that Region (provider updateReplicaDeletionProtection).",
        risk: "high",
        sources: ["replicaDeletionProtection"],
        stage: "unlock",
        title: "Lift deletion protection",
        duration: QUICK.updateTable,
        edits: [{ segments: path, to: "value", value: false }],
        touchesReplicas: true,
      }),
    ];
  });
}

/** Multi-Region strong consistency: fixed at creation, except dropping to a single Region. */
function classifyConsistency(input: ClassifyInput): Op[] | undefined {
  const { live, target, context } = input;
  const liveStrong = isMrsc(live);
  const targetStrong = isMrsc(target);
  if (!liveStrong && !targetStrong) return undefined;
  const members = memberPaths(input);
  const witnessChanged = hasChangeUnder(input, ["regions", "witness"]);
  const modePaths = [
    ["regions", "consistency"],
    ["regions", "witness"],
  ].filter((p) => hasChangeUnder(input, p));

  if (liveStrong && targetStrong) {
    if (members.length === 0 && !witnessChanged) return undefined;
    // [BC] GlobalTableWitnessGroupUpdate: the witness is set at creation; MRSC needs exactly 3 Regions.
    return [
      destructive(
        "MRSC_REGIONS_CHANGED",
        [...modePaths, ...members],
        "The Regions of a multi-Region strongly consistent table change: an MRSC table keeps its three Regions (and witness) from its creation.",
        "Terraform would remove and add replicas; DynamoDB only adds a witness when the MRSC table is created and keeps three Regions, so the apply fails. The new layout needs a new table.",
        ["mrscWitness", "mrscFixed"],
      ),
    ];
  }
  if (liveStrong && !isGlobal(target)) {
    // [BC] GlobalTableWitnessGroupUpdate Delete: removing the witness with a replica leaves a single-Region table.
    const removed = live.regions.replicas.map((r) => r.region);
    return [
      ...liftProtection(input, removed),
      makeOp({
        kind: "MRSC_REMOVED",
        categories: ["immediate", "sequenced"],
        paths: [...modePaths, ...members],
        summary: `The table leaves multi-Region strong consistency: the replicas in ${removed.join(", ")}${live.regions.witness ? ` and the witness in ${live.regions.witness}` : ""} are removed, leaving a single-Region table.`,
        terraform:
          "UpdateTable ReplicaUpdates Delete for the replicas (with the witness); the provider waits until they are gone.",
        risk: "high",
        impact: "The data in the other Regions is deleted; the table no longer survives a Region outage with zero RPO.",
        sources: ["mrscWitness"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.updateTable,
        touchesReplicas: true,
      }),
    ];
  }
  const emptyTable = context.itemCount === 0 || context.tableSizeGb === 0;
  if (!liveStrong && !isGlobal(live) && emptyTable) {
    // [DG] (facts, MRSC): an existing table must be empty to become MRSC; the provider adds all replicas at once.
    return [
      makeOp({
        kind: "CONSISTENCY_MODE_CHANGED",
        categories: ["long-running", "sequenced"],
        paths: [...modePaths, ...members],
        summary: `The empty table becomes a multi-Region strongly consistent global table (${target.regions.replicas.map((r) => r.region).join(", ")}${target.regions.witness ? `, witness ${target.regions.witness}` : ""}).`,
        terraform:
          "createReplicas: every replica (and the witness) in one UpdateTable with MultiRegionConsistency=STRONG; the provider waits until each replica is ACTIVE.",
        risk: "medium",
        impact: "Only possible while the table has no items: a write before the apply makes DynamoDB refuse it.",
        sources: ["mrscFixed", "mrscWitness", "replicaAdd"],
        stage: "replica",
        title: "Make the table MRSC",
        duration: estimateReplicaCopy(context),
        group: "mrsc",
        touchesReplicas: true,
      }),
    ];
  }
  return [
    destructive(
      "CONSISTENCY_MODE_CHANGED",
      [...modePaths, ...members],
      `The multi-Region consistency changes from ${live.regions.consistency} to ${target.regions.consistency}: it is fixed when the global table is created${targetStrong ? ", and only an empty table can become MRSC" : ""}.`,
      "Terraform does not replace the table for this: the provider removes and re-creates each replica with the new mode and DynamoDB refuses it on a table with items, so the apply would fail part-way with replicas gone.",
      ["mrscFixed", "providerReplicaRecreate"],
    ),
  ];
}

function classifyMembers(input: ClassifyInput): Op[] {
  const { live, target, context } = input;
  const liveRegions = byRegion(live.regions.replicas);
  const targetRegions = byRegion(target.regions.replicas);
  const ops: Op[] = [];
  const removed = live.regions.replicas.filter((r) => !targetRegions.has(r.region)).map((r) => r.region);
  ops.push(...liftProtection(input, removed));
  for (const region of removed) {
    ops.push(
      makeOp({
        kind: "REPLICA_REMOVED",
        categories: ["immediate"],
        paths: [replicaPath(region)],
        summary: `The replica in ${region} is removed.`,
        terraform: "UpdateTable ReplicaUpdates Delete; the provider waits until the replica is gone.",
        risk: "high",
        impact: `The table and its data in ${region} are deleted; clients there lose it.`,
        sources: ["replicaAdd"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.updateTable,
        touchesReplicas: true,
      }),
    );
  }
  const added = target.regions.replicas.filter((r) => !liveRegions.has(r.region));
  // [DG] GlobalTables: replicas replicate through NEW_AND_OLD_IMAGES; the module turns it on with the first replica.
  const streamBefore = target.stream?.enabled ? (target.stream.viewType ?? "NEW_AND_OLD_IMAGES") : null;
  const first = added[0];
  if (first && !isGlobal(live) && isMrec(target) && streamBefore !== "NEW_AND_OLD_IMAGES") {
    ops.push(
      makeOp({
        kind: "STREAM_ENABLED_FOR_REPLICAS",
        origin: "sequencing",
        categories: ["immediate", "sequenced"],
        paths: [],
        summary: `The stream is set to NEW_AND_OLD_IMAGES before the first replica (${first.region}) is added: global tables replicate through it.`,
        terraform:
          "UpdateTable StreamSpecification in the table-update phase, before the provider creates replicas in the same apply.",
        risk: live.stream?.hasConsumer ? "high" : "low",
        impact: streamBefore
          ? "The provider turns the old stream off and a new one on: consumers must move to the new stream ARN."
          : undefined,
        sources: ["streamsForReplicas", "providerGsiPhases"],
        stage: "replica",
        title: `Add the replica in ${first.region}`,
        duration: QUICK.updateTable,
        edits: [],
        group: `replica:${first.region}`,
        touchesReplicas: true,
      }),
    );
  }
  for (const replica of added) {
    ops.push(
      makeOp({
        kind: "REPLICA_ADDED",
        categories: ["long-running", "sequenced"],
        paths: [replicaPath(replica.region)],
        summary: `A replica is added in ${replica.region}: DynamoDB copies the table into it.`,
        terraform:
          "UpdateTable ReplicaUpdates Create (one replica per call); the provider waits until the replica is ACTIVE (up to its 30 min create timeout), then sets the replica's PITR and deletion protection.",
        risk: "medium",
        impact: `The table serves as usual; the ${replica.region} replica serves once ACTIVE. Replicated writes are billed in every Region.`,
        sources: ["replicaAdd", "providerTimeouts"],
        stage: "replica",
        title: `Add the replica in ${replica.region}`,
        duration: estimateReplicaCopy(context),
        group: `replica:${replica.region}`,
        touchesReplicas: true,
      }),
    );
  }
  return ops;
}

function classifyKeptReplicas(input: ClassifyInput): Op[] {
  const { live, target, context } = input;
  const liveRegions = byRegion(live.regions.replicas);
  const tableKeyChanged =
    live.encryption.type !== target.encryption.type || live.encryption.kmsKeyArn !== target.encryption.kmsKeyArn;
  const ops: Op[] = [];
  for (const after of target.regions.replicas) {
    const before = liveRegions.get(after.region);
    if (!before) continue;
    const base = replicaPath(after.region);
    if (!hasChangeUnder(input, base)) continue;
    const recordPaths: Segments[] = [];
    if (hasChangeUnder(input, [...base, "role"])) recordPaths.push([...base, "role"]);
    if (hasChangeUnder(input, [...base, "tableClass"]) && live.tableClass === target.tableClass) {
      recordPaths.push([...base, "tableClass"]);
    }
    if (hasChangeUnder(input, [...base, "kmsKeyArn"]) && !tableKeyChanged) {
      // [TF] updateReplica: a replica key change removes the replica and creates it again.
      ops.push(
        makeOp({
          kind: "REPLICA_RECREATED",
          categories: ["long-running", "sequenced"],
          paths: [[...base, "kmsKeyArn"]],
          summary: `The ${after.region} replica's KMS key changes: the provider removes the replica and creates it again.`,
          terraform:
            "UpdateTable ReplicaUpdates Delete, then Create with the new key; the provider waits until the replica is ACTIVE.",
          risk: "high",
          impact: `The ${after.region} replica is deleted and copied again: clients there lose the table meanwhile.`,
          sources: ["providerReplicaRecreate", "replicaAdd"],
          stage: "replica",
          title: `Re-create the replica in ${after.region}`,
          duration: estimateReplicaCopy(context),
          group: `replica:${after.region}`,
          touchesReplicas: true,
        }),
      );
    }
    const settingPaths = (["pointInTimeRecovery", "deletionProtection", "propagateTags"] as const)
      .map((f) => [...base, f])
      .filter((p) => hasChangeUnder(input, p));
    if (settingPaths.length > 0) {
      const pitrOff = replicaPitr(live, before) && !replicaPitr(target, after);
      const dpOff = replicaDeletionProtection(live, before) && !replicaDeletionProtection(target, after);
      const effective =
        replicaPitr(live, before) !== replicaPitr(target, after) ||
        replicaDeletionProtection(live, before) !== replicaDeletionProtection(target, after) ||
        before.propagateTags !== after.propagateTags;
      if (!effective) recordPaths.push(...settingPaths);
      else
        ops.push(
          makeOp({
            kind: "REPLICA_SETTINGS_CHANGED",
            categories: ["immediate"],
            paths: settingPaths,
            summary: `Settings of the ${after.region} replica change (PITR ${replicaPitr(target, after) ? "on" : "off"}, deletion protection ${replicaDeletionProtection(target, after) ? "on" : "off"}, tag propagation ${after.propagateTags ? "on" : "off"}).`,
            terraform:
              "In that Region: UpdateContinuousBackups for PITR, UpdateTable for deletion protection, tag calls for propagation.",
            risk: pitrOff || dpOff ? "high" : "low",
            impact: pitrOff
              ? `The ${after.region} replica loses its restore window.`
              : dpOff
                ? `The ${after.region} replica can be deleted.`
                : undefined,
            sources: ["replicaDeletionProtection", "pitr"],
            stage: "base",
            title: "Update in place",
            duration: QUICK.pitr,
            touchesReplicas: true,
          }),
        );
    }
    if (recordPaths.length > 0) {
      ops.push(
        makeOp({
          kind: "METADATA_CHANGED",
          categories: ["record-only"],
          paths: recordPaths,
          summary: `The ${after.region} replica's description changes (role, or a setting it already had): no AWS change.`,
          terraform: "No AWS change.",
          risk: "low",
          sources: ["recordOnly"],
          stage: "base",
          title: "Update in place",
          duration: QUICK.none,
        }),
      );
    }
  }
  return ops;
}

/** The table's Regions: the primary, multi-Region consistency, the witness and each replica. */
export function classifyRegions(input: ClassifyInput): Op[] {
  const ops: Op[] = [];
  if (input.live.regions.primary !== input.target.regions.primary) {
    ops.push(
      destructive(
        "PRIMARY_REGION_CHANGED",
        [["regions", "primary"]],
        `The primary Region moves from ${input.live.regions.primary} to ${input.target.regions.primary}.`,
        "The module manages the table through the primary Region's provider: Terraform would look for the table in the new Region and, not finding it there, plan a new, empty table while the old one is left unmanaged.",
        ["primaryRegion"],
      ),
    );
  }
  const consistency = classifyConsistency(input);
  if (consistency) ops.push(...consistency);
  else ops.push(...classifyMembers(input));
  ops.push(...classifyKeptReplicas(input));
  return ops;
}
