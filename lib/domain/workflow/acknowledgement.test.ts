import { describe, expect, it } from "vitest";
import { checkAcknowledgement } from "./acknowledgement";

const destructive = { requiresAcknowledgement: true };
const note = "Export to S3 with PITR, import into the new table, then switch the clients.";

describe("checkAcknowledgement", () => {
  it.each([
    ["no plan (a create)", null, undefined, 0],
    ["a plan that needs none", { requiresAcknowledgement: false }, undefined, 0],
    ["destructive without acknowledgement", destructive, undefined, 1],
    ["destructive, acknowledged without a note", destructive, { destructive: true, migrationNote: "" }, 1],
    ["destructive, a note too short to say anything", destructive, { destructive: true, migrationNote: "will do" }, 1],
    ["destructive, a note but not acknowledged", destructive, { destructive: false, migrationNote: note }, 1],
    ["destructive, acknowledged with a note", destructive, { destructive: true, migrationNote: note }, 0],
  ] as const)("%s", (_, plan, ack, count) => {
    const issues = checkAcknowledgement(plan, ack);
    expect(issues).toHaveLength(count);
    for (const issue of issues) {
      expect(issue.path).toBe("acknowledgement.migrationNote");
      expect(issue.code).toBe("DESTRUCTIVE_ACKNOWLEDGEMENT_REQUIRED");
    }
  });
});
