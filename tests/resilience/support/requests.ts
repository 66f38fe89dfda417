import { checkoutRequest } from "../../../scripts/lib/portal-harness.mjs";

/** A valid dev (one approval) or prod (two approvals) request for team checkout, Dana's team. */
export function resilienceRequest(tier: "dev" | "prod", tableName: string) {
  const request = checkoutRequest(tier === "prod" ? "prod-with-gsis" : "basic-dev", tableName);
  request.owner.team = "checkout";
  if (request.tags) request.tags.Team = "checkout";
  return request;
}
