import type { GlobalSecondaryIndex } from "../request/schema";
import { classifyProvisionedCapacity, ON_DEMAND_CAP_UPDATE } from "./classify-capacity";
import { type ClassifyInput, gsiPath, hasChangeUnder } from "./classify-input";
import { estimateIndexBuild, QUICK } from "./durations";
import { makeOp, type Op } from "./ops";

const sorted = (names: readonly string[] | undefined) => JSON.stringify([...(names ?? [])].sort());

/** True when DynamoDB cannot update the index in place: its keys or projection change ([TF] updateDiffGSI). */
export function indexNeedsRebuild(before: GlobalSecondaryIndex, after: GlobalSecondaryIndex): boolean {
  return (
    JSON.stringify(before.partitionKey) !== JSON.stringify(after.partitionKey) ||
    JSON.stringify(before.sortKey) !== JSON.stringify(after.sortKey) ||
    before.projection.type !== after.projection.type ||
    sorted(before.projection.nonKeyAttributes) !== sorted(after.projection.nonKeyAttributes)
  );
}

export function rebuiltIndexNames(input: ClassifyInput): Set<string> {
  const live = new Map(input.live.globalSecondaryIndexes.map((g) => [g.name, g]));
  return new Set(
    input.target.globalSecondaryIndexes
      .filter((g) => {
        const before = live.get(g.name);
        return before !== undefined && indexNeedsRebuild(before, g);
      })
      .map((g) => g.name),
  );
}

const CREATE_TERRAFORM =
  "UpdateTable with one GlobalSecondaryIndexUpdates Create (one index per call); the provider waits until the index is ACTIVE (each wait up to its 60 min update timeout), one index after another.";

/**
 * Global secondary indexes, by name: created (backfilled, one per UpdateTable), deleted, rebuilt
 * (keys or projection change: delete then create), or updated in place (capacity, on-demand caps,
 * Contributor Insights).
 */
export function classifyIndexes(input: ClassifyInput, rebuilt: ReadonlySet<string>): Op[] {
  const { live, target, context } = input;
  const liveByName = new Map(live.globalSecondaryIndexes.map((g) => [g.name, g]));
  const targetByName = new Map(target.globalSecondaryIndexes.map((g) => [g.name, g]));
  const ops: Op[] = [];
  const onDemand = target.billing.mode === "PAY_PER_REQUEST";
  const buildSources = onDemand
    ? (["updateTableOneOperation", "gsiBackfill", "onDemandWarmThroughput", "providerGsiPhases"] as const)
    : (["updateTableOneOperation", "gsiBackfill", "providerGsiPhases"] as const);

  for (const gsi of live.globalSecondaryIndexes) {
    if (targetByName.has(gsi.name)) continue;
    ops.push(
      makeOp({
        kind: "GSI_DELETED",
        categories: ["immediate", "sequenced"],
        paths: [gsiPath(gsi.name)],
        summary: `Index ${gsi.name} is deleted.`,
        terraform:
          "UpdateTable with a GlobalSecondaryIndexUpdates Delete, one index per call, before any other table change (provider phase 1).",
        risk: "high",
        impact: `Queries on ${gsi.name} fail from the moment its deletion starts.`,
        sources: ["updateTableOneOperation", "providerGsiPhases"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.indexDelete,
        touchesIndexes: true,
      }),
    );
  }

  // Rebuilt indexes first, so they are unavailable as briefly as possible; then new ones in request order.
  const rebuilds = target.globalSecondaryIndexes.filter((g) => rebuilt.has(g.name));
  const creates = target.globalSecondaryIndexes.filter((g) => !liveByName.has(g.name));
  for (const gsi of rebuilds) {
    ops.push(
      makeOp({
        kind: "GSI_DELETED_FOR_REPLACEMENT",
        origin: "sequencing",
        categories: ["immediate", "sequenced"],
        paths: [gsiPath(gsi.name)],
        summary: `Index ${gsi.name} is deleted so that it can be built again with its new keys or projection.`,
        terraform: "UpdateTable with a GlobalSecondaryIndexUpdates Delete (provider phase 1).",
        risk: "high",
        impact: `Queries on ${gsi.name} fail until it is rebuilt.`,
        sources: ["providerGsiRecreate", "updateTableOneOperation"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.indexDelete,
        edits: [{ segments: gsiPath(gsi.name), to: "value", value: undefined }],
        touchesIndexes: true,
      }),
    );
  }
  for (const gsi of [...rebuilds, ...creates]) {
    const isRebuild = rebuilt.has(gsi.name);
    ops.push(
      makeOp({
        kind: isRebuild ? "GSI_REPLACED" : "GSI_CREATED",
        categories: ["long-running", "sequenced"],
        paths: [gsiPath(gsi.name)],
        summary: isRebuild
          ? `Index ${gsi.name} is built again: its keys or projection change, which DynamoDB cannot do in place.`
          : `Index ${gsi.name} is created and backfilled from the table.`,
        terraform: CREATE_TERRAFORM,
        risk: isRebuild ? "high" : "medium",
        impact: isRebuild
          ? `Queries on ${gsi.name} fail until it is ACTIVE again; the table serves as usual.`
          : `The table serves as usual; queries on ${gsi.name} work once it is ACTIVE; the backfill shares the index's write capacity with live writes.`,
        sources: isRebuild ? ["providerGsiRecreate", ...buildSources] : [...buildSources],
        stage: "index",
        title: `${isRebuild ? "Rebuild" : "Create"} index ${gsi.name}`,
        duration: estimateIndexBuild(gsi, target, context),
        touchesIndexes: true,
      }),
    );
  }

  for (const gsi of target.globalSecondaryIndexes) {
    const before = liveByName.get(gsi.name);
    if (!before || rebuilt.has(gsi.name)) continue;
    const base = gsiPath(gsi.name);
    if (hasChangeUnder(input, [...base, "contributorInsights"])) {
      ops.push(
        makeOp({
          kind: "GSI_CONTRIBUTOR_INSIGHTS_CHANGED",
          categories: ["immediate"],
          paths: [[...base, "contributorInsights"]],
          summary: `Contributor Insights on index ${gsi.name} is turned ${gsi.contributorInsights ? "on" : "off"}.`,
          terraform: "aws_dynamodb_contributor_insights for the index is created or destroyed.",
          risk: "low",
          sources: ["separateResources"],
          stage: "base",
          title: "Update in place",
          duration: QUICK.seconds,
        }),
      );
    }
    // A billing-mode switch carries the index's capacity with it (classifyBilling).
    if (live.billing.mode !== target.billing.mode) continue;
    if (target.billing.mode === "PROVISIONED" && before.capacity && gsi.capacity) {
      ops.push(
        ...classifyProvisionedCapacity(input, {
          prefix: [...base, "capacity"],
          label: `index ${gsi.name}`,
          index: gsi.name,
          live: before.capacity,
          target: gsi.capacity,
        }),
      );
    }
    if (target.billing.mode === "PAY_PER_REQUEST" && hasChangeUnder(input, [...base, "onDemandThroughput"])) {
      ops.push(
        makeOp({
          kind: "GSI_ON_DEMAND_THROUGHPUT_CHANGED",
          paths: [[...base, "onDemandThroughput"]],
          summary: `On-demand maximum request units of index ${gsi.name} change.`,
          terraform: "UpdateTable with a GlobalSecondaryIndexUpdates Update of the index's OnDemandThroughput.",
          ...ON_DEMAND_CAP_UPDATE,
          touchesIndexes: true,
        }),
      );
    }
  }
  return ops;
}
