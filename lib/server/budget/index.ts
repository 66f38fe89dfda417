import "server-only";

export { encodeRoutedRoles, refreshRoutedRoles } from "./refresh-routed-roles";
export { routeChangeRequest } from "./route-change-request";
export { getTeamBudget, listTeamBudgets, setTeamBudget, sumTeamCommittedCost, type TeamBudget } from "./team-budget";
