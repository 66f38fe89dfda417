import type { ChangeFlag } from "../diff/change-safety";
import type { TierPolicy } from "../policy/schema";
import type { Tier } from "../request/schema";
import type { ApprovalRoute, ChangeRiskLevel } from "./schema";

/**
 * Budgets and approval routing as a pure function: given the tier policy's routing rules, the
 * request's cost against what is live and its team's budget, it answers whose extra approvals the
 * request needs and why. The form shows the answer before submit, the request page and the queue
 * show it to approvers, and the server enforces it when approvals are counted.
 */

export interface RoutingFacts {
  tier: Tier;
  /** Every Region the table is (or will be) in. */
  regions: readonly string[];
  /** The request's expected monthly cost, all Regions. */
  monthlyUsd: number;
  /** What the table costs as live now: its last approved revision's estimate; 0 for a new table. */
  liveMonthlyUsd: number;
  riskLevel: ChangeRiskLevel;
  /** The team's monthly budget in USD, or null when the team has none. */
  teamBudgetUsd: number | null;
  /** The team's other managed tables (approved revisions), per month. */
  teamCommittedUsd: number;
}

export type BudgetState = "no-budget" | "within" | "near" | "over";

export interface BudgetStanding {
  budgetUsd: number | null;
  committedUsd: number;
  /** What the request adds per month (negative when it saves). */
  addsUsd: number;
  afterUsd: number;
  /** afterUsd as a percentage of the budget; null without a budget. */
  percentOfBudget: number | null;
  /** The tier's warning threshold (percent of the budget). */
  warnAtPercent: number;
  state: BudgetState;
}

export interface RoutedApproval {
  ruleId: string;
  description: string;
  role: string;
  approvals: number;
  /** Each condition that held, in words. */
  reasons: string[];
}

export interface ApprovalRouting {
  budget: BudgetStanding;
  routes: RoutedApproval[];
}

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const percent = (n: number) => `${Number(n.toFixed(1)).toLocaleString("en-US")}%`;

/** The risk of a change from its change-safety flags: losing the table outranks a rebuild. */
export function riskLevelOf(flags: readonly Pick<ChangeFlag, "kind">[]): ChangeRiskLevel {
  if (flags.some((f) => f.kind === "replacement")) return "destructive";
  if (flags.some((f) => f.kind === "rebuild")) return "high";
  if (flags.some((f) => f.kind === "protection")) return "medium";
  return "low";
}

export function assessBudget(policy: TierPolicy, facts: RoutingFacts): BudgetStanding {
  const warnAtPercent = policy.tiers[facts.tier].budgetWarnPercent;
  const addsUsd = facts.monthlyUsd - facts.liveMonthlyUsd;
  const afterUsd = facts.teamCommittedUsd + addsUsd;
  const budgetUsd = facts.teamBudgetUsd;
  if (budgetUsd === null) {
    return {
      budgetUsd,
      committedUsd: facts.teamCommittedUsd,
      addsUsd,
      afterUsd,
      percentOfBudget: null,
      warnAtPercent,
      state: "no-budget",
    };
  }
  // A zero budget is spent by any cost at all.
  const percentOfBudget = budgetUsd > 0 ? (afterUsd / budgetUsd) * 100 : afterUsd > 0 ? Infinity : 0;
  const state: BudgetState = percentOfBudget > 100 ? "over" : percentOfBudget >= warnAtPercent ? "near" : "within";
  return { budgetUsd, committedUsd: facts.teamCommittedUsd, addsUsd, afterUsd, percentOfBudget, warnAtPercent, state };
}

/** The reasons a rule holds, or null when one of its conditions does not. */
function matchRoute(route: ApprovalRoute, facts: RoutingFacts, budget: BudgetStanding): string[] | null {
  const { when } = route;
  const reasons: string[] = [];
  if (when.monthlyUsdAbove !== undefined) {
    if (!(facts.monthlyUsd > when.monthlyUsdAbove)) return null;
    reasons.push(`costs ${usd(facts.monthlyUsd)} a month, above ${usd(when.monthlyUsdAbove)}`);
  }
  if (when.deltaUsdAbove !== undefined) {
    if (!(budget.addsUsd > when.deltaUsdAbove)) return null;
    reasons.push(`adds ${usd(budget.addsUsd)} a month, above ${usd(when.deltaUsdAbove)}`);
  }
  if (when.budgetPercentAbove !== undefined) {
    if (budget.percentOfBudget === null || !(budget.percentOfBudget > when.budgetPercentAbove)) return null;
    reasons.push(
      `brings the team to ${usd(budget.afterUsd)} a month, ${Number.isFinite(budget.percentOfBudget) ? percent(budget.percentOfBudget) : "over all"} of its ${usd(budget.budgetUsd ?? 0)} budget (rule: above ${percent(when.budgetPercentAbove)})`,
    );
  }
  if (when.tiers !== undefined) {
    if (!when.tiers.includes(facts.tier)) return null;
    reasons.push(`is a ${facts.tier} table`);
  }
  if (when.riskLevels !== undefined) {
    if (!when.riskLevels.includes(facts.riskLevel)) return null;
    reasons.push(`is a ${facts.riskLevel}-risk change`);
  }
  if (when.regions !== undefined) {
    const hit = facts.regions.filter((r) => (when.regions as readonly string[]).includes(r));
    if (hit.length === 0) return null;
    reasons.push(`runs in ${hit.join(", ")}`);
  }
  return reasons;
}

/** Which routing rules hold for a request, and where its team's budget stands. */
export function routeApprovals(policy: TierPolicy, facts: RoutingFacts): ApprovalRouting {
  const budget = assessBudget(policy, facts);
  const routes: RoutedApproval[] = [];
  for (const route of policy.approvalRouting) {
    const reasons = matchRoute(route, facts, budget);
    if (!reasons) continue;
    routes.push({
      ruleId: route.id,
      description: route.description,
      role: route.require.role,
      approvals: route.require.approvals,
      reasons,
    });
  }
  return { budget, routes };
}

/** Extra approvals per role: two rules naming the same role need the larger count, not the sum. */
export function requiredRoleApprovals(routes: readonly RoutedApproval[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of routes) out[r.role] = Math.max(out[r.role] ?? 0, r.approvals);
  return out;
}
