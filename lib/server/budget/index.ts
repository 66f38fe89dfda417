import "server-only";

export { routeChangeRequest } from "./route-change-request";
export { getTeamBudget, setTeamBudget, sumTeamCommittedCost, type TeamBudget } from "./team-budget";
