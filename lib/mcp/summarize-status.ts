import type { ChangeRequestStatus } from "./schemas";

/** The fields of a change request's detail (REST JSON or the server's own object) that status reports. */
export interface ChangeRequestDetailLike {
  key: string;
  title: string;
  tableName: string;
  tier: string;
  status: string;
  version: number;
  team: { slug: string; name: string };
  currentRevision: number;
  approvedRevision: number | null;
  approvals: { count: number; required: number; roles: readonly { role: string; have: number; need: number }[] };
  availableActions: readonly string[];
  revisions: readonly { number: number; bundleSha256: string; createdAt: Date | string }[];
  decisions: readonly {
    kind: string;
    reason: string;
    revisionNumber: number;
    decider: { email: string };
    createdAt: Date | string;
  }[];
}

const iso = (at: Date | string) => (at instanceof Date ? at.toISOString() : at);

/** The status tool's answer: what a pipeline or an agent waits on, without the files and engine outputs. */
export function summarizeChangeRequest(detail: ChangeRequestDetailLike, url: string): ChangeRequestStatus {
  return {
    key: detail.key,
    title: detail.title,
    tableName: detail.tableName,
    tier: detail.tier,
    status: detail.status as ChangeRequestStatus["status"],
    version: detail.version,
    team: { slug: detail.team.slug, name: detail.team.name },
    url,
    currentRevision: detail.currentRevision,
    approvedRevision: detail.approvedRevision,
    approvals: {
      count: detail.approvals.count,
      required: detail.approvals.required,
      // Approvals the routing asks of a role (security, finance, ...): what an agent still waits on.
      roles: detail.approvals.roles.map((r) => ({ role: r.role, have: r.have, need: r.need })),
    },
    availableActions: [...detail.availableActions] as ChangeRequestStatus["availableActions"],
    revisions: detail.revisions.map((r) => ({
      number: r.number,
      bundleSha256: r.bundleSha256,
      createdAt: iso(r.createdAt),
    })),
    decisions: detail.decisions.map((d) => ({
      kind: d.kind,
      reason: d.reason,
      revision: d.revisionNumber,
      by: d.decider.email,
      at: iso(d.createdAt),
    })),
  };
}
