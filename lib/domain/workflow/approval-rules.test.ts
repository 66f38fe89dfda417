import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../policy/default-policy";
import { requiredApprovalsFor } from "./approval-rules";
import { decideTransition, type WorkflowState } from "./state-machine";

const prod = { requiredApprovals: 2, approvalsByRisk: { low: 1 } };
const dev = { requiredApprovals: 1 };

describe("requiredApprovalsFor", () => {
  it.each([
    ["prod create (no change risk)", prod, undefined, 2, false],
    ["prod low change: the policy lets it pass with one", prod, "low", 1, false],
    ["prod medium change: undeclared, the tier's count", prod, "medium", 2, false],
    ["prod high change", prod, "high", 2, false],
    ["prod destructive: the tier's count and the platform role", prod, "destructive", 2, true],
    ["dev destructive: the platform role even in dev", dev, "destructive", 1, true],
    [
      "a declaration cannot lower a destructive change below the tier",
      { requiredApprovals: 2, approvalsByRisk: { destructive: 1 } },
      "destructive",
      2,
      true,
    ],
    [
      "a declaration may raise a destructive change",
      { requiredApprovals: 1, approvalsByRisk: { destructive: 3 } },
      "destructive",
      3,
      true,
    ],
    ["a declaration may raise high", { requiredApprovals: 1, approvalsByRisk: { high: 2 } }, "high", 2, false],
  ] as const)("%s", (_, rules, risk, approvals, platformRoleRequired) => {
    expect(requiredApprovalsFor(rules, risk)).toEqual({ approvals, platformRoleRequired });
  });

  it("the checked-in policy lets low-risk prod changes pass with one approval", () => {
    expect(requiredApprovalsFor(DEFAULT_TIER_POLICY.tiers.prod, "low").approvals).toBe(1);
    expect(requiredApprovalsFor(DEFAULT_TIER_POLICY.tiers.prod, undefined).approvals).toBe(2);
    expect(requiredApprovalsFor(DEFAULT_TIER_POLICY.tiers.dev, "destructive")).toEqual({
      approvals: 1,
      platformRoleRequired: true,
    });
  });
});

describe("decideTransition with a destructive plan", () => {
  const state: WorkflowState = {
    status: "SUBMITTED",
    teamId: "payments",
    requesterId: "dev",
    currentRevision: 2,
    revisionAuthorIds: ["dev"],
    approverIds: [],
    requiredApprovals: 1,
    platformRoleRequired: true,
  };

  it("approves when the approver holds the platform role", () => {
    const result = decideTransition(state, {
      action: "APPROVE",
      actor: { id: "ann", role: "PLATFORM_APPROVER", teamIds: [] },
      revisionNumber: 2,
    });
    expect(result).toMatchObject({ ok: true, to: "APPROVED" });
  });

  it("refuses anyone else, naming the rule", () => {
    const result = decideTransition(state, {
      action: "APPROVE",
      actor: { id: "lead", role: "TEAM_LEAD", teamIds: ["payments"] },
      revisionNumber: 2,
    });
    expect(result.ok).toBe(false);
  });
});
