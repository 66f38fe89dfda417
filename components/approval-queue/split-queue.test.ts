import { describe, expect, it } from "vitest";
import { orderQueue, splitQueue, waitingOnOthers } from "./split-queue";

const row = (
  key: string,
  facts: Partial<{ count: number; required: number; approvedByMe: boolean; isOwn: boolean }>,
) => ({
  key,
  approvals: { count: facts.count ?? 0, required: facts.required ?? 1 },
  approvedByMe: facts.approvedByMe ?? false,
  isOwn: facts.isOwn ?? false,
});

describe("splitQueue", () => {
  it("needs my decision: neither mine nor approved by me; waiting on others: mine, or approved by me", () => {
    const rows = [
      row("TW-1", {}),
      row("TW-2", { isOwn: true }),
      row("TW-3", { count: 1, required: 2, approvedByMe: true }),
      row("TW-4", { count: 1, required: 2 }),
    ];
    const { mine, others } = splitQueue(rows);
    expect(mine.map((r) => r.key)).toEqual(["TW-1", "TW-4"]);
    expect(others.map((r) => r.key)).toEqual(["TW-2", "TW-3"]);
    expect(orderQueue(rows).map((r) => r.key)).toEqual(["TW-1", "TW-4", "TW-2", "TW-3"]);
  });

  it("says why a request waits on others", () => {
    expect(waitingOnOthers(row("a", { count: 1, required: 2, approvedByMe: true }))).toBe(
      "You approved: waiting on a second approver",
    );
    expect(waitingOnOthers(row("b", { isOwn: true }))).toMatch(/another approver decides/);
    expect(waitingOnOthers(row("c", { count: 1, required: 2 }))).toBeUndefined();
  });

  it("a request the viewer's role may not decide waits on the approvers it is routed to", () => {
    const budgetOnly = { ...row("d", {}), mayDecide: false, routedRoles: [] };
    expect(waitingOnOthers(budgetOnly)).toBe("Not routed to your role: the platform approvers decide");
    expect(waitingOnOthers({ ...budgetOnly, routedRoles: ["SECURITY_APPROVER"] })).toBe(
      "Routed to security approvers, not to your role",
    );
    expect(waitingOnOthers({ ...row("e", {}), mayDecide: true, routedRoles: ["BUDGET_APPROVER"] })).toBeUndefined();
    expect(splitQueue([budgetOnly, row("f", {})]).others.map((r) => r.key)).toEqual(["d"]);
  });
});
