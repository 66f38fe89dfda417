import type { Segments } from "./definition-diff";
import { formatSegments } from "./definition-diff";
import { evaluateRateLimit, historyFor, type RateRule } from "./rate-limits";
import {
  type ChangeCategory,
  type ChangeKind,
  type Duration,
  type PlanContext,
  type PlannedChange,
  RISK_LEVELS,
  type RiskLevel,
} from "./schema";
import type { PlanSourceId } from "./sources";

/**
 * Where an operation falls in the plan's order:
 * unlock (lift protection) -> base (in place, together) -> after-removal (needs replicas gone) ->
 * wait (a rate-limit window) -> index (one index per step) -> replica (one replica per step);
 * a destructive plan has one `replace` step instead.
 */
export const STAGES = ["unlock", "base", "after-removal", "wait", "index", "replica", "replace"] as const;
export type Stage = (typeof STAGES)[number];

/** What to do when a destructive change cannot be made by Terraform on the existing table. */
export const NEW_TABLE_INSTRUCTION =
  "Terraform cannot make this change to the existing table. Create the requested definition as a new table (a new name, or after exporting the items and deleting this table), copy the items across (export/import, or a backup restore), move the clients, then retire the old table.";

/** How an operation moves the definition: copy a field from the requested one, or set a value. */
export type Edit = { segments: Segments; to: "target" } | { segments: Segments; to: "value"; value: unknown };

/** One classified change and how the planner places and applies it. */
export interface Op {
  change: PlannedChange;
  /** `change.paths` as segments. */
  paths: Segments[];
  stage: Stage;
  title: string;
  edits: Edit[];
  duration: Duration;
  /** Why the step holding this operation needs an apply of its own. */
  reasons: string[];
  notBefore?: string;
  instruction?: string;
  /** Operations with the same group share one step (e.g. all replicas of an MRSC table). */
  group?: string;
  /** An index operation: Terraform skips it when the module ignores index changes. */
  touchesIndexes?: boolean;
  /** A replica operation: kept apart from index builds. */
  touchesReplicas?: boolean;
}

export interface OpSpec {
  kind: ChangeKind;
  categories: ChangeCategory[];
  paths: Segments[];
  summary: string;
  terraform: string;
  risk: RiskLevel;
  sources: PlanSourceId[];
  stage: Stage;
  title: string;
  duration: Duration;
  available?: boolean;
  impact?: string;
  origin?: PlannedChange["origin"];
  edits?: Edit[];
  instruction?: string;
  group?: string;
  touchesIndexes?: boolean;
  touchesReplicas?: boolean;
}

export function makeOp(spec: OpSpec): Op {
  const change: PlannedChange = {
    kind: spec.kind,
    origin: spec.origin ?? "requested",
    categories: [...new Set(spec.categories)],
    paths: spec.paths.map(formatSegments),
    summary: spec.summary,
    terraform: spec.terraform,
    risk: spec.risk,
    available: spec.available ?? true,
    sources: [...new Set(spec.sources)],
  };
  if (spec.impact) change.impact = spec.impact;
  const op: Op = {
    change,
    paths: spec.paths.map((p) => [...p]),
    stage: spec.stage,
    title: spec.title,
    edits: spec.edits ?? spec.paths.map((segments) => ({ segments, to: "target" as const })),
    duration: spec.duration,
    reasons: [],
  };
  if (spec.instruction) op.instruction = spec.instruction;
  if (spec.group) op.group = spec.group;
  if (spec.touchesIndexes) op.touchesIndexes = true;
  if (spec.touchesReplicas) op.touchesReplicas = true;
  return op;
}

export const maxRisk = (...levels: RiskLevel[]): RiskLevel =>
  levels.reduce<RiskLevel>((a, b) => (RISK_LEVELS.indexOf(b) > RISK_LEVELS.indexOf(a) ? b : a), "low");

/**
 * Checks `op` against a DynamoDB rate limit. An exhausted window moves the operation to a step
 * of its own after the window reopens; an unknown history is reported as a warning.
 */
export function applyRateLimit(op: Op, rule: RateRule, context: PlanContext, warnings: string[], index?: string): void {
  const limit = evaluateRateLimit(rule, historyFor(context, rule, index), context.now);
  op.change.rateLimit = limit;
  if (!op.change.categories.includes("rate-limited")) op.change.categories.push("rate-limited");
  op.change.risk = maxRisk(op.change.risk, "medium");
  if (limit.status === "exhausted") {
    op.stage = "wait";
    op.reasons.push(
      `DynamoDB allows ${limit.description}; that window is used up${limit.availableAt ? ` until ${limit.availableAt}` : ""}.`,
    );
    if (limit.availableAt) op.notBefore = limit.availableAt;
    op.title = `Wait for the window, then: ${op.title.charAt(0).toLowerCase()}${op.title.slice(1)}`;
  } else if (limit.status === "unknown") {
    const what = index ? `${limit.description} (index ${index})` : limit.description;
    warnings.push(
      `${what}: no recent history${context.now ? "" : " or current time"} was given, so the window may already be used up; DynamoDB would then reject the apply.`,
    );
  }
}
