import type { AppErrorCode } from "../app-error";
import { hasPermission } from "../auth/permissions";

/**
 * The change request lifecycle as a pure function: given the stored state, an action and who acts,
 * it answers the next status (and what else the transition implies) or a refusal with a code.
 * lib/server applies the answer inside one transaction guarded by the row's version.
 */
export const CHANGE_REQUEST_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
  // After approval the live table is checked against the approved revision: matching, or drifted.
  "VERIFIED",
  "DRIFTED",
] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

export const WORKFLOW_ACTIONS = [
  "SUBMIT",
  "REVISE",
  "APPROVE",
  "REJECT",
  "REQUEST_CHANGES",
  "WITHDRAW",
  "RECORD_VERIFICATION",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type DecisionKind = "APPROVE" | "REJECT" | "REQUEST_CHANGES";

export interface WorkflowState {
  status: ChangeRequestStatus;
  teamId: string;
  requesterId: string;
  currentRevision: number;
  /** Who wrote any revision of the request (the first included): none of them may decide on it. */
  revisionAuthorIds: readonly string[];
  /** Approvals of the current revision that a later revision has not cleared. */
  approverIds: readonly string[];
  requiredApprovals: number;
  /** The current revision's plan is destructive: one approval must come from the platform role. */
  platformRoleRequired?: boolean;
  /**
   * Approvals the tier policy's routing adds, per role (lib/domain/budget): a holder of that role
   * may decide on this request, and it is approved only once each role has given its count, on
   * top of `requiredApprovals` from the platform approvers.
   */
  roleApprovals?: Readonly<Record<string, number>>;
  /** The role of each approver in `approverIds`, in the same order. */
  approverRoles?: readonly string[];
}

export interface ApprovalProgress {
  /** Approvals from holders of `requests.decide` towards the tier's `requiredApprovals`. */
  general: { have: number; need: number };
  /** Routed approvals per role. */
  roles: { role: string; have: number; need: number }[];
  complete: boolean;
}

/**
 * Counts approvals against what the request needs. An approver whose role a routing rule asks
 * for counts towards that role first (until its count is met), anyone else with `requests.decide`
 * towards the tier's approvals. Pure, so the page and the server agree on "waiting on whom".
 */
export function countApprovals(
  state: Pick<WorkflowState, "requiredApprovals" | "roleApprovals">,
  approverRoles: readonly string[],
): ApprovalProgress {
  const needs = state.roleApprovals ?? {};
  const roles = Object.entries(needs)
    .filter(([, need]) => need > 0)
    .map(([role, need]) => ({ role, have: 0, need }));
  let general = 0;
  for (const role of approverRoles) {
    const routed = roles.find((r) => r.role === role && r.have < r.need);
    if (routed) routed.have += 1;
    else if (hasPermission(role, "requests.decide")) general += 1;
  }
  const complete = general >= state.requiredApprovals && roles.every((r) => r.have >= r.need);
  return { general: { have: general, need: state.requiredApprovals }, roles, complete };
}

/** Whether the actor may approve, reject or ask for changes on this request. */
function mayDecide(state: WorkflowState, actor: WorkflowActor): boolean {
  if (hasPermission(actor.role, "requests.decide")) return true;
  return hasPermission(actor.role, "requests.decide_routed") && (state.roleApprovals?.[actor.role] ?? 0) > 0;
}

export interface WorkflowActor {
  id: string;
  role: string;
  teamIds: readonly string[];
}

export interface TransitionInput {
  action: WorkflowAction;
  actor: WorkflowActor;
  reason?: string;
  /** APPROVE: the revision the approver reviewed; it must be the current one. */
  revisionNumber?: number;
  /** RECORD_VERIFICATION: whether the live table matched the approved revision. */
  verified?: boolean;
}

export type TransitionResult =
  | {
      ok: true;
      from: ChangeRequestStatus;
      to: ChangeRequestStatus;
      decision?: DecisionKind;
      /** A new revision clears approvals given to earlier ones. */
      clearsApprovals: boolean;
      approvalsAfter: number;
    }
  | { ok: false; code: AppErrorCode; message: string };

/** Which statuses each action may start from. */
const ALLOWED_FROM: Record<WorkflowAction, readonly ChangeRequestStatus[]> = {
  SUBMIT: ["DRAFT"],
  REVISE: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"],
  APPROVE: ["SUBMITTED"],
  REJECT: ["SUBMITTED"],
  REQUEST_CHANGES: ["SUBMITTED"],
  WITHDRAW: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"],
  RECORD_VERIFICATION: ["APPROVED", "VERIFIED", "DRIFTED"],
};

const DECISIONS: Partial<Record<WorkflowAction, DecisionKind>> = {
  APPROVE: "APPROVE",
  REJECT: "REJECT",
  REQUEST_CHANGES: "REQUEST_CHANGES",
};

const refuse = (code: AppErrorCode, message: string): TransitionResult => ({ ok: false, code, message });

/** Whether the actor may see the request at all (team member, or allowed to see every team's). */
export function canSeeRequest(state: Pick<WorkflowState, "teamId">, actor: WorkflowActor): boolean {
  return (
    (hasPermission(actor.role, "requests.read") && actor.teamIds.includes(state.teamId)) ||
    hasPermission(actor.role, "requests.read_all")
  );
}

/** Whether the actor may change the request's content (team member with write, or an admin). */
export function canEditRequest(state: Pick<WorkflowState, "teamId">, actor: WorkflowActor): boolean {
  return (
    (hasPermission(actor.role, "requests.write") && actor.teamIds.includes(state.teamId)) ||
    hasPermission(actor.role, "admin")
  );
}

/**
/**
 * The four-eyes rule: nobody decides on a change they asked for or wrote: the requester or the
 * author of any revision. Every revision counts, not only the current one: after someone else
 * re-saves an unchanged request, the earlier author would otherwise approve their own content.
 */
export function isOwnChange(
  state: Pick<WorkflowState, "requesterId" | "revisionAuthorIds">,
  actor: Pick<WorkflowActor, "id">,
): boolean {
  return actor.id === state.requesterId || state.revisionAuthorIds.includes(actor.id);
}

/**
 * Whether an approver is held back by the four-eyes rule on a request waiting for review, so the
 * UI can say why the decision buttons are missing (the transition refuses it anyway).
 */
export function isFourEyesBlocked(
  state: Pick<WorkflowState, "status" | "requesterId" | "revisionAuthorIds">,
  actor: WorkflowActor,
): boolean {
  return hasPermission(actor.role, "requests.decide") && state.status === "SUBMITTED" && isOwnChange(state, actor);
}

/** Decides a transition. Never throws; a refusal carries an AppError code. */
export function decideTransition(state: WorkflowState, input: TransitionInput): TransitionResult {
  const { action, actor } = input;
  if (!canSeeRequest(state, actor)) return refuse("NOT_FOUND", "change request not found");

  const decision = DECISIONS[action];
  if (decision) {
    if (!mayDecide(state, actor)) {
      return refuse("FORBIDDEN", "only the platform team (and approvers the request is routed to) decide on it");
    }
    if (isOwnChange(state, actor)) {
      return refuse(
        "FOUR_EYES",
        "nobody decides on a request they requested or wrote a revision of: another approver must review it",
      );
    }
  } else if (action === "RECORD_VERIFICATION") {
    if (!hasPermission(actor.role, "aws.check")) return refuse("FORBIDDEN", "you may not record live checks");
  } else if (!canEditRequest(state, actor)) {
    return refuse("FORBIDDEN", "only members of the owning team may change this request");
  }

  if (!ALLOWED_FROM[action].includes(state.status)) {
    return refuse(
      "TRANSITION_NOT_ALLOWED",
      `cannot ${action.toLowerCase().replaceAll("_", " ")} a request that is ${state.status.toLowerCase().replaceAll("_", " ")}`,
    );
  }

  const reason = input.reason?.trim() ?? "";
  if ((action === "REJECT" || action === "REQUEST_CHANGES") && reason.length === 0) {
    return refuse("REASON_REQUIRED", "a rejection or a request for changes needs a reason");
  }

  const base = {
    ok: true as const,
    from: state.status,
    clearsApprovals: false,
    approvalsAfter: state.approverIds.length,
  };
  switch (action) {
    case "SUBMIT":
      return { ...base, to: "SUBMITTED" };
    case "REVISE":
      // A new revision must be reviewed afresh: earlier approvals no longer count.
      return {
        ...base,
        to: state.status === "DRAFT" ? "DRAFT" : "SUBMITTED",
        clearsApprovals: true,
        approvalsAfter: 0,
      };
    case "WITHDRAW":
      return { ...base, to: "WITHDRAWN" };
    case "APPROVE": {
      if (input.revisionNumber !== state.currentRevision) {
        return refuse(
          "VERSION_CONFLICT",
          `you reviewed revision ${input.revisionNumber ?? "?"} but the request is now at revision ${state.currentRevision}`,
        );
      }
      if (state.platformRoleRequired && !hasPermission(actor.role, "requests.read_all")) {
        return refuse("FORBIDDEN", "a destructive change needs the platform role's approval");
      }
      if (state.approverIds.includes(actor.id)) {
        return refuse("CONFLICT", "you already approved this revision; another approver must give the next approval");
      }
      const approvalsAfter = state.approverIds.length + 1;
      const roles = state.approverRoles ?? state.approverIds.map(() => "PLATFORM_APPROVER");
      const progress = countApprovals(state, [...roles, actor.role]);
      return {
        ...base,
        to: progress.complete ? "APPROVED" : "SUBMITTED",
        decision: "APPROVE",
        approvalsAfter,
      };
    }
    case "REJECT":
      return { ...base, to: "REJECTED", decision: "REJECT" };
    case "REQUEST_CHANGES":
      return { ...base, to: "CHANGES_REQUESTED", decision: "REQUEST_CHANGES" };
    case "RECORD_VERIFICATION":
      return { ...base, to: input.verified ? "VERIFIED" : "DRIFTED" };
  }
}

/** The actions an actor could take now (for buttons and the API's `links`). */
export function availableActions(state: WorkflowState, actor: WorkflowActor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const probe = decideTransition(state, {
      action,
      actor,
      reason: "probe",
      revisionNumber: state.currentRevision,
      verified: true,
    });
    return probe.ok;
  });
}
