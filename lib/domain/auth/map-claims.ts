import type { Role } from "./permissions";

/** How an identity provider's group claim maps to Tablewright roles and teams. */
export interface ClaimMapping {
  groupsClaim: string;
  adminGroups: readonly string[];
  approverGroups: readonly string[];
  /** Groups whose members approve what the tier policy's routing sends to budget approvers. */
  budgetApproverGroups: readonly string[];
  /** Groups named `<prefix><team-slug>` make the user a member of that team. */
  teamGroupPrefix: string;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = {
  groupsClaim: "groups",
  adminGroups: ["tablewright-admins"],
  approverGroups: ["tablewright-platform"],
  budgetApproverGroups: ["tablewright-budget"],
  teamGroupPrefix: "tablewright-team-",
};

const TEAM_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Reads a groups claim that providers send as an array, a space/comma list, or not at all. */
export function readGroups(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The role and team slugs for a signed-in user. The highest role any group grants wins; everyone
 * else is a developer. Team groups that are not valid slugs are ignored rather than guessed at.
 */
export function mapClaimsToAccess(
  claims: Record<string, unknown>,
  mapping: ClaimMapping,
): { role: Role; teams: string[] } {
  const groups = readGroups(claims, mapping.groupsClaim);
  const role: Role = groups.some((g) => mapping.adminGroups.includes(g))
    ? "ADMIN"
    : groups.some((g) => mapping.approverGroups.includes(g))
      ? "PLATFORM_APPROVER"
      : groups.some((g) => mapping.budgetApproverGroups.includes(g))
        ? "BUDGET_APPROVER"
        : "DEVELOPER";
  const teams = groups
    .filter((g) => g.startsWith(mapping.teamGroupPrefix))
    .map((g) => g.slice(mapping.teamGroupPrefix.length).toLowerCase())
    .filter((slug) => TEAM_SLUG.test(slug));
  return { role, teams: [...new Set(teams)].sort() };
}
