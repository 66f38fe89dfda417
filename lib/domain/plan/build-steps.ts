import type { TableRequest } from "../request/schema";
import {
  type DefinitionShape,
  diffDefinitions,
  fromDefinitionShape,
  getAt,
  setAt,
  toDefinitionShape,
} from "./definition-diff";
import { addDurations, mayOutlast, PROVIDER_INDEX_WAIT_SECONDS, PROVIDER_REPLICA_WAIT_SECONDS } from "./durations";
import { moduleIgnoresIndexChanges } from "./effective";
import type { Op, Stage } from "./ops";
import type { PlanApply, PlanStep } from "./schema";

interface DraftStep {
  stage: Stage;
  ops: Op[];
}

/** Puts operations into ordered steps: stages in order, one step per index, per replica, per wait. */
export function orderSteps(ops: readonly Op[]): DraftStep[] {
  const steps: DraftStep[] = [];
  const together = (stage: Stage) => {
    const selected = ops.filter((op) => op.stage === stage);
    if (selected.length > 0) steps.push({ stage, ops: selected });
  };
  together("unlock");
  together("base");
  together("after-removal");
  const waits = ops
    .filter((op) => op.stage === "wait")
    .map((op, i) => ({ op, i }))
    .sort((a, b) => {
      const ta = a.op.notBefore ? Date.parse(a.op.notBefore) : Number.POSITIVE_INFINITY;
      const tb = b.op.notBefore ? Date.parse(b.op.notBefore) : Number.POSITIVE_INFINITY;
      return ta - tb || a.i - b.i;
    });
  for (const { op } of waits) steps.push({ stage: "wait", ops: [op] });
  for (const op of ops.filter((o) => o.stage === "index")) steps.push({ stage: "index", ops: [op] });
  const groups = new Map<string, Op[]>();
  for (const op of ops.filter((o) => o.stage === "replica")) {
    const key = op.group ?? op.title;
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  for (const group of groups.values()) steps.push({ stage: "replica", ops: group });
  together("replace");
  return steps;
}

/** Applies one step's edits to the working definition. */
function applyEdits(shape: DefinitionShape, ops: readonly Op[], target: DefinitionShape): DefinitionShape {
  let next = shape;
  for (const op of ops) {
    for (const edit of op.edits) {
      const value = edit.to === "target" ? getAt(target, edit.segments) : edit.value;
      next = edit.segments.length === 0 ? (value as DefinitionShape) : setAt(next, edit.segments, value);
    }
  }
  return next;
}

const INDEX_IGNORED_INSTRUCTION =
  "This revision's module lists global_secondary_index in lifecycle.ignore_changes (its indexes are autoscaled), so terraform apply skips index changes. Apply it once with that entry removed from main.tf (the module README explains), then put it back.";

function stepReasons(step: DraftStep, definition: TableRequest, all: readonly DraftStep[], index: number): string[] {
  const reasons = step.ops.flatMap((op) => op.reasons);
  const duration = addDurations(step.ops.map((op) => op.duration));
  const previous = all[index - 1];
  const hasIndexSteps = all.some((s) => s.stage === "index");
  switch (step.stage) {
    case "unlock":
      reasons.push("Protection must be off, in an apply of its own, before the protected resource can be removed.");
      break;
    case "index":
      if (mayOutlast(duration, PROVIDER_INDEX_WAIT_SECONDS)) {
        reasons.push(
          `The backfill may outlast the provider's ${PROVIDER_INDEX_WAIT_SECONDS / 60} min wait (${duration.text}): the apply would stop with a timeout while DynamoDB carries on, so nothing else shares this apply.`,
        );
      }
      if (previous && previous.stage !== "index" && previous.ops.some((op) => op.touchesReplicas)) {
        reasons.push(
          "Replica changes of the previous step finish first: in one apply the provider would change replicas after creating the index, while it may still be building in other Regions.",
        );
      }
      break;
    case "replica":
      if (hasIndexSteps) {
        reasons.push(
          "An index is built in every replica Region; replica changes wait, in an apply of their own, until the index is ACTIVE everywhere.",
        );
      }
      if (mayOutlast(duration, PROVIDER_REPLICA_WAIT_SECONDS)) {
        reasons.push(
          `The copy may outlast the provider's ${PROVIDER_REPLICA_WAIT_SECONDS / 60} min wait for a new replica (${duration.text}), so nothing else shares this apply.`,
        );
      }
      break;
    case "after-removal":
      reasons.push(
        "It needs the replicas gone: in one apply the provider would make it before removing them, and DynamoDB would refuse it.",
      );
      break;
    case "replace":
      reasons.push("The replacement runs alone, once the items are exported.");
      break;
    default:
      break;
  }
  if (step.ops.some((op) => op.touchesIndexes) && moduleIgnoresIndexChanges(definition)) {
    reasons.push("Terraform skips index changes with this module (autoscaled indexes): a manual action is needed.");
  }
  if (step.ops.some((op) => op.instruction)) reasons.push("A manual action is needed (see the instruction).");
  return [...new Set(reasons)];
}

function stepTitle(step: DraftStep): string {
  if (step.ops.length === 1 || step.stage !== "base") return (step.ops[0] as Op).title;
  if (step.ops.every((op) => op.change.categories.includes("record-only"))) return "Record the change (no AWS change)";
  return "Update in place";
}

export interface BuiltSteps {
  steps: PlanStep[];
  applies: PlanApply[];
  /** Whether the steps' definitions end exactly at the requested one (an internal check). */
  reachesTarget: boolean;
}

/**
 * Turns ordered steps into the plan's steps and applies: each step's definition is the previous
 * one with the step's edits; steps that must stand alone get an apply of their own, the others
 * share one.
 */
export function buildSteps(live: TableRequest, target: TableRequest, draft: readonly DraftStep[]): BuiltSteps {
  const targetShape = toDefinitionShape(target);
  let shape = toDefinitionShape(live);
  const steps: PlanStep[] = [];
  const definitions: TableRequest[] = [];
  draft.forEach((step, i) => {
    shape = applyEdits(shape, step.ops, targetShape);
    const definition = fromDefinitionShape(shape, [target, live]);
    definitions.push(definition);
    const reasons = stepReasons(step, definition, draft, i);
    const instructions = step.ops.map((op) => op.instruction).filter((x): x is string => x !== undefined);
    if (step.ops.some((op) => op.touchesIndexes) && moduleIgnoresIndexChanges(definition)) {
      instructions.push(INDEX_IGNORED_INSTRUCTION);
    }
    const notBefore = step.ops
      .map((op) => op.notBefore)
      .filter((x): x is string => x !== undefined)
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    const planStep: PlanStep = {
      order: i + 1,
      title: stepTitle(step),
      changes: step.ops.map((op) => op.change),
      terraform: [...new Set(step.ops.map((op) => op.change.terraform))].join(" "),
      duration: addDurations(step.ops.map((op) => op.duration)),
      available: step.ops.every((op) => op.change.available),
      separateApply: reasons.length > 0,
      apply: 0,
      reasons,
    };
    if (notBefore) planStep.notBefore = notBefore;
    if (instructions.length > 0) planStep.instruction = [...new Set(instructions)].join(" ");
    steps.push(planStep);
  });

  const applies: PlanApply[] = [];
  let current: PlanApply | undefined;
  let previousAlone = false;
  for (const step of steps) {
    if (!current || step.separateApply || previousAlone) {
      current = { number: applies.length + 1, steps: [], definition: live };
      applies.push(current);
    }
    current.steps.push(step.order);
    if (step.notBefore && !current.notBefore) current.notBefore = step.notBefore;
    if (step.instruction) current.instruction = [current.instruction, step.instruction].filter(Boolean).join(" ");
    step.apply = current.number;
    previousAlone = step.separateApply;
  }

  // Each apply ends at its last step. Definitions share unchanged parts with each other and
  // with the inputs (nothing here changes an object in place): the plan is a read-only value.
  for (const apply of applies) apply.definition = definitions[(apply.steps.at(-1) as number) - 1] as TableRequest;
  const last = definitions[definitions.length - 1];
  const reachesTarget = last === undefined ? true : diffDefinitions(last, target).length === 0;
  return { steps, applies, reachesTarget };
}
