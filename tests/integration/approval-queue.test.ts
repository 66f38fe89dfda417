import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitingOnOthers } from "../../components/approval-queue/split-queue";
import { type QueueQuery, QueueQuerySchema, type QueueSort } from "../../lib/api/schemas/queue";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import {
  addRevision,
  createChangeRequest,
  getChangeRequest,
  transitionChangeRequest,
} from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { listQueue } from "../../lib/server/queue";
import { exampleRequest } from "../fixtures/requests";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

process.env.TABLEWRIGHT_AWS_CHECKS = "off";

const example = (name: string, team: string, tableName: string) => exampleRequest(name, { team, tableName });
const query = (values: Record<string, string> = {}): QueueQuery => QueueQuerySchema.parse(values);
const DAY = 86_400_000;
const NOW = new Date("2026-12-01T12:00:00Z");

/** Every item of the queue for a query, page by page (small pages, so the cursor is exercised). */
async function allPages(actor: Actor, q: QueueQuery, db: Db, limit = 2) {
  const keys: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listQueue(actor, { ...q, cursor }, { db, now: NOW, limit });
    keys.push(...page.items.map((i) => i.key));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 100);
  return keys;
}

describe.each(databaseKinds())("the approval queue on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let ann: Actor;
  let bob: Actor;
  /** key -> the facts the test gave it */
  const made = new Map<string, { tier: string; cost: number; ageDays: number; team: string }>();

  async function submitted(
    actor: Actor,
    name: string,
    team: string,
    facts: { cost: number; ageDays: number },
  ): Promise<string> {
    const created = await createChangeRequest(
      actor,
      { request: example(name, team, `queue-${made.size}-${kind}`), submit: true },
      db,
    );
    const row = await db.changeRequest.update({
      where: { key: created.key },
      // The engine priced and timed it; the test pins cost and age to known values.
      data: { monthlyCostUsd: facts.cost, submittedAt: new Date(NOW.getTime() - facts.ageDays * DAY) },
    });
    made.set(created.key, { tier: row.tier, team, ...facts });
    return created.key;
  }

  let annOwn: string;
  let annApproved: string;
  let bobRevised: string;
  let plain: string[];

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", ["checkout", "orders"]);
    ann = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    bob = await makeActor(db, "PLATFORM_APPROVER", ["platform", "checkout"]);
    plain = [
      await submitted(dev, "basic-dev", "checkout", { cost: 12, ageDays: 0.5 }),
      await submitted(dev, "basic-dev", "checkout", { cost: 150, ageDays: 2 }),
      await submitted(dev, "active-passive-standby", "orders", { cost: 2400, ageDays: 8 }),
      await submitted(dev, "lsi-table", "orders", { cost: 640, ageDays: 4 }),
      await submitted(dev, "basic-dev", "orders", { cost: 150, ageDays: 5 }),
    ];
    // The four-eyes cases: Ann asked for one, approved another (prod needs two), Bob wrote a revision of a third.
    annOwn = await submitted(ann, "basic-dev", "platform", { cost: 30, ageDays: 1.5 });
    annApproved = await submitted(dev, "prod-with-gsis", "checkout", { cost: 1800, ageDays: 3 });
    await transitionChangeRequest(ann, annApproved, "APPROVE", { revisionNumber: 1 }, db);
    bobRevised = await submitted(dev, "basic-dev", "checkout", { cost: 99.99, ageDays: 6 });
    // An adopted table (as POST /imports leaves it): revision 1 mirrors what is live, so Bob's
    // rename below is measured against it and flagged as a replacement.
    await db.changeRequest.update({
      where: { key: bobRevised },
      data: { importedTableJson: JSON.stringify({ tableName: `queue-${made.size - 1}-${kind}`, region: "us-east-1" }) },
    });
    await addRevision(bob, bobRevised, { request: example("basic-dev", "checkout", `queue-bob-${kind}`) }, db);
    // The revision re-priced it; pin the cost again.
    await db.changeRequest.update({ where: { key: bobRevised }, data: { monthlyCostUsd: 99.99 } });
    // Not in the queue: a draft and a decided request.
    await createChangeRequest(dev, { request: example("basic-dev", "checkout", `queue-draft-${kind}`) }, db);
    const decided = await submitted(dev, "basic-dev", "orders", { cost: 5, ageDays: 9 });
    await transitionChangeRequest(ann, decided, "REJECT", { reason: "not needed" }, db);
    made.delete(decided);
  });
  afterAll(async () => t?.drop());

  it("lists exactly the submitted requests, and counts them", async () => {
    const page = await listQueue(ann, query(), { db, now: NOW, limit: 3 });
    expect(page.total).toBe(made.size);
    expect(page.items).toHaveLength(3);
    expect((await allPages(ann, query(), db)).sort()).toEqual([...made.keys()].sort());
    // A huge queue is counted up to a cap, and says so.
    const capped = await listQueue(ann, query(), { db, now: NOW, limit: 1, countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(page.totalCapped).toBe(false);
  });

  const sorts: [QueueSort, (a: string, b: string) => number][] = [
    ["oldest", (a, b) => fact(b).ageDays - fact(a).ageDays],
    ["newest", (a, b) => fact(a).ageDays - fact(b).ageDays],
    ["cost-desc", (a, b) => fact(b).cost - fact(a).cost],
    ["cost-asc", (a, b) => fact(a).cost - fact(b).cost],
    ["tier", (a, b) => rank(fact(a).tier) - rank(fact(b).tier) || fact(b).ageDays - fact(a).ageDays],
  ];
  const rank = (tier: string) => ({ prod: 0, staging: 1, dev: 2 })[tier] ?? 9;
  const fact = (key: string) => made.get(key) as { tier: string; cost: number; ageDays: number; team: string };

  it.each(sorts)("pages by %s without skipping or repeating a row", async (sort, compare) => {
    const inOrder = await allPages(ann, query({ sort }), db);
    expect(new Set(inOrder).size).toBe(inOrder.length);
    expect([...inOrder].sort()).toEqual([...made.keys()].sort());
    // Ties (equal cost) may come in either order; the sort key itself must never go backwards.
    for (let i = 1; i < inOrder.length; i++) {
      expect(
        compare(inOrder[i - 1] as string, inOrder[i] as string),
        `${sort}: ${inOrder.join(" ")}`,
      ).toBeLessThanOrEqual(0);
    }
  });

  it.each([
    [{ age: "3" }, (f: { ageDays: number }) => f.ageDays >= 3],
    [{ age: "7" }, (f: { ageDays: number }) => f.ageDays >= 7],
    [{ cost: "lt100" }, (f: { cost: number }) => f.cost < 100],
    [{ cost: "100to1000" }, (f: { cost: number }) => f.cost >= 100 && f.cost <= 1000],
    [{ cost: "gt1000" }, (f: { cost: number }) => f.cost > 1000],
    [{ tier: "prod" }, (f: { tier: string }) => f.tier === "prod"],
    [{ team: "orders" }, (f: { team: string }) => f.team === "orders"],
    [
      { tier: "dev", cost: "lt100", age: "1" },
      (f: { tier: string; cost: number; ageDays: number }) => f.tier === "dev" && f.cost < 100 && f.ageDays >= 1,
    ],
  ] as const)("filters %o in the query", async (values, keep) => {
    const expected = [...made.entries()].filter(([, f]) => keep(f as never)).map(([k]) => k);
    const page = await listQueue(ann, query(values as Record<string, string>), { db, now: NOW });
    expect(page.items.map((i) => i.key).sort()).toEqual(expected.sort());
    // The count is of everything waiting, filters aside.
    expect(page.total).toBe(made.size);
  });

  it("filters by flag", async () => {
    const multi = await allPages(ann, query({ flag: "multi-region" }), db);
    expect(multi).toEqual([plain[2]]);
    // Bob's revision renamed the adopted table: a replacement of what is live. (A rename before
    // any approval replaces nothing: no table exists yet, so no other request carries the flag.)
    expect(await allPages(ann, query({ flag: "replacement" }), db)).toEqual([bobRevised]);
  });

  it("splits the queue by the four-eyes rule: needs my decision vs waiting on others", async () => {
    const annMine = await allPages(ann, query({ view: "mine" }), db);
    const annOthers = await allPages(ann, query({ view: "others" }), db);
    expect(annOthers.sort()).toEqual([annApproved, annOwn].sort());
    expect([...annMine, ...annOthers].sort()).toEqual([...made.keys()].sort());
    const bobOthers = await allPages(bob, query({ view: "others" }), db);
    expect(bobOthers).toEqual([bobRevised]);
    // The database's split agrees with the state machine: what needs my decision, I may approve.
    for (const [viewer, mine, others] of [
      [ann, annMine, annOthers],
      [bob, await allPages(bob, query({ view: "mine" }), db), bobOthers],
    ] as const) {
      for (const key of mine) expect((await getChangeRequest(viewer, key, db)).availableActions).toContain("APPROVE");
      for (const key of others) {
        expect((await getChangeRequest(viewer, key, db)).availableActions).not.toContain("APPROVE");
      }
    }
    // The page groups its rows by the same facts: "Show" and the groups never disagree.
    for (const viewer of [ann, bob]) {
      for (const view of ["mine", "others"] as const) {
        for (const item of (await listQueue(viewer, query({ view }), { db, now: NOW })).items) {
          expect(waitingOnOthers(item) !== undefined, `${view}: ${item.key}`).toBe(view === "others");
        }
      }
    }
    const own = (await listQueue(ann, query({ view: "others" }), { db, now: NOW })).items;
    expect(own.find((i) => i.key === annOwn)?.isOwn).toBe(true);
    expect(own.find((i) => i.key === annApproved)?.isOwn).toBe(false);
  });

  it("refuses a cursor it did not issue, or one of another order", async () => {
    const first = await listQueue(ann, query({ sort: "cost-desc" }), { db, now: NOW, limit: 2 });
    expect(first.nextCursor).toBeTruthy();
    for (const cursor of ["garbage", first.nextCursor as string]) {
      const error = await listQueue(ann, { ...query({ sort: "oldest" }), cursor }, { db, now: NOW }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("BAD_REQUEST");
    }
  });

  it("reads a hand-typed URL leniently: unknown values fall back to the defaults", () => {
    expect(query({ sort: "sideways", view: "everything", age: "2", tier: "gold", team: "  " })).toEqual({
      sort: "oldest",
      view: "all",
      age: undefined,
      tier: undefined,
      team: undefined,
      flag: undefined,
      cost: undefined,
      cursor: undefined,
      selected: undefined,
    });
  });
});
