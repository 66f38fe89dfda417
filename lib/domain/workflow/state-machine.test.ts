import { describe, expect, it } from "vitest";
import {
  availableActions,
  type ChangeRequestStatus,
  countApprovals,
  decideTransition,
  isFourEyesBlocked,
  type TransitionInput,
  type WorkflowActor,
  type WorkflowState,
} from "./state-machine";

const dev: WorkflowActor = { id: "dev", role: "DEVELOPER", teamIds: ["payments"] };
const otherDev: WorkflowActor = { id: "other", role: "DEVELOPER", teamIds: ["search"] };
const approver: WorkflowActor = { id: "ann", role: "PLATFORM_APPROVER", teamIds: [] };
const approver2: WorkflowActor = { id: "bob", role: "PLATFORM_APPROVER", teamIds: [] };
const admin: WorkflowActor = { id: "root", role: "ADMIN", teamIds: [] };

function state(status: ChangeRequestStatus, extra: Partial<WorkflowState> = {}): WorkflowState {
  return {
    status,
    teamId: "payments",
    requesterId: "dev",
    currentRevision: 1,
    revisionAuthorIds: ["dev"],
    approverIds: [],
    requiredApprovals: 1,
    ...extra,
  };
}

const act = (s: WorkflowState, input: TransitionInput) => decideTransition(s, input);

describe("decideTransition", () => {
  it.each([
    ["SUBMIT", "DRAFT", dev, "SUBMITTED"],
    ["REVISE", "DRAFT", dev, "DRAFT"],
    ["REVISE", "SUBMITTED", dev, "SUBMITTED"],
    ["REVISE", "CHANGES_REQUESTED", dev, "SUBMITTED"],
    ["WITHDRAW", "DRAFT", dev, "WITHDRAWN"],
    ["WITHDRAW", "SUBMITTED", dev, "WITHDRAWN"],
    ["WITHDRAW", "CHANGES_REQUESTED", dev, "WITHDRAWN"],
    ["APPROVE", "SUBMITTED", approver, "APPROVED"],
    ["REJECT", "SUBMITTED", approver, "REJECTED"],
    ["REQUEST_CHANGES", "SUBMITTED", approver, "CHANGES_REQUESTED"],
  ] as const)("%s from %s by %s goes to %s", (action, from, actor, to) => {
    const result = act(state(from), { action, actor, reason: "because", revisionNumber: 1 });
    expect(result).toMatchObject({ ok: true, from, to });
  });

  it.each([
    ["SUBMIT", "SUBMITTED"],
    ["SUBMIT", "APPROVED"],
    ["REVISE", "APPROVED"],
    ["REVISE", "REJECTED"],
    ["REVISE", "WITHDRAWN"],
    ["WITHDRAW", "APPROVED"],
    ["WITHDRAW", "REJECTED"],
  ] as const)("%s from %s is refused", (action, from) => {
    expect(act(state(from), { action, actor: dev })).toMatchObject({ ok: false, code: "TRANSITION_NOT_ALLOWED" });
  });

  it.each(["APPROVE", "REJECT", "REQUEST_CHANGES"] as const)("%s is refused outside SUBMITTED", (action) => {
    for (const from of ["DRAFT", "CHANGES_REQUESTED", "APPROVED", "REJECTED", "WITHDRAWN"] as const) {
      expect(act(state(from), { action, actor: approver, reason: "r", revisionNumber: 1 })).toMatchObject({
        ok: false,
        code: "TRANSITION_NOT_ALLOWED",
      });
    }
  });

  it("only the platform role decides", () => {
    const r = act(state("SUBMITTED"), { action: "APPROVE", actor: dev, revisionNumber: 1 });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("nobody decides on their own request, or on a revision they wrote", () => {
    const own = state("SUBMITTED", { requesterId: "ann" });
    expect(act(own, { action: "APPROVE", actor: approver, revisionNumber: 1 })).toMatchObject({ code: "FOUR_EYES" });
    const revisedByAnn = state("SUBMITTED", { revisionAuthorIds: ["dev", "ann"] });
    expect(act(revisedByAnn, { action: "REJECT", actor: approver, reason: "x" })).toMatchObject({ code: "FOUR_EYES" });
    // Ann wrote revision 2; someone else re-saved it unchanged as revision 3: Ann still may not decide.
    const resavedAfterAnn = state("SUBMITTED", { currentRevision: 3, revisionAuthorIds: ["dev", "ann", "dev"] });
    expect(act(resavedAfterAnn, { action: "APPROVE", actor: approver, revisionNumber: 3 })).toMatchObject({
      code: "FOUR_EYES",
    });
    const adminOwn = state("SUBMITTED", { requesterId: "root" });
    expect(act(adminOwn, { action: "APPROVE", actor: admin, revisionNumber: 1 })).toMatchObject({ code: "FOUR_EYES" });
  });

  it.each([
    ["the approver asked for it", state("SUBMITTED", { requesterId: "ann" }), approver, true],
    ["the approver wrote a revision", state("SUBMITTED", { revisionAuthorIds: ["dev", "ann"] }), approver, true],
    ["someone else's request", state("SUBMITTED"), approver, false],
    ["a draft of their own (nothing to decide yet)", state("DRAFT", { requesterId: "ann" }), approver, false],
    ["a developer on their own request (not an approver)", state("SUBMITTED"), dev, false],
  ] as const)("isFourEyesBlocked when %s", (_name, s, actor, blocked) => {
    expect(isFourEyesBlocked(s, actor)).toBe(blocked);
    // It explains exactly the refusal the transition gives an approver.
    if (blocked) expect(act(s, { action: "APPROVE", actor, revisionNumber: 1 })).toMatchObject({ code: "FOUR_EYES" });
  });

  it("a rejection or a request for changes needs a reason", () => {
    for (const action of ["REJECT", "REQUEST_CHANGES"] as const) {
      for (const reason of [undefined, "", "   "]) {
        expect(act(state("SUBMITTED"), { action, actor: approver, reason })).toMatchObject({ code: "REASON_REQUIRED" });
      }
    }
  });

  it("an approval approves exactly the revision the approver reviewed", () => {
    const s = state("SUBMITTED", { currentRevision: 2 });
    expect(act(s, { action: "APPROVE", actor: approver, revisionNumber: 1 })).toMatchObject({
      ok: false,
      code: "VERSION_CONFLICT",
    });
    expect(act(s, { action: "APPROVE", actor: approver, revisionNumber: 2 })).toMatchObject({ ok: true });
  });

  it("two approvals when the tier policy requires them, from two different people", () => {
    const s = state("SUBMITTED", { requiredApprovals: 2 });
    expect(act(s, { action: "APPROVE", actor: approver, revisionNumber: 1 })).toMatchObject({
      ok: true,
      to: "SUBMITTED",
      approvalsAfter: 1,
    });
    const once = { ...s, approverIds: ["ann"] };
    expect(act(once, { action: "APPROVE", actor: approver, revisionNumber: 1 })).toMatchObject({ code: "CONFLICT" });
    expect(act(once, { action: "APPROVE", actor: approver2, revisionNumber: 1 })).toMatchObject({
      ok: true,
      to: "APPROVED",
      approvalsAfter: 2,
    });
  });

  it("a new revision of a submitted request clears earlier approvals", () => {
    const r = act(state("SUBMITTED", { approverIds: ["ann"], requiredApprovals: 2 }), { action: "REVISE", actor: dev });
    expect(r).toMatchObject({ ok: true, to: "SUBMITTED", clearsApprovals: true, approvalsAfter: 0 });
  });

  it("developers cannot see or change other teams' requests", () => {
    expect(act(state("DRAFT"), { action: "SUBMIT", actor: otherDev })).toMatchObject({ code: "NOT_FOUND" });
    expect(act(state("SUBMITTED"), { action: "REVISE", actor: approver })).toMatchObject({ code: "FORBIDDEN" });
  });

  it("records the live check result on approved requests only", () => {
    expect(act(state("APPROVED"), { action: "RECORD_VERIFICATION", actor: dev, verified: true })).toMatchObject({
      to: "VERIFIED",
    });
    expect(act(state("VERIFIED"), { action: "RECORD_VERIFICATION", actor: dev, verified: false })).toMatchObject({
      to: "DRIFTED",
    });
    expect(act(state("SUBMITTED"), { action: "RECORD_VERIFICATION", actor: dev, verified: true })).toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
    });
  });
});

describe("availableActions", () => {
  it("offers the requester submit, revise and withdraw on a draft, and an approver the decisions", () => {
    expect(availableActions(state("DRAFT"), dev)).toEqual(["SUBMIT", "REVISE", "WITHDRAW"]);
    expect(availableActions(state("SUBMITTED"), approver)).toEqual(["APPROVE", "REJECT", "REQUEST_CHANGES"]);
    expect(availableActions(state("SUBMITTED"), otherDev)).toEqual([]);
  });
});

describe("approvals routed to another role (tier policy approval routing)", () => {
  const budget: WorkflowActor = { id: "bea", role: "BUDGET_APPROVER", teamIds: [] };
  const routed = (over: Partial<WorkflowState> = {}): WorkflowState => ({
    status: "SUBMITTED",
    teamId: "t1",
    requesterId: "dev",
    currentRevision: 1,
    revisionAuthorIds: ["dev"],
    approverIds: [],
    approverRoles: [],
    requiredApprovals: 1,
    roleApprovals: { BUDGET_APPROVER: 1 },
    ...over,
  });

  it("a platform approval alone no longer approves: the request waits on the budget approver", () => {
    const r = decideTransition(routed(), { action: "APPROVE", actor: approver, revisionNumber: 1 });
    expect(r).toMatchObject({ ok: true, to: "SUBMITTED", approvalsAfter: 1 });
  });

  it("the budget approver's approval completes it after the platform's", () => {
    const state = routed({ approverIds: ["ann"], approverRoles: ["PLATFORM_APPROVER"] });
    expect(decideTransition(state, { action: "APPROVE", actor: budget, revisionNumber: 1 })).toMatchObject({
      ok: true,
      to: "APPROVED",
    });
  });

  it("the budget approver's approval does not stand in for the platform's", () => {
    const state = routed({ approverIds: ["bea"], approverRoles: ["BUDGET_APPROVER"] });
    expect(decideTransition(routed(), { action: "APPROVE", actor: budget, revisionNumber: 1 })).toMatchObject({
      ok: true,
      to: "SUBMITTED",
    });
    expect(decideTransition(state, { action: "APPROVE", actor: approver, revisionNumber: 1 })).toMatchObject({
      to: "APPROVED",
    });
  });

  it("a budget approver decides only on requests routed to the role", () => {
    expect(
      decideTransition(routed({ roleApprovals: {} }), { action: "APPROVE", actor: budget, revisionNumber: 1 }),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(availableActions(routed(), budget)).toEqual(["APPROVE", "REJECT", "REQUEST_CHANGES"]);
  });

  it("counts progress per role", () => {
    expect(countApprovals(routed({ requiredApprovals: 2 }), ["PLATFORM_APPROVER", "BUDGET_APPROVER"])).toEqual({
      general: { have: 1, need: 2 },
      roles: [{ role: "BUDGET_APPROVER", have: 1, need: 1 }],
      complete: false,
    });
  });
});
