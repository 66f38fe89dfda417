import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import { getTeamBudget, listTeamBudgets, refreshRoutedRolesAtStartup, setTeamBudget } from "../../lib/server/budget";
import {
  addRevision,
  createChangeRequest,
  getChangeRequest,
  transitionChangeRequest,
} from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { listQueue } from "../../lib/server/queue";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

process.env.TABLEWRIGHT_AWS_CHECKS = "off";

const request = (tableName: string) => {
  const r = JSON.parse(readFileSync("examples/requests/valid/prod-with-gsis.json", "utf8"));
  r.owner.team = "ledger";
  r.tableName = tableName;
  return r;
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe.each(databaseKinds())("team budgets and approval routing on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let outsider: Actor;
  let ann: Actor;
  let bob: Actor;
  let bea: Actor;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", ["ledger"]);
    outsider = await makeActor(db, "DEVELOPER", ["search"]);
    ann = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    bob = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    bea = await makeActor(db, "BUDGET_APPROVER", ["platform"]);
    admin = await makeActor(db, "ADMIN", ["platform"]);
  });
  afterAll(async () => t?.drop());

  it("committed cost is the approved revisions' estimates; only admins set budgets; members see theirs", async () => {
    const first = await createChangeRequest(
      dev,
      { request: request(`ledger-a-${kind}`), title: "A", submit: true },
      db,
    );
    await transitionChangeRequest(ann, first.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(bob, first.key, "APPROVE", { revisionNumber: 1 }, db);
    const cost = (await getChangeRequest(dev, first.key, db)).monthlyCostUsd;
    expect(cost).toBeGreaterThan(0);

    expect(await getTeamBudget(dev, "ledger", db)).toEqual({
      slug: "ledger",
      name: "ledger",
      monthlyBudgetUsd: null,
      committedMonthlyUsd: cost,
    });
    expect(await refusal(getTeamBudget(outsider, "ledger", db))).toBe("NOT_FOUND");
    expect(await refusal(setTeamBudget(ann, "ledger", 10, db))).toBe("FORBIDDEN");
    const set = await setTeamBudget(admin, "ledger", Math.ceil(cost) + 1, db);
    expect(set.monthlyBudgetUsd).toBe(Math.ceil(cost) + 1);
    const audit = await db.auditEvent.findFirst({ where: { action: "TEAM_BUDGET_SET" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit?.detailsJson ?? "{}")).toMatchObject({
      team: "ledger",
      from: null,
      to: Math.ceil(cost) + 1,
    });
  });

  it("a request over the budget needs the budget approver besides the tier's approvals", async () => {
    const second = await createChangeRequest(
      dev,
      { request: request(`ledger-b-${kind}`), title: "B", submit: true },
      db,
    );
    const detail = await getChangeRequest(bea, second.key, db);
    expect(detail.routing.budget.state).toBe("over");
    expect(detail.routing.routes.map((r) => r.ruleId)).toEqual(["over-team-budget"]);
    expect(detail.approvals).toEqual({
      count: 0,
      required: 3,
      roles: [{ role: "BUDGET_APPROVER", have: 0, need: 1 }],
    });
    expect(detail.availableActions).toContain("APPROVE");

    await transitionChangeRequest(ann, second.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(bob, second.key, "APPROVE", { revisionNumber: 1 }, db);
    // Both prod approvals are in; the budget approver's is still missing.
    expect((await getChangeRequest(dev, second.key, db)).status).toBe("SUBMITTED");
    await transitionChangeRequest(bea, second.key, "APPROVE", { revisionNumber: 1 }, db);
    const approved = await getChangeRequest(dev, second.key, db);
    expect(approved.status).toBe("APPROVED");
    // Approved, it keeps the routing it was decided under (its own approval is not "what is live before it").
    expect(approved.approvals).toEqual({
      count: 3,
      required: 3,
      roles: [{ role: "BUDGET_APPROVER", have: 1, need: 1 }],
    });
  });

  it("without a route the budget approver may not decide; a raised budget lifts the route", async () => {
    await setTeamBudget(admin, "ledger", 1e9, db);
    const third = await createChangeRequest(
      dev,
      { request: request(`ledger-c-${kind}`), title: "C", submit: true },
      db,
    );
    const detail = await getChangeRequest(bea, third.key, db);
    expect(detail.routing.routes).toEqual([]);
    expect(detail.availableActions).not.toContain("APPROVE");
    expect(await refusal(transitionChangeRequest(bea, third.key, "APPROVE", { revisionNumber: 1 }, db))).toBe(
      "FORBIDDEN",
    );
  });

  it("the queue filters by routing in the database: budget approvers see only what is routed to them", async () => {
    // Budget C (1e9) lifted every route; the third request waits for the platform approvers only.
    const keysIn = async (actor: Actor, view: "all" | "mine" | "others") =>
      (await listQueue(actor, { view, sort: "oldest" }, { db })).items
        .filter((i) => i.team.slug === "ledger")
        .map((i) => i.key);
    const waitingKeys = await keysIn(ann, "mine");
    expect(waitingKeys.length).toBeGreaterThan(0);
    expect(await keysIn(bea, "mine")).toEqual([]);
    expect(await keysIn(bea, "others")).toEqual(waitingKeys);
    const row = (await listQueue(bea, { view: "all", sort: "oldest" }, { db })).items.find(
      (i) => i.key === waitingKeys[0],
    );
    expect(row).toMatchObject({ mayDecide: false, routedRoles: [] });

    // A budget cut routes the waiting requests to the budget approver at once (no new revision).
    await setTeamBudget(admin, "ledger", 1, db);
    expect(await keysIn(bea, "mine")).toEqual(waitingKeys);
    expect(await keysIn(bea, "others")).toEqual([]);
    const routed = (await listQueue(bea, { view: "mine", sort: "oldest" }, { db })).items.find(
      (i) => i.key === waitingKeys[0],
    );
    expect(routed).toMatchObject({ mayDecide: true, routedRoles: ["BUDGET_APPROVER"] });
    // Platform approvers still decide it (their approvals count towards the tier's).
    expect(await keysIn(ann, "mine")).toEqual(waitingKeys);

    // Once the budget approver approved it, it waits on others for them.
    const key = waitingKeys[0] as string;
    await transitionChangeRequest(bea, key, "APPROVE", { revisionNumber: 1 }, db);
    expect(await keysIn(bea, "mine")).not.toContain(key);
    expect(await keysIn(bea, "others")).toContain(key);

    // A new revision is routed again from its own cost: still over the $1 budget.
    const current = await getChangeRequest(dev, key, db);
    await addRevision(dev, key, { request: request(current.tableName), expectedVersion: current.version }, db);
    expect(await keysIn(bea, "mine")).toContain(key);

    // Raised again: released from the budget approver without touching the request.
    await setTeamBudget(admin, "ledger", 1e9, db);
    expect(await keysIn(bea, "mine")).toEqual([]);
  });

  it("the start-up pass routes submitted rows whose routedRoles predate the column (stored as '')", async () => {
    await setTeamBudget(admin, "ledger", 1, db);
    const older = await createChangeRequest(
      dev,
      { request: request(`ledger-d-${kind}`), title: "D", submit: true },
      db,
    );
    // As a row written before the column existed: routed to the budget approver, stored as "".
    await db.changeRequest.updateMany({ where: { key: older.key }, data: { routedRoles: "" } });
    const mine = async () => (await listQueue(bea, { view: "mine", sort: "oldest" }, { db })).items.map((i) => i.key);
    expect(await mine()).not.toContain(older.key);

    const first = await refreshRoutedRolesAtStartup(db);
    expect(first.failedTeams).toBe(0);
    expect(first.changed).toBeGreaterThanOrEqual(1);
    expect(await mine()).toContain(older.key);
    const row = await db.changeRequest.findFirst({ where: { key: older.key }, select: { routedRoles: true } });
    expect(row?.routedRoles).toBe(",BUDGET_APPROVER,");

    // Idempotent: a second pass (another instance starting) finds nothing to change.
    const second = await refreshRoutedRolesAtStartup(db);
    expect(second).toMatchObject({ changed: 0, failedTeams: 0 });
    expect(second.teams).toBe(first.teams);
    await setTeamBudget(admin, "ledger", 1e9, db);
  });

  it("admins list every team's budget with its committed cost; nobody else may", async () => {
    const all = await listTeamBudgets(admin, db);
    const ledger = all.find((b) => b.slug === "ledger");
    expect(ledger).toEqual(await getTeamBudget(admin, "ledger", db));
    expect(all.map((b) => b.slug)).toEqual([...all.map((b) => b.slug)].sort());
    expect(await refusal(listTeamBudgets(ann, db))).toBe("FORBIDDEN");
    expect(await refusal(listTeamBudgets(bea, db))).toBe("FORBIDDEN");
  });
});
