import { describe, expect, it } from "vitest";
import { DEFAULT_CLAIM_MAPPING, mapClaimsToAccess } from "./map-claims";

describe("mapClaimsToAccess", () => {
  it.each([
    [{ groups: ["tablewright-admins", "tablewright-team-payments"] }, "ADMIN", ["payments"]],
    [{ groups: ["tablewright-platform"] }, "PLATFORM_APPROVER", []],
    [{ groups: ["tablewright-budget", "tablewright-team-orders"] }, "BUDGET_APPROVER", ["orders"]],
    [{ groups: ["tablewright-budget", "tablewright-platform"] }, "PLATFORM_APPROVER", []],
    [{ groups: "tablewright-team-orders tablewright-team-Billing" }, "DEVELOPER", ["billing", "orders"]],
    [{ groups: ["tablewright-team-bad slug!", "other"] }, "DEVELOPER", []],
    [{}, "DEVELOPER", []],
    [{ groups: [42, null, "tablewright-platform"] }, "PLATFORM_APPROVER", []],
  ])("%j gives %s with teams %j", (claims, role, teams) => {
    expect(mapClaimsToAccess(claims, DEFAULT_CLAIM_MAPPING)).toEqual({ role, teams });
  });

  it("reads the configured claim", () => {
    const mapping = { ...DEFAULT_CLAIM_MAPPING, groupsClaim: "roles", approverGroups: ["dba"] };
    expect(mapClaimsToAccess({ roles: ["dba"], groups: ["tablewright-admins"] }, mapping).role).toBe(
      "PLATFORM_APPROVER",
    );
  });
});
