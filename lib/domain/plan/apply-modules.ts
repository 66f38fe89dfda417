import type { TableRequest } from "../request/schema";
import type { OperationPlan, PlanApply } from "./schema";

/** One apply of a multi-apply plan: the definition it starts from and the one its module renders. */
export interface ApplyModuleSpec {
  apply: PlanApply;
  total: number;
  /** What exists before this apply: the live definition for the first, the previous apply's after it. */
  from: TableRequest | null;
  /** The definition this apply's module renders (the table after the apply). */
  to: TableRequest;
}

/**
 * The module of apply `number` (1-based) of a plan: one module per apply, each rendering the table
 * as it stands after that apply and changing from the one before, so Terraform is asked for one
 * apply's worth of change at a time. The last apply renders the requested definition. Undefined
 * when the plan has no such apply. Pure.
 */
export function applyModuleSpec(
  plan: Pick<OperationPlan, "applies">,
  live: TableRequest | null,
  number: number,
): ApplyModuleSpec | undefined {
  const apply = plan.applies[number - 1];
  if (!apply) return undefined;
  const from = number === 1 ? live : (plan.applies[number - 2] as PlanApply).definition;
  return { apply, total: plan.applies.length, from, to: apply.definition };
}

/**
 * The README section that opens a per-apply module: which apply it is, its steps, what must be
 * done first, and the order. Pure.
 */
export function renderApplySection(plan: Pick<OperationPlan, "applies" | "steps">, number: number): string {
  const spec = plan.applies[number - 1];
  if (!spec) return "";
  const total = plan.applies.length;
  const steps = plan.steps.filter((s) => spec.steps.includes(s.order));
  const lines = [
    `## Apply ${number} of ${total}`,
    "",
    `This module is apply ${number} of ${total} of the operation plan below: it renders the table as it stands after ${steps.length === 1 ? "step" : "steps"} ${spec.steps.join(", ")}.`,
    number === 1
      ? "Apply it first, against the live table."
      : `Apply it only after apply ${number - 1} of ${total} finished (every index ACTIVE, every replica ACTIVE), in the same working directory and state.`,
    number < total
      ? `Then download and apply module ${number + 1} of ${total}.`
      : "It is the last apply: afterwards the table matches the approved request.",
    "",
    ...steps.map((s) => `- Step ${s.order}: ${s.title} (${s.duration.text}).`),
  ];
  if (spec.notBefore) lines.push("", `Not before ${spec.notBefore}: a DynamoDB rate-limit window (see the plan).`);
  if (spec.instruction) lines.push("", `Before this apply: ${spec.instruction}`);
  return lines.join("\n");
}

/** Adds the per-apply section to a module README (before the operation plan, else before "## Requirements"). Pure. */
export function addApplyToReadme(
  files: Record<string, string>,
  plan: Pick<OperationPlan, "applies" | "steps">,
  number: number,
): Record<string, string> {
  const readme = files["README.md"];
  if (readme === undefined) return files;
  const section = `${renderApplySection(plan, number)}\n\n`;
  const anchor = readme.includes("## Operation plan") ? "## Operation plan" : "## Requirements";
  const at = readme.indexOf(anchor);
  const next = at >= 0 ? `${readme.slice(0, at)}${section}${readme.slice(at)}` : `${readme}\n${section}`;
  return { ...files, "README.md": next };
}
