import type { CostEstimate } from "../cost/types";
import type { DrPreview } from "../dr/types";
import { renderPlanSection } from "../plan/readme-section";
import type { OperationPlan } from "../plan/schema";

export interface PullRequestFacts {
  key: string;
  title: string;
  revision: number;
  tableName: string;
  team: string;
  tier: string;
  requester: string;
  modulePath: string;
  cost: CostEstimate | null;
  dr: DrPreview | null;
  plan: OperationPlan | null;
  /** What the plan was computed against, e.g. "TW-5@2" or null for a new table. */
  planBaseline: string | null;
  /** The request's page in the portal. */
  portalUrl: string;
}

const usd = (value: number) => `$${value.toFixed(2)}`;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** "TW-12: carts-dev (revision 1)": names the request, the table and the approved revision. */
export function renderPullRequestTitle(facts: Pick<PullRequestFacts, "key" | "tableName" | "revision">): string {
  return `${facts.key}: DynamoDB table ${facts.tableName} (revision ${facts.revision})`;
}

/**
 * The pull request's description: what was approved (summary, monthly cost per Region, DR
 * pattern, the operation plan for a change) and a link back, so reviewers of the infrastructure
 * repository see what the approvers saw without opening the portal. Pure, deterministic markdown.
 */
export function renderPullRequestBody(facts: PullRequestFacts): string {
  const lines = [
    `Approved in Tablewright: [${facts.key}](${facts.portalUrl}), revision ${facts.revision}.`,
    "",
    "| | |",
    "|---|---|",
    `| Request | ${cell(facts.title)} |`,
    `| Table | \`${facts.tableName}\` |`,
    `| Team | ${cell(facts.team)} |`,
    `| Tier | ${facts.tier} |`,
    `| Requested by | ${cell(facts.requester)} |`,
    `| Module | \`${facts.modulePath}\` |`,
  ];
  if (facts.cost) {
    lines.push(
      "",
      "## Monthly cost",
      "",
      "| Region | Role | USD per month |",
      "|---|---|---:|",
      ...facts.cost.regions.map((r) => `| ${r.region} | ${r.role ?? ""} | ${usd(r.monthlyUsd)} |`),
      `| **Total** | | **${usd(facts.cost.totalMonthlyUsd)}** |`,
      "",
      `Prices as of ${facts.cost.pricesAsOf} (${cell(facts.cost.priceSource)}).`,
    );
  }
  if (facts.dr) {
    lines.push(
      "",
      "## Disaster recovery",
      "",
      `**${cell(facts.dr.name)}**: ${cell(facts.dr.summary)}`,
      "",
      `Survives the loss of the primary Region: ${facts.dr.survivesRegionLoss ? "yes" : "no"}.`,
    );
  }
  if (facts.plan) {
    lines.push("", renderPlanSection(facts.plan, facts.planBaseline ?? "nothing (a new table)"));
  }
  lines.push(
    "",
    "---",
    `The files under \`${facts.modulePath}\` are byte for byte the approved bundle (see \`manifest.json\` for each file's SHA-256). Edit the request in Tablewright rather than this branch.`,
  );
  return `${lines.join("\n")}\n`;
}
