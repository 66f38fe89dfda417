import { exampleRequest } from "../../fixtures/requests";

/** A valid dev (one approval) or prod (two approvals) request for team checkout, Dana's team. */
export function resilienceRequest(tier: "dev" | "prod", tableName: string) {
  return exampleRequest(tier === "prod" ? "prod-with-gsis" : "basic-dev", {
    team: "checkout",
    tableName,
    requester: "dana@example.com",
  });
}
