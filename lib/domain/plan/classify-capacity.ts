import type { Capacity, TableRequest } from "../request/schema";
import { type ClassifyInput, changedUnder, gsiPath, hasChangeUnder } from "./classify-input";
import type { Segments } from "./definition-diff";
import { QUICK } from "./durations";
import { applyRateLimit, makeOp, type Op, type OpSpec } from "./ops";

type Dimension = "read" | "write";
const DIMENSIONS: readonly Dimension[] = ["read", "write"];

interface CapacityScope {
  /** `billing` for the table, `globalSecondaryIndexes.<name>.capacity` for an index. */
  prefix: Segments;
  label: string;
  index?: string;
  live: { read: Capacity; write: Capacity };
  target: { read: Capacity; write: Capacity };
}

/**
 * What a change of on-demand maximum request units is, for the table or one of its indexes: an
 * in-place UpdateTable that only throttles requests above a lowered maximum.
 */
export const ON_DEMAND_CAP_UPDATE: Pick<
  OpSpec,
  "categories" | "risk" | "impact" | "sources" | "stage" | "title" | "duration"
> = {
  categories: ["immediate"],
  risk: "low",
  impact: "Requests above a lower maximum are throttled.",
  sources: ["providerGsiPhases"],
  stage: "base",
  title: "Update in place",
  duration: QUICK.updateTable,
};

/**
 * Provisioned capacity of the table or one index: units (rate-limited when they go down),
 * autoscaling targets (separate resources), and units that autoscaling owns (Terraform ignores them).
 */
export function classifyProvisionedCapacity(input: ClassifyInput, scope: CapacityScope): Op[] {
  const ops: Op[] = [];
  const scalingPaths: Segments[] = [];
  const managedPaths: Segments[] = [];
  const unitChanges: { dim: Dimension; before: number; after: number; tookOver: boolean }[] = [];
  for (const dim of DIMENSIONS) {
    const scaling = [...scope.prefix, dim, "autoscaling"];
    if (hasChangeUnder(input, scaling)) scalingPaths.push(scaling);
    const units = [...scope.prefix, dim, "units"];
    const liveScaled = scope.live[dim].autoscaling !== undefined;
    const targetScaled = scope.target[dim].autoscaling !== undefined;
    if (targetScaled) {
      if (hasChangeUnder(input, units)) managedPaths.push(units);
    } else if (hasChangeUnder(input, units) || liveScaled) {
      // Without autoscaling Terraform sets the units; after autoscaling they may sit anywhere.
      unitChanges.push({
        dim,
        before: scope.live[dim].units,
        after: scope.target[dim].units,
        tookOver: liveScaled,
      });
    }
  }

  if (scalingPaths.length > 0) {
    const removed = DIMENSIONS.some((d) => scope.live[d].autoscaling && !scope.target[d].autoscaling);
    ops.push(
      makeOp({
        kind: "AUTOSCALING_CHANGED",
        categories: ["immediate"],
        paths: scalingPaths,
        summary: `Autoscaling of ${scope.label} changes${removed ? " (removed: Terraform manages the units again)" : ""}.`,
        terraform:
          "aws_appautoscaling_target / aws_appautoscaling_policy are created, updated or destroyed in place; the module's ignore_changes on capacity follows.",
        risk: removed ? "medium" : "low",
        sources: ["separateResources", "providerModuleIgnoreCapacity"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.seconds,
        touchesIndexes: scope.index !== undefined,
      }),
    );
  }
  if (managedPaths.length > 0) {
    ops.push(
      makeOp({
        kind: "CAPACITY_MANAGED_BY_AUTOSCALING",
        categories: ["record-only"],
        paths: managedPaths,
        summary: `Provisioned units of ${scope.label} change, but autoscaling owns them: the new value is only the starting point of a new table.`,
        terraform: "No change: the module lists this capacity in lifecycle.ignore_changes.",
        risk: "low",
        sources: ["providerModuleIgnoreCapacity"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.none,
      }),
    );
  }
  const changedUnits = unitChanges.filter((u) => u.before !== u.after || u.tookOver);
  if (changedUnits.length > 0) {
    const decreases = changedUnits.filter((u) => u.after < u.before || u.tookOver);
    const op = makeOp({
      kind: scope.index ? "GSI_CAPACITY_CHANGED" : "TABLE_CAPACITY_CHANGED",
      categories: ["immediate"],
      paths: changedUnits.map((u) => [...scope.prefix, u.dim, "units"]),
      summary: `Provisioned capacity of ${scope.label}: ${changedUnits
        .map((u) => `${u.dim} ${u.tookOver ? "(was autoscaled)" : u.before} -> ${u.after}`)
        .join(", ")}.`,
      terraform: scope.index
        ? "UpdateTable with a GlobalSecondaryIndexUpdates Update of the index's ProvisionedThroughput, in the provider's table-update phase."
        : "UpdateTable with the new ProvisionedThroughput; Terraform waits until the table is ACTIVE.",
      risk: decreases.length > 0 ? "medium" : "low",
      impact: decreases.length > 0 ? "Requests above the lower capacity are throttled." : "More throughput, more cost.",
      sources: ["capacityDecreases"],
      stage: "base",
      title: "Update in place",
      duration: QUICK.updateTable,
      touchesIndexes: scope.index !== undefined,
    });
    if (decreases.length > 0) applyRateLimit(op, "CAPACITY_DECREASE", input.context, input.rateWarnings, scope.index);
    ops.push(op);
  }
  return ops;
}

/** Index names present on both sides whose keys and projection stay (so they are updated, not rebuilt). */
export function keptIndexNames(live: TableRequest, target: TableRequest, rebuilt: ReadonlySet<string>): string[] {
  const liveNames = new Set(live.globalSecondaryIndexes.map((g) => g.name));
  return target.globalSecondaryIndexes.map((g) => g.name).filter((n) => liveNames.has(n) && !rebuilt.has(n));
}

/**
 * The billing mode and the table's own capacity or on-demand caps. A mode switch carries every
 * kept index's capacity with it (the provider sends them in the same UpdateTable).
 */
export function classifyBilling(input: ClassifyInput, keptIndexes: readonly string[]): Op[] {
  const { live, target } = input;
  if (live.billing.mode !== target.billing.mode) {
    const indexPaths = keptIndexes
      .flatMap((name) => [
        [...gsiPath(name), "capacity"],
        [...gsiPath(name), "onDemandThroughput"],
      ])
      .filter((p) => hasChangeUnder(input, p));
    const paths = [["billing"], ...indexPaths];
    if (target.billing.mode === "PAY_PER_REQUEST") {
      // [DG] switching.capacitymode: provisioned -> on-demand at most 4 times per rolling 24 h.
      const op = makeOp({
        kind: "BILLING_TO_ON_DEMAND",
        categories: ["immediate"],
        paths,
        summary: "The table and its indexes switch from provisioned capacity to on-demand.",
        terraform:
          "UpdateTable BillingMode=PAY_PER_REQUEST (indexes follow the table); Terraform waits until the table is ACTIVE; the autoscaling targets and policies are destroyed.",
        risk: "medium",
        impact: "None for clients: during the switch the table serves at its previous provisioned throughput.",
        sources: ["capacityModeSwitch", "providerGsiPhases"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.capacityModeSwitch,
      });
      applyRateLimit(op, "SWITCH_TO_ON_DEMAND", input.context, input.rateWarnings);
      return [op];
    }
    return [
      makeOp({
        kind: "BILLING_TO_PROVISIONED",
        categories: ["immediate"],
        paths,
        summary: "The table and its indexes switch from on-demand to provisioned capacity (allowed at any time).",
        terraform:
          "UpdateTable BillingMode=PROVISIONED with the table's and every index's ProvisionedThroughput; autoscaling targets are created.",
        risk: "medium",
        impact:
          "Requests above the provisioned capacity are throttled unless autoscaling keeps up: size it from the on-demand peak.",
        sources: ["capacityModeSwitch", "providerGsiPhases"],
        stage: "base",
        title: "Update in place",
        duration: QUICK.capacityModeSwitch,
      }),
    ];
  }
  if (live.billing.mode === "PROVISIONED" && target.billing.mode === "PROVISIONED") {
    return classifyProvisionedCapacity(input, {
      prefix: ["billing"],
      label: "the table",
      live: live.billing,
      target: target.billing,
    });
  }
  const caps = ["billing", "onDemandThroughput"];
  if (changedUnder(input, caps).length === 0) return [];
  return [
    makeOp({
      kind: "ON_DEMAND_THROUGHPUT_CHANGED",
      paths: [caps],
      summary: "The table's on-demand maximum read/write request units change.",
      terraform: "UpdateTable OnDemandThroughput; Terraform waits until the table is ACTIVE.",
      ...ON_DEMAND_CAP_UPDATE,
    }),
  ];
}
