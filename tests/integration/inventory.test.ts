import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueueQuerySchema } from "../../lib/api/schemas/queue";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import {
  addRevision,
  createChangeRequest,
  getApplyBundle,
  getChangeRequest,
  getChangeSafety,
  listChangeRequests,
  transitionChangeRequest,
} from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { getManagedTable, listManagedTables } from "../../lib/server/inventory";
import { listQueue } from "../../lib/server/queue";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

process.env.TABLEWRIGHT_AWS_CHECKS = "off";

// biome-ignore lint/suspicious/noExplicitAny: example JSON is edited freely here
type Json = any;
const example = (name: string): Json => JSON.parse(readFileSync(`examples/requests/valid/${name}.json`, "utf8"));
const capacity = (units: number) => ({ units });

/**
 * Provisioned capacity that serves the example's stated peak (1,500 reads and 400 writes a second of
 * 2 KB items: 750 RCU, 800 WCU, 400 WCU per GSI): prod refuses less (requireCapacityForPeak).
 */
const gsiCapacity = () => ({ read: capacity(20), write: capacity(400) });

/** The prod example with GSIs on provisioned capacity, owned by `team`. */
function prodProvisioned(tableName: string, team = "orders"): Json {
  const r = example("prod-with-gsis");
  r.tableName = tableName;
  r.owner.team = team;
  r.billing = { mode: "PROVISIONED", read: capacity(750), write: capacity(800) };
  for (const gsi of r.globalSecondaryIndexes) gsi.capacity = gsiCapacity();
  return r;
}

/** The change of the e2e journey: two new GSIs and a switch to on-demand. */
function twoGsisOnDemand(live: Json): Json {
  const r = structuredClone(live);
  r.billing = { mode: "PAY_PER_REQUEST" };
  for (const gsi of r.globalSecondaryIndexes) delete gsi.capacity;
  r.globalSecondaryIndexes.push(
    { name: "by-region", partitionKey: { name: "region", type: "S" }, projection: { type: "KEYS_ONLY" } },
    { name: "by-sku", partitionKey: { name: "sku", type: "S" }, projection: { type: "KEYS_ONLY" } },
  );
  return r;
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(databaseKinds())("inventory of managed tables on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let outsider: Actor;
  let ann: Actor;
  let bob: Actor;

  /** A prod table through two approvals; returns the request key and the table id. */
  async function approvedProdTable(name: string) {
    const cr = await createChangeRequest(dev, { request: prodProvisioned(name), submit: true }, db);
    await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(bob, cr.key, "APPROVE", { revisionNumber: 1 }, db);
    const detail = await getChangeRequest(dev, cr.key, db);
    return { key: cr.key, tableId: detail.table?.id as string };
  }

  /** The request as the approval queue lists it for `viewer` (newest first, so it is on the first page). */
  async function queued(viewer: Actor, key: string) {
    const page = await listQueue(viewer, QueueQuerySchema.parse({ sort: "newest" }), { db });
    const item = page.items.find((i) => i.key === key);
    expect(item).toBeDefined();
    return item as NonNullable<typeof item>;
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", ["orders"]);
    outsider = await makeActor(db, "DEVELOPER", ["search"]);
    ann = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    bob = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
  });
  afterAll(async () => t?.drop());

  it("approving a create request adds its table, in the approval's transaction, and ties the request to it", async () => {
    const cr = await createChangeRequest(dev, { request: prodProvisioned("inv-orders"), submit: true }, db);
    expect(cr.tableId).toBeNull();
    const created = await getChangeRequest(dev, cr.key, db);
    expect(created.current.operationPlan?.kind).toBe("create");
    expect(created.risk).toBeNull();
    expect(created.approvals.required).toBe(2);
    await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db);
    expect(await db.managedTable.count({ where: { name: "inv-orders" } })).toBe(0);
    await transitionChangeRequest(bob, cr.key, "APPROVE", { revisionNumber: 1 }, db);

    const detail = await getChangeRequest(dev, cr.key, db);
    const table = await getManagedTable(dev, detail.table?.id as string, db);
    expect(table).toMatchObject({
      name: "inv-orders",
      primaryRegion: "us-east-1",
      regions: ["us-east-1"],
      tier: "prod",
      liveStatus: "AWAITING_APPLY",
      definedByRequestKey: cr.key,
      definedByRevision: 1,
      drPattern: detail.current.drPreview?.pattern,
      team: { slug: "orders" },
      canChange: true,
    });
    expect(table.monthlyCostUsd).toBeCloseTo(detail.current.estimate?.totalMonthlyUsd ?? Number.NaN, 6);
    expect(table.definition).toEqual(detail.current.request);
    expect(table.history).toMatchObject([{ key: cr.key, kind: "create", definesTable: true, status: "APPROVED" }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "APPROVE", toStatus: "APPROVED" } });
    expect(JSON.parse(audit.detailsJson)).toMatchObject({ tableId: table.id, tableAdded: true });
  });

  it("refuses a new request for a managed table's name and Region, on the table name, pointing to it", async () => {
    const { tableId } = await approvedProdTable("inv-collide");
    const error = await appError(createChangeRequest(dev, { request: prodProvisioned("inv-collide") }, db));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues).toMatchObject([{ path: "tableName", code: "TABLE_ALREADY_MANAGED" }]);
    expect(error.issues[0]?.message).toContain(`/tables/${tableId}`);
    expect(error.details).toMatchObject({ tableId, changeThisTable: `/requests/new?table=${tableId}` });
    // Same name in another Region is another table.
    const elsewhere = prodProvisioned("inv-collide");
    elsewhere.regions = { primary: "eu-west-1" };
    elsewhere.alarms = { enabled: true };
    await expect(createChangeRequest(dev, { request: elsewhere }, db)).resolves.toMatchObject({ status: "DRAFT" });
  });

  it("plans a change against the live definition, shows it to approvers, and approval redefines the table", async () => {
    const { key: createKey, tableId } = await approvedProdTable("inv-change");
    const live = (await getManagedTable(dev, tableId, db)).definition;
    const change = await createChangeRequest(
      dev,
      { request: twoGsisOnDemand(live), tableId, title: "Two GSIs, on-demand", submit: true },
      db,
    );
    expect(change.tableId).toBe(tableId);
    const detail = await getChangeRequest(dev, change.key, db);
    const plan = detail.current.operationPlan;
    expect(plan?.kind).toBe("change");
    expect(detail.risk).toBe(plan?.risk);
    expect(detail.revisions[0]?.planBaseline).toBe(`${createKey}@1`);
    // The module README carries the plan the approvers see.
    expect(detail.current.files["README.md"]).toContain(`as approved in ${createKey} revision 1`);
    expect(detail.current.files["README.md"]).toContain(`Risk: **${detail.risk}**.`);
    const kinds = plan?.steps.flatMap((s) => s.changes.map((c) => c.kind)) ?? [];
    expect(kinds.filter((k) => k === "GSI_CREATED")).toHaveLength(2);
    expect(kinds).toContain("BILLING_TO_ON_DEMAND");
    // One GSI per UpdateTable: the two new indexes are two steps.
    const gsiSteps = plan?.steps.filter((s) => s.changes.some((c) => c.kind === "GSI_CREATED")) ?? [];
    expect(gsiSteps).toHaveLength(2);
    // The rate-limit window is known (the table's history was given), not "unknown".
    const billing = plan?.steps.flatMap((s) => s.changes).find((c) => c.kind === "BILLING_TO_ON_DEMAND");
    expect(billing?.rateLimit?.status).toBe("available");
    // Change safety against the table as it exists, not "not created yet".
    expect((await getChangeSafety(dev, change.key, db)).baseline).toEqual({
      kind: "managed",
      tableId,
      definedBy: `${createKey}@1`,
    });
    // The queue sees the risk and the steps.
    expect((await queued(ann, change.key)).plan).toEqual({ risk: plan?.risk, steps: plan?.steps.length });
    const row = (await listChangeRequests(ann, { q: change.key.toLowerCase() }, db)).items[0];
    expect(row).toMatchObject({ risk: plan?.risk, tableId });

    await transitionChangeRequest(ann, change.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(bob, change.key, "APPROVE", { revisionNumber: 1 }, db);
    const table = await getManagedTable(dev, tableId, db);
    expect(table.definition.globalSecondaryIndexes.map((g) => g.name)).toEqual([
      "by-customer",
      "by-status",
      "by-region",
      "by-sku",
    ]);
    expect(table.definition.billing.mode).toBe("PAY_PER_REQUEST");
    expect(table).toMatchObject({
      definedByRequestKey: change.key,
      definedByRevision: 1,
      liveStatus: "AWAITING_APPLY",
    });
    expect(table.lastPlan?.risk).toBe(plan?.risk);
    expect(table.history.map((h) => [h.key, h.kind, h.definesTable])).toEqual([
      [change.key, "change", true],
      [createKey, "create", false],
    ]);

    // Back to provisioned, then on-demand again: the approved switch counts in the 24 h window.
    const back = structuredClone(table.definition);
    back.billing = live.billing;
    back.globalSecondaryIndexes = back.globalSecondaryIndexes.map((g: Json) => ({
      ...g,
      capacity: gsiCapacity(),
    }));
    const toProvisioned = await createChangeRequest(dev, { request: back, tableId, submit: true }, db);
    await transitionChangeRequest(ann, toProvisioned.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(bob, toProvisioned.key, "APPROVE", { revisionNumber: 1 }, db);
    const switchAgain = await createChangeRequest(dev, { request: table.definition, tableId }, db);
    const replanned = (await getChangeRequest(dev, switchAgain.key, db)).current.operationPlan;
    const rate = replanned?.steps.flatMap((s) => s.changes).find((c) => c.kind === "BILLING_TO_ON_DEMAND")?.rateLimit;
    expect(rate).toMatchObject({ status: "available", usedInWindow: 1 });
  });

  it("serves one module per apply of a multi-apply plan, deterministic, and counts approved capacity decreases", async () => {
    const { tableId } = await approvedProdTable("inv-applies");
    const live = (await getManagedTable(dev, tableId, db)).definition;
    const change = await createChangeRequest(dev, { request: twoGsisOnDemand(live), tableId, submit: true }, db);
    const detail = await getChangeRequest(dev, change.key, db);
    const plan = detail.current.operationPlan;
    // prod's tier policy asks for prevent_destroy; this change replaces nothing, so it stays.
    expect(detail.current.files["main.tf"]).toContain("prevent_destroy = true");
    expect((await appError(getApplyBundle(dev, change.key, 1, 1, db))).code).toBe("CONFLICT");
    await transitionChangeRequest(ann, change.key, "APPROVE", { revisionNumber: 1 }, db);
    await transitionChangeRequest(bob, change.key, "APPROVE", { revisionNumber: 1 }, db);
    const total = plan?.applies.length ?? 0;
    expect(total).toBeGreaterThan(1);
    for (let k = 1; k <= total; k++) {
      const bundle = await getApplyBundle(dev, change.key, 1, k, db);
      expect(bundle.filename).toContain(`apply-${k}-of-${total}`);
      const files = unzipSync(bundle.bytes);
      const readme = strFromU8(files["inv-applies/README.md"] as Uint8Array);
      expect(readme).toContain(`## Apply ${k} of ${total}`);
      const request = JSON.parse(strFromU8(files["inv-applies/request.json"] as Uint8Array));
      expect(request).toEqual(plan?.applies[k - 1]?.definition);
      const again = await getApplyBundle(dev, change.key, 1, k, db);
      expect(again.bytes).toEqual(bundle.bytes);
    }
    expect((await appError(getApplyBundle(dev, change.key, 1, total + 1, db))).code).toBe("NOT_FOUND");
    expect((await appError(getApplyBundle(outsider, change.key, 1, 1, db))).code).toBe("NOT_FOUND");

    // A provisioned table's capacity decrease, approved, counts in the next plan's UTC-day window
    // (prod refuses capacity below the stated peak of 750 RCU, so the units stay above it).
    const approveUntilDone = async (key: string) => {
      await transitionChangeRequest(ann, key, "APPROVE", { revisionNumber: 1 }, db);
      if ((await getChangeRequest(dev, key, db)).status !== "APPROVED")
        await transitionChangeRequest(bob, key, "APPROVE", { revisionNumber: 1 }, db);
    };
    const { tableId: t2 } = await approvedProdTable("inv-decrease");
    const lower: Json = structuredClone((await getManagedTable(dev, t2, db)).definition);
    lower.billing.read = capacity(760);
    const raise = await createChangeRequest(dev, { request: lower, tableId: t2, submit: true }, db);
    await approveUntilDone(raise.key);
    const down: Json = structuredClone(lower);
    down.billing.read = capacity(755);
    const decrease = await createChangeRequest(dev, { request: down, tableId: t2, submit: true }, db);
    await approveUntilDone(decrease.key);
    const again: Json = structuredClone(down);
    again.billing.read = capacity(752);
    const next = await createChangeRequest(dev, { request: again, tableId: t2 }, db);
    const replanned = (await getChangeRequest(dev, next.key, db)).current.operationPlan;
    const limit = replanned?.steps.flatMap((s) => s.changes).find((c) => c.rateLimit?.rule === "CAPACITY_DECREASE");
    // The raise is not a decrease; the approved decrease is the one counted today.
    expect(limit?.rateLimit).toMatchObject({ status: "available", usedInWindow: 1 });
  });

  it("lets a low-risk prod change pass with one approval (tier policy approvalsByRisk)", async () => {
    const { tableId } = await approvedProdTable("inv-tags");
    const live = (await getManagedTable(dev, tableId, db)).definition;
    const tagged = structuredClone(live);
    tagged.tags = { ...tagged.tags, Owner: "orders-oncall" };
    const cr = await createChangeRequest(dev, { request: tagged, tableId, submit: true }, db);
    const detail = await getChangeRequest(dev, cr.key, db);
    expect(detail.risk).toBe("low");
    expect(detail.approvals.required).toBe(1);
    const result = await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db);
    expect(result.status).toBe("APPROVED");
    expect((await getManagedTable(dev, tableId, db)).definition.tags.Owner).toBe("orders-oncall");
  });

  it("a key change is destructive: refused without the acknowledgement and migration note, then needs the platform role", async () => {
    const basic = example("basic-dev");
    basic.tableName = "inv-keys";
    basic.owner.team = "orders";
    const cr = await createChangeRequest(dev, { request: basic, submit: true }, db);
    await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db);
    const tableId = (await getChangeRequest(dev, cr.key, db)).table?.id as string;
    const rekeyed = structuredClone(basic);
    rekeyed.partitionKey = { name: "sessionId", type: "S" };

    const refused = await appError(createChangeRequest(dev, { request: rekeyed, tableId }, db));
    expect(refused.issues).toMatchObject([
      { path: "acknowledgement.migrationNote", code: "DESTRUCTIVE_ACKNOWLEDGEMENT_REQUIRED" },
    ]);
    const note = "Export with PITR to S3, import into the new table, move the clients, then retire the old one.";
    const change = await createChangeRequest(
      dev,
      { request: rekeyed, tableId, submit: true, acknowledgement: { destructive: true, migrationNote: note } },
      db,
    );
    const detail = await getChangeRequest(dev, change.key, db);
    expect(detail.risk).toBe("destructive");
    expect(detail.current.operationPlan?.requiresAcknowledgement).toBe(true);
    expect(detail.current.acknowledgement).toMatchObject({ destructive: true, migrationNote: note });
    expect((await getChangeSafety(dev, change.key, db)).flags.map((f) => f.kind)).toContain("replacement");
    // A revision must acknowledge again: each revision is reviewed afresh.
    const edited = structuredClone(rekeyed);
    edited.tags = { ...edited.tags, Owner: "sessions" };
    const revisionRefused = await appError(addRevision(dev, change.key, { request: edited }, db));
    expect(revisionRefused.issues[0]?.path).toBe("acknowledgement.migrationNote");
    // Dev needs one approval, and it must come from the platform role.
    expect((await queued(ann, change.key)).plan).toMatchObject({ risk: "destructive" });
    expect((await getChangeRequest(ann, change.key, db)).current.acknowledgement?.migrationNote).toBe(note);
    const lead = { ...dev, id: "team-lead", role: "ADMIN_LIKE_TEAM_LEAD" };
    await expect(transitionChangeRequest(lead, change.key, "APPROVE", { revisionNumber: 1 }, db)).rejects.toThrow();
    await transitionChangeRequest(ann, change.key, "APPROVE", { revisionNumber: 1 }, db);
    expect((await getManagedTable(dev, tableId, db)).definition.partitionKey.name).toBe("sessionId");
  });

  it("refuses to approve a change planned against a definition another approval replaced", async () => {
    const basic = example("basic-dev");
    basic.tableName = "inv-stale";
    basic.owner.team = "orders";
    const cr = await createChangeRequest(dev, { request: basic, submit: true }, db);
    await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db);
    const tableId = (await getChangeRequest(dev, cr.key, db)).table?.id as string;
    const a = structuredClone(basic);
    a.tags = { ...a.tags, Owner: "a" };
    const b = structuredClone(basic);
    b.tags = { ...b.tags, Owner: "b" };
    const first = await createChangeRequest(dev, { request: a, tableId, submit: true }, db);
    const second = await createChangeRequest(dev, { request: b, tableId, submit: true }, db);
    await transitionChangeRequest(ann, first.key, "APPROVE", { revisionNumber: 1 }, db);
    const stale = await appError(transitionChangeRequest(ann, second.key, "APPROVE", { revisionNumber: 1 }, db));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("revise the request");
    // Revising re-plans it against the new definition; then it can be approved.
    await addRevision(dev, second.key, { request: b }, db);
    await transitionChangeRequest(ann, second.key, "APPROVE", { revisionNumber: 2 }, db);
    expect((await getManagedTable(dev, tableId, db)).definition.tags.Owner).toBe("b");
  });

  it("an adoption adds its table at once, as read, and changes to it are planned against it", async () => {
    const basic = example("basic-dev");
    basic.tableName = "inv-adopted";
    basic.owner.team = "orders";
    const imported = await createChangeRequest(
      dev,
      {
        request: basic,
        importExisting: { tableName: "inv-adopted", region: "us-east-1" },
        importFacts: { sizeGb: 42, itemCount: 1_000_000, account: "123456789012" },
      },
      db,
    );
    const table = await getManagedTable(dev, imported.tableId as string, db);
    expect(table).toMatchObject({ liveStatus: "VERIFIED", sizeGb: 42, itemCount: 1_000_000, account: "123456789012" });
    expect(table.history).toMatchObject([{ key: imported.key, kind: "import" }]);
    expect((await getChangeRequest(dev, imported.key, db)).current.operationPlan?.kind).toBe("none");
    const refused = await appError(createChangeRequest(dev, { request: basic }, db));
    expect(refused.issues[0]?.code).toBe("TABLE_ALREADY_MANAGED");
  });

  it("scopes tables by team, refuses another team's tableId, filters, and pages without gaps in both sorts", async () => {
    const other = await makeActor(db, "DEVELOPER", ["search"]);
    const mine = await listManagedTables(dev, { limit: 100 }, db);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.team.slug === "orders")).toBe(true);
    expect((await listManagedTables(outsider, {}, db)).items).toEqual([]);
    const someId = mine.items[0]?.id as string;
    expect((await appError(getManagedTable(outsider, someId, db))).code).toBe("NOT_FOUND");
    const basic = example("basic-dev");
    basic.owner.team = "search";
    basic.tableName = "inv-search";
    const wrongTable = await appError(createChangeRequest(other, { request: basic, tableId: someId }, db));
    expect(wrongTable.issues[0]).toMatchObject({ path: "tableId", code: "TABLE_UNKNOWN" });
    // The platform team sees every team's tables.
    expect((await listManagedTables(ann, { team: "orders", limit: 100 }, db)).items.length).toBe(mine.items.length);
    expect((await listManagedTables(ann, { tier: "prod", region: "us-east-1" }, db)).items.length).toBeGreaterThan(0);
    expect((await listManagedTables(ann, { status: "VERIFIED" }, db)).items.map((i) => i.name)).toEqual([
      "inv-adopted",
    ]);
    expect((await listManagedTables(ann, { region: "us-east" }, db)).items).toEqual([]);

    for (const sort of ["newest", "cost"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let costs: number[] = [];
      do {
        const page = await listManagedTables(ann, { sort, limit: 2, cursor }, db);
        seen.push(...page.items.map((i) => i.id));
        costs = [...costs, ...page.items.map((i) => i.monthlyCostUsd)];
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(await db.managedTable.count());
      if (sort === "cost") expect(costs).toEqual([...costs].sort((x, y) => y - x));
    }
    const expensive = await listManagedTables(ann, { minCost: 100 }, db);
    expect(expensive.items.every((i) => i.monthlyCostUsd >= 100)).toBe(true);
    const newestCursor = (await listManagedTables(ann, { limit: 1 }, db)).nextCursor as string;
    expect((await appError(listManagedTables(ann, { sort: "cost", cursor: newestCursor }, db))).code).toBe(
      "BAD_REQUEST",
    );
  });
});
