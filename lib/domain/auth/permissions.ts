/**
 * Roles and permissions as data. The API wrapper, the server functions and the pages all ask
 * `hasPermission`; nothing checks a role name directly.
 */
export const ROLES = ["DEVELOPER", "PLATFORM_APPROVER", "BUDGET_APPROVER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** See change requests (developers: their teams' only). */
  "requests.read",
  /** Create, revise, submit, withdraw and comment (developers: their teams' only). */
  "requests.write",
  /** See every team's change requests. */
  "requests.read_all",
  /** Approve, reject, request changes (never on one's own request). */
  "requests.decide",
  /**
   * Decide on requests the tier policy's approval routing sends to one's role (budget approvers);
   * every holder of `requests.decide` has it too. The API's decision routes ask for this one.
   */
  "requests.decide_routed",
  /** Create and revoke one's own API tokens. */
  "tokens.manage",
  /** Run live checks against AWS (verify an applied table, import an existing one). */
  "aws.check",
  /** Post a Terraform plan of an approved revision to be attested against it (the team's CI). */
  "plans.attest",
  /** Manage users, teams and every token. */
  "admin",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  DEVELOPER: ["requests.read", "requests.write", "tokens.manage", "aws.check", "plans.attest"],
  // Everything but administration: a new permission reaches platform approvers unless it is "admin".
  PLATFORM_APPROVER: PERMISSIONS.filter((permission) => permission !== "admin"),
  // Decides only on requests the tier policy's approval routing sends to it (lib/domain/workflow).
  BUDGET_APPROVER: ["requests.read", "requests.read_all", "requests.decide_routed", "tokens.manage"],
  ADMIN: [...PERMISSIONS],
};

export const ROLE_LABELS: Record<Role, string> = {
  DEVELOPER: "Developer",
  PLATFORM_APPROVER: "Platform approver",
  BUDGET_APPROVER: "Budget approver",
  ADMIN: "Administrator",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a role grants a permission. Unknown roles grant nothing. */
export function hasPermission(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}
