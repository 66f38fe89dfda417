import "server-only";

export { encodeRoutedRoles, refreshRoutedRoles } from "./refresh-routed-roles";
export { type RoutedRolesRefreshSummary, refreshRoutedRolesAtStartup } from "./refresh-routed-roles-at-startup";
export { routeChangeRequest } from "./route-change-request";
export { getTeamBudget, listTeamBudgets, setTeamBudget, sumTeamCommittedCost, type TeamBudget } from "./team-budget";
