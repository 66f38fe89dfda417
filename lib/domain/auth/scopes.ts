import { hasPermission, type Permission } from "./permissions";

/** What an API token may be allowed to do; a token never exceeds its owner's role. */
export const TOKEN_SCOPES = ["read", "write", "decide", "attest"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_PERMISSIONS: Record<TokenScope, readonly Permission[]> = {
  read: ["requests.read", "requests.read_all"],
  write: ["requests.read", "requests.write", "aws.check"],
  decide: ["requests.read", "requests.decide", "requests.decide_routed"],
  // For CI: post plans of approved revisions (and read them back), nothing else.
  attest: ["requests.read", "plans.attest"],
};

export const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read requests, decisions and bundles",
  write: "Create, revise, submit, withdraw and comment; run live checks",
  decide: "Approve, reject and request changes (platform and budget approvers only)",
  attest: "Post Terraform plans of approved revisions to be checked against them (for CI)",
};

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/**
 * Whether someone may do something: their role must grant it, and when they act through a token,
 * one of its scopes must cover it too. Sessions (no scopes) have their role's full rights.
 */
export function can(subject: { role: string; scopes?: readonly string[] }, permission: Permission): boolean {
  if (!hasPermission(subject.role, permission)) return false;
  if (!subject.scopes) return true;
  return subject.scopes.some((scope) => isTokenScope(scope) && SCOPE_PERMISSIONS[scope].includes(permission));
}
