/** The operation planner: what it takes, by DynamoDB's and Terraform's rules, to change a live table. */
export { type DefinitionLeaf, diffDefinitions, formatSegments } from "./definition-diff";
export { planTableChange } from "./plan-table-change";
export { evaluateRateLimit, RATE_RULES, type RateRule } from "./rate-limits";
export {
  CHANGE_CATEGORIES,
  CHANGE_KINDS,
  type ChangeCategory,
  type ChangeKind,
  type Duration,
  DurationSchema,
  type OperationPlan,
  OperationPlanSchema,
  type PlanApply,
  PlanApplySchema,
  type PlanContext,
  PlanContextSchema,
  type PlannedChange,
  PlannedChangeSchema,
  type PlanStep,
  PlanStepSchema,
  type RateLimit,
  RateLimitSchema,
  RISK_LEVELS,
  type RiskLevel,
  RiskLevelSchema,
} from "./schema";

import { RISK_LEVELS, type RiskLevel } from "./schema";

export { PLAN_SOURCES, type PlanSource, type PlanSourceId } from "./sources";

/** Whether a stored string is a risk level (risk columns are plain strings, "" for none). */
export function isRiskLevel(value: string): value is RiskLevel {
  return (RISK_LEVELS as readonly string[]).includes(value);
}

/** True when a change path (as in `PlannedChange.paths`) covers a field path of the same notation. */
export function pathCovers(changePath: string, fieldPath: string): boolean {
  if (changePath === "") return true;
  if (fieldPath === changePath) return true;
  return fieldPath.startsWith(`${changePath}.`) || fieldPath.startsWith(`${changePath}[`);
}
export { type ApplyModuleSpec, addApplyToReadme, applyModuleSpec, renderApplySection } from "./apply-modules";
export { addPlanToReadme, renderPlanSection } from "./readme-section";
