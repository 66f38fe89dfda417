import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { type TierPolicy, TierPolicySchema } from "../policy/schema";
import { assessBudget, type RoutingFacts, requiredRoleApprovals, riskLevelOf, routeApprovals } from "./route-approvals";

const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  tier: "staging",
  regions: ["us-east-1"],
  monthlyUsd: 100,
  liveMonthlyUsd: 0,
  riskLevel: "low",
  teamBudgetUsd: 1000,
  teamCommittedUsd: 850,
  ...over,
});

const withRoutes = (approvalRouting: unknown[]): TierPolicy =>
  TierPolicySchema.parse({ ...DEFAULT_TIER_POLICY, approvalRouting });

describe("team budget standing", () => {
  it.each([
    // committed, request, live, budget -> state, percent
    [100, 50, 0, 1000, "within", 15],
    [750, 50, 0, 1000, "near", 80], // the tier's 80% threshold is reached at exactly 80
    [900, 150, 0, 1000, "over", 105],
    [900, 150, 100, 1000, "near", 95], // a revision adds only its difference to what is live
    [900, 50, 0, null, "no-budget", null],
  ] as const)("committed %d + request %d (live %d) against %s", (committed, request, live, budget, state, pct) => {
    const b = assessBudget(
      DEFAULT_TIER_POLICY,
      facts({ teamCommittedUsd: committed, monthlyUsd: request, liveMonthlyUsd: live, teamBudgetUsd: budget }),
    );
    expect(b.state).toBe(state);
    expect(b.percentOfBudget).toBe(pct);
    expect(b.afterUsd).toBe(committed + request - live);
  });

  it("a zero budget is over with any cost", () => {
    expect(
      assessBudget(DEFAULT_TIER_POLICY, facts({ teamBudgetUsd: 0, teamCommittedUsd: 0, monthlyUsd: 1 })).state,
    ).toBe("over");
  });
});

describe("approval routing rules", () => {
  it("the shipped policy routes a request that takes its team over budget to a budget approver", () => {
    const over = routeApprovals(DEFAULT_TIER_POLICY, facts({ teamCommittedUsd: 950, monthlyUsd: 100 }));
    expect(over.routes).toEqual([
      expect.objectContaining({ ruleId: "over-team-budget", role: "BUDGET_APPROVER", approvals: 1 }),
    ]);
    expect(over.routes[0]?.reasons[0]).toContain("$1,050.00 a month, 105% of its $1,000.00 budget");
    expect(routeApprovals(DEFAULT_TIER_POLICY, facts({ teamCommittedUsd: 850, monthlyUsd: 100 })).routes).toEqual([]);
    // No budget: never routed for budget, never silently "over".
    expect(routeApprovals(DEFAULT_TIER_POLICY, facts({ teamBudgetUsd: null, monthlyUsd: 1e6 })).routes).toEqual([]);
  });

  it("every condition of a rule must hold (cost, delta, tier, risk, Regions)", () => {
    const policy = withRoutes([
      {
        id: "big-prod-eu",
        description: "Large prod changes in Europe",
        when: {
          monthlyUsdAbove: 500,
          deltaUsdAbove: 100,
          tiers: ["prod"],
          riskLevels: ["high", "destructive"],
          regions: ["eu-west-1"],
        },
        require: { role: "ADMIN", approvals: 2 },
      },
    ]);
    const hit = facts({
      tier: "prod",
      monthlyUsd: 600,
      liveMonthlyUsd: 400,
      riskLevel: "high",
      regions: ["us-east-1", "eu-west-1"],
    });
    const routed = routeApprovals(policy, hit).routes;
    expect(routed).toHaveLength(1);
    expect(routed[0]?.reasons).toEqual([
      "costs $600.00 a month, above $500.00",
      "adds $200.00 a month, above $100.00",
      "is a prod table",
      "is a high-risk change",
      "runs in eu-west-1",
    ]);
    for (const miss of [
      { monthlyUsd: 500 },
      { liveMonthlyUsd: 550 },
      { tier: "staging" as const },
      { riskLevel: "medium" as const },
      { regions: ["us-east-1"] },
    ]) {
      expect(routeApprovals(policy, { ...hit, ...miss }).routes).toEqual([]);
    }
  });

  it("two rules for one role need the larger count, not the sum", () => {
    const policy = withRoutes([
      { id: "a", description: "a", when: { monthlyUsdAbove: 10 }, require: { role: "BUDGET_APPROVER", approvals: 1 } },
      { id: "b", description: "b", when: { tiers: ["staging"] }, require: { role: "BUDGET_APPROVER", approvals: 2 } },
      { id: "c", description: "c", when: { regions: ["us-east-1"] }, require: { role: "ADMIN" } },
    ]);
    expect(requiredRoleApprovals(routeApprovals(policy, facts()).routes)).toEqual({ BUDGET_APPROVER: 2, ADMIN: 1 });
  });

  it("refuses a rule without conditions and an unknown role", () => {
    expect(() => withRoutes([{ id: "x", description: "x", when: {}, require: { role: "BUDGET_APPROVER" } }])).toThrow(
      /at least one condition/,
    );
    expect(() =>
      withRoutes([{ id: "x", description: "x", when: { tiers: ["dev"] }, require: { role: "CFO" } }]),
    ).toThrow();
  });
});

describe("risk level of a change", () => {
  it.each([
    [[], "low"],
    [[{ kind: "protection" }], "medium"],
    [[{ kind: "protection" }, { kind: "rebuild" }], "high"],
    [[{ kind: "rebuild" }, { kind: "replacement" }], "destructive"],
  ] as const)("%j is %s", (flags, level) => {
    expect(riskLevelOf(flags)).toBe(level);
  });
});
