import type { OperationPlan } from "./schema";

const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/**
 * The module README's "Operation plan" section: risk, what the plan starts from, and each step
 * with what Terraform does, how long it may take, whether the table stays available and whether
 * it needs an apply of its own, so whoever runs `terraform apply` reads the same plan the
 * approvers approved. Pure.
 */
export function renderPlanSection(plan: OperationPlan, against: string): string {
  const lines = ["## Operation plan", "", `Against ${against}. ${plan.summary}`, "", `Risk: **${plan.risk}**.`];
  if (plan.requiresAcknowledgement) {
    lines.push(
      "",
      "**Destructive:** Terraform replaces the table; every item is lost unless migrated. The requester acknowledged it with a migration note (see the change request).",
    );
  }
  if (plan.steps.length > 0) {
    lines.push(
      "",
      "| Step | What | Terraform | Duration | Table available | Own apply |",
      "|---:|---|---|---|:---:|:---:|",
      ...plan.steps.map(
        (s) =>
          `| ${s.order} | ${cell(s.title)} | ${cell(s.terraform)} | ${cell(s.duration.text)} | ${s.available ? "yes" : "no"} | ${s.separateApply ? "yes" : "no"} |`,
      ),
    );
  }
  const instructions = plan.steps.filter((s) => s.instruction);
  if (instructions.length > 0) {
    lines.push("", ...instructions.map((s) => `- Step ${s.order}: ${cell(s.instruction ?? "")}`));
  }
  if (!plan.singleApply) {
    lines.push(
      "",
      `One apply cannot do this: the plan needs ${plan.applies.length} applies, in order. Apply this module once per step marked "own apply" after the previous one finished, or split the change into one request per apply.`,
    );
  }
  for (const warning of plan.warnings) lines.push("", `- ${cell(warning)}`);
  return lines.join("\n");
}

/** Adds the plan section to a rendered module's README.md (before "## Requirements"). Pure. */
export function addPlanToReadme(
  files: Record<string, string>,
  plan: OperationPlan,
  against: string,
): Record<string, string> {
  const readme = files["README.md"];
  if (readme === undefined) return files;
  const section = `${renderPlanSection(plan, against)}\n\n`;
  const at = readme.indexOf("## Requirements");
  const next = at >= 0 ? `${readme.slice(0, at)}${section}${readme.slice(at)}` : `${readme}\n${section}`;
  return { ...files, "README.md": next };
}
