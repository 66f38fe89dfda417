import type { TableRequest } from "../request/schema";
import { buildSteps, orderSteps } from "./build-steps";
import { classifyChanges } from "./classify-changes";
import { replicaPath } from "./classify-input";
import { diffDefinitions, type Segments } from "./definition-diff";
import {
  addDurations,
  DEFAULT_ON_DEMAND_BACKFILL_WRITE_UNITS,
  duration,
  estimateReplicaCopy,
  PROVIDER_INDEX_WAIT_SECONDS,
  PROVIDER_REPLICA_WAIT_SECONDS,
} from "./durations";
import { replicaDeletionProtection } from "./effective";
import { makeOp, maxRisk, NEW_TABLE_INSTRUCTION, type Op } from "./ops";
import type { OperationPlan, PlanContext, PlannedChange, PlanStep, RiskLevel } from "./schema";
import { PLAN_SOURCES, type PlanSourceId } from "./sources";

const CREATE_DURATION = duration(
  "CreateTable with its indexes, then replicas of an empty table: minutes (our estimate; AWS::DynamoDB::GlobalTable docs: a replica of an empty table takes a few minutes).",
  0,
  15 * 60,
  "minutes",
);

const MIGRATION_INSTRUCTION =
  "Before this apply: stop writes and export the items (on-demand backup, point-in-time recovery, or export to S3). Terraform then deletes the table with every item and replica and creates it empty with the new definition. After it: copy the items into the new table and move the clients to it.";

function createPlan(requested: TableRequest): OperationPlan {
  const change: PlannedChange = {
    kind: "TABLE_CREATED",
    origin: "requested",
    categories: ["immediate"],
    paths: [""],
    summary: `Table ${requested.tableName} is created in ${requested.regions.primary}${requested.regions.replicas.length > 0 ? ` with replicas in ${requested.regions.replicas.map((r) => r.region).join(", ")}` : ""}.`,
    terraform:
      "Terraform creates aws_dynamodb_table.this (CreateTable with every index at once, then TTL, PITR and the replicas) and the module's other resources (alarms, backup plan, autoscaling, Contributor Insights).",
    risk: "low",
    available: true,
    sources: ["providerGsiPhases", "replicaAdd"],
  };
  const step: PlanStep = {
    order: 1,
    title: "Create the table",
    changes: [change],
    terraform: change.terraform,
    duration: CREATE_DURATION,
    available: true,
    separateApply: false,
    apply: 1,
    reasons: [],
  };
  return {
    kind: "create",
    risk: "low",
    summary: `Create ${requested.tableName}: one step, one apply; risk low (nothing exists yet that could be lost).`,
    requiresAcknowledgement: false,
    singleApply: true,
    steps: [step],
    applies: [{ number: 1, steps: [1], definition: requested }],
    warnings: [],
    assumptions: [],
    sources: pickSources([step]),
  };
}

/** Folds a non-destructive change into the replacement: the new table is simply created with it. */
function foldIntoReplacement(op: Op): Op {
  const change: PlannedChange = {
    ...op.change,
    categories: op.change.categories.includes("record-only") ? ["record-only"] : ["immediate"],
    terraform: "Set when the new table is created.",
    risk: "low",
    available: false,
  };
  delete change.rateLimit;
  delete change.impact;
  return { ...op, change, stage: "replace", edits: [], reasons: [], notBefore: undefined, instruction: undefined };
}

/**
 * A destructive plan: the table is replaced. Terraform does it by itself when a ForceNew argument
 * changes (name, key names, LSIs); otherwise the path is a new table by hand. A protected table
 * or replica is unprotected first, or Terraform cannot delete it.
 */
function replacementOps(live: TableRequest, target: TableRequest, ops: readonly Op[]): Op[] {
  const destructiveOps = ops.filter((op) => op.stage === "replace");
  const folded = ops
    .filter((op) => op.stage !== "replace" && op.change.origin === "requested")
    .map(foldIntoReplacement);
  const primaryMoves = destructiveOps.some((op) => op.change.kind === "PRIMARY_REGION_CHANGED");
  const byTerraform = !primaryMoves && destructiveOps.some((op) => op.change.sources.includes("providerForceNew"));
  const recreate = makeOp({
    kind: "TABLE_CREATED",
    origin: "sequencing",
    categories: ["destructive"],
    paths: [[]],
    summary: `${target.tableName} is created anew with the whole requested definition.`,
    terraform: byTerraform
      ? "After deleting the old table, Terraform creates the new one (CreateTable with every index, then TTL, PITR, replicas)."
      : "Not by Terraform on this table: see the instruction.",
    risk: "destructive",
    available: false,
    sources: ["providerForceNew"],
    stage: "replace",
    title: "Replace the table",
    duration: CREATE_DURATION,
    edits: [{ segments: [], to: "target" }],
  });
  const replace = destructiveOps.map((op, i) => {
    const copy: Op = { ...op, change: { ...op.change }, edits: [] };
    if (byTerraform) {
      copy.instruction = i === 0 ? MIGRATION_INSTRUCTION : undefined;
      if (op.instruction) copy.change.terraform = "Realised by the replacement: the new table is created with it.";
    }
    return copy;
  });
  if (!byTerraform && replace[0] && !replace.some((op) => op.instruction))
    replace[0].instruction = NEW_TABLE_INSTRUCTION;
  const replicasDuration = target.regions.replicas.map(() => estimateReplicaCopy({ tableSizeGb: 0 }));
  if (replace[0]) replace[0].duration = addDurations([CREATE_DURATION, ...replicasDuration]);
  const unlock: Op[] = [];
  const protectedPaths: Segments[] = [];
  if (live.deletionProtection) protectedPaths.push(["deletionProtection"]);
  for (const replica of live.regions.replicas) {
    if (replicaDeletionProtection(live, replica))
      protectedPaths.push([...replicaPath(replica.region), "deletionProtection"]);
  }
  if (byTerraform && protectedPaths.length > 0) {
    unlock.push(
      makeOp({
        kind: "DELETION_PROTECTION_LIFTED",
        origin: "sequencing",
        categories: ["immediate", "sequenced"],
        paths: protectedPaths,
        summary: "Deletion protection is turned off so that Terraform can delete the table for its replacement.",
        terraform: "UpdateTable DeletionProtectionEnabled=false (table and protected replicas).",
        risk: "destructive",
        sources: ["deletionProtection", "replicaDeletionProtection"],
        stage: "unlock",
        title: "Lift deletion protection",
        duration: duration(
          "One UpdateTable per protected table or replica (minutes; our estimate).",
          0,
          15 * 60,
          "minutes",
        ),
        edits: protectedPaths.map((segments) => ({ segments, to: "value" as const, value: false })),
      }),
    );
  }
  return [...unlock, ...replace, recreate, ...folded];
}

function pickSources(steps: readonly PlanStep[]): OperationPlan["sources"] {
  const ids = new Set<PlanSourceId>(steps.flatMap((s) => s.changes.flatMap((c) => c.sources)));
  return Object.fromEntries(
    [...ids].sort().map((id) => {
      const source = PLAN_SOURCES[id];
      return [id, "url" in source ? { title: source.title, url: source.url } : { title: source.title }];
    }),
  ) as OperationPlan["sources"];
}

function assumptionsFor(steps: readonly PlanStep[], target: TableRequest, context: PlanContext): string[] {
  const kinds = new Set(steps.flatMap((s) => s.changes.map((c) => c.kind)));
  const out: string[] = [];
  const builds = kinds.has("GSI_CREATED") || kinds.has("GSI_REPLACED");
  if (builds) {
    out.push(
      "Index build times follow AWS's formula (items x max(item size, 1 KB) / write units) and assume every item qualifies; a sparse index builds faster.",
    );
    if (target.billing.mode === "PAY_PER_REQUEST") {
      out.push(
        `A new on-demand index is assumed to backfill at ${context.onDemandBackfillWriteUnitsPerSecond ?? DEFAULT_ON_DEMAND_BACKFILL_WRITE_UNITS} write units per second (the starting warm throughput of a new on-demand table); AWS does not document the rate.`,
      );
    }
  }
  if (builds || kinds.has("REPLICA_ADDED") || kinds.has("REPLICA_RECREATED")) {
    out.push(
      `Terraform waits with the provider's default timeouts (${PROVIDER_INDEX_WAIT_SECONDS / 60} min per index, ${PROVIDER_REPLICA_WAIT_SECONDS / 60} min per new replica): the module sets no timeouts block. A longer wait ends the apply with a timeout while DynamoDB finishes; plan and apply again afterwards.`,
    );
  }
  return out;
}

function summarise(plan: Pick<OperationPlan, "kind" | "risk" | "steps" | "applies">): string {
  if (plan.kind === "none") return "No difference: nothing to apply.";
  const n = plan.steps.length;
  const a = plan.applies.length;
  const parts = [`${n} step${n === 1 ? "" : "s"} in ${a} appl${a === 1 ? "y" : "ies"}; risk ${plan.risk}.`];
  if (plan.risk === "destructive") parts.push("The table is replaced: its items are lost unless migrated.");
  const waits = plan.steps.filter((s) => s.notBefore);
  if (waits.length > 0)
    parts.push(`Waits for a DynamoDB rate-limit window (step ${waits.map((s) => s.order).join(", ")}).`);
  const manual = plan.steps.filter((s) => s.instruction);
  if (manual.length > 0) parts.push(`Needs a manual action (step ${manual.map((s) => s.order).join(", ")}).`);
  return parts.join(" ");
}

/**
 * The operation plan for turning `live` into `requested`: every difference classified by
 * DynamoDB's and the Terraform provider's rules, ordered into steps (what Terraform does, how
 * long, whether the table stays available, whether the step needs its own apply), the applies
 * with one intermediate definition each, and a risk level. `live === null` plans a create.
 * Pure: the same inputs give the same plan. The plan shares unchanged objects with its inputs:
 * treat both as read-only (copy before changing either).
 */
export function planTableChange(
  live: TableRequest | null,
  requested: TableRequest,
  context: PlanContext = {},
): OperationPlan {
  if (live === null) return createPlan(requested);
  const leaves = diffDefinitions(live, requested);
  if (leaves.length === 0) {
    return {
      kind: "none",
      risk: "low",
      summary: "No difference: nothing to apply.",
      requiresAcknowledgement: false,
      singleApply: true,
      steps: [],
      applies: [],
      warnings: [],
      assumptions: [],
      sources: {},
    };
  }
  const warnings: string[] = [];
  const rateWarnings: string[] = [];
  let ops = classifyChanges({ live, target: requested, leaves, context, warnings, rateWarnings });
  const destructive = ops.some((op) => op.stage === "replace");
  // A replaced table starts with fresh windows: rate limits of the old one no longer apply.
  if (destructive) ops = replacementOps(live, requested, ops);
  else warnings.push(...rateWarnings);
  const built = buildSteps(live, requested, orderSteps(ops));
  if (!built.reachesTarget) {
    warnings.push(
      "Internal: the steps' definitions do not end at the requested definition; the last apply uses it as requested.",
    );
  }
  const lastApply = built.applies[built.applies.length - 1];
  if (lastApply) lastApply.definition = requested;

  const risk: RiskLevel = maxRisk(
    ...built.steps.flatMap((s) => s.changes.map((c) => c.risk)),
    built.steps.some((s) => s.notBefore) ? "medium" : "low",
  );
  const unknownLength = built.steps.filter(
    (s) => s.changes.some((c) => c.categories.includes("long-running")) && s.duration.maxSeconds === undefined,
  );
  if (unknownLength.length > 0 && context.tableSizeGb === undefined) {
    warnings.push(
      "Index and replica durations are unknown without the table's size (tableSizeGb, itemCount): those steps are planned as applies of their own.",
    );
  }
  const plan: OperationPlan = {
    kind: "change",
    risk,
    summary: "",
    requiresAcknowledgement: risk === "destructive",
    singleApply: built.applies.length <= 1,
    steps: built.steps,
    applies: built.applies,
    warnings: [...new Set(warnings)],
    assumptions: assumptionsFor(built.steps, requested, context),
    sources: pickSources(built.steps),
  };
  plan.summary = summarise(plan);
  return plan;
}
