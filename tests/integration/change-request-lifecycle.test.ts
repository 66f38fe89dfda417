import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { QueueQuerySchema } from "../../lib/api/schemas/queue";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import {
  addComment,
  addRevision,
  createChangeRequest,
  diffChangeRequestRevisions,
  getChangeRequest,
  getChangeSafety,
  getRevisionBundle,
  listChangeRequestAudit,
  listChangeRequests,
  transitionChangeRequest,
} from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { listQueue } from "../../lib/server/queue";
import { exampleRequest } from "../fixtures/requests";
import { makeActor } from "../support/actors";
import { backstageProblems, loadCatalogSchema } from "../support/backstage";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

let tableSeq = 0;
/** An example owned by `team`, under a table name of its own: an approved create adds its table to
 * the inventory, and a later request with the same name and Region would be refused. */
const owned = (name: string, team: string, tableName?: string) => {
  const request = exampleRequest(name, { team });
  request.tableName = tableName ?? `${request.tableName}-${++tableSeq}`;
  return request;
};

/** A download (no If-None-Match): always the bytes, never a 304. */
async function downloadBundle(actor: Actor, key: string, revision: number, db: Db) {
  const bundle = await getRevisionBundle(actor, key, revision, db);
  if (bundle.notModified) throw new Error("a download without If-None-Match answered 304");
  return bundle;
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

// These suites exercise the workflow, not AWS: live name checks are off (tests/integration/aws-* cover them).
process.env.TABLEWRIGHT_AWS_CHECKS = "off";

describe.each(databaseKinds())("change requests on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;
  let teammate: Actor;
  let outsider: Actor;
  let ann: Actor;
  let bob: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", ["checkout", "orders"]);
    teammate = await makeActor(db, "DEVELOPER", ["checkout"]);
    outsider = await makeActor(db, "DEVELOPER", ["search"]);
    ann = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
    bob = await makeActor(db, "PLATFORM_APPROVER", ["platform"]);
  });
  afterAll(async () => t?.drop());

  it("review: change safety against what is live, cost change, purpose and whose move it is", async () => {
    const original = owned("prod-with-gsis", "orders");
    original.tableName = `orders-safety-${kind}`;
    original.owner.purpose = "Orders, by customer and status.";
    const created = await createChangeRequest(dev, { request: original, title: "Orders", submit: true }, db);
    const rebuilt = structuredClone(original);
    rebuilt.globalSecondaryIndexes[1].projection = { type: "ALL" };
    rebuilt.workload.readsPerSecond *= 2;
    const revised = await addRevision(dev, created.key, { request: rebuilt }, db);
    // Revision 1 was never approved: no table exists, so nothing is rebuilt (not the false alarm).
    expect(revised.flags).toEqual([]);
    expect(await getChangeSafety(ann, created.key, db)).toEqual({ baseline: { kind: "none" }, revision: 2, flags: [] });
    const listed = await listChangeRequests(ann, { q: original.tableName }, db);
    expect(listed.items[0]?.flags).not.toContain("rebuild");

    const diff = await diffChangeRequestRevisions(ann, created.key, 1, 2, db);
    expect(diff.fieldChanges.map((c) => c.label)).toContain("Index by-status (GSI 2) › Projection type");
    const costChange = diff.costChange;
    if (!costChange) throw new Error("both revisions are complete, so the diff has a cost change");
    expect(costChange.deltaUsd).toBeGreaterThan(0);
    expect(costChange.after.totalUsd - costChange.before.totalUsd).toBeCloseTo(costChange.deltaUsd);
    expect(costChange.regions.map((r) => r.region)).toContain("us-east-1");

    // Ann approves (1 of 2 for prod): for Ann it waits on others, for Bob it needs a decision.
    await transitionChangeRequest(ann, created.key, "APPROVE", { revisionNumber: 2 }, db);
    const queued = async (viewer: Actor) =>
      (await listQueue(viewer, QueueQuerySchema.parse({ team: "orders", sort: "newest" }), { db })).items.find(
        (item) => item.key === created.key,
      );
    expect(await queued(ann)).toMatchObject({
      purpose: "Orders, by customer and status.",
      approvedByMe: true,
      isOwn: false,
      plan: null,
    });
    expect(await queued(bob)).toMatchObject({ approvedByMe: false, isOwn: false });
    expect(await queued(dev)).toMatchObject({ isOwn: true });
  });

  it("runs the whole lifecycle: draft, submit, request changes, revise, approve, download", async () => {
    const created = await createChangeRequest(
      dev,
      { request: owned("basic-dev", "checkout", "carts-dev"), title: "Carts" },
      db,
    );
    expect(created).toMatchObject({ status: "DRAFT", currentRevision: 1 });
    expect(created.key).toMatch(/^TW-\d+$/);

    await transitionChangeRequest(teammate, created.key, "SUBMIT", {}, db);
    await expectAppError(
      transitionChangeRequest(ann, created.key, "REQUEST_CHANGES", { reason: "  " }, db),
      "REASON_REQUIRED",
    );
    await transitionChangeRequest(ann, created.key, "REQUEST_CHANGES", { reason: "Turn PITR on" }, db);

    const edited = owned("basic-dev", "checkout", "carts-dev");
    edited.pointInTimeRecovery = { enabled: true, recoveryPeriodInDays: 7 };
    const revised = await addRevision(dev, created.key, { request: edited }, db);
    expect(revised).toMatchObject({ status: "SUBMITTED", currentRevision: 2 });

    const diff = await diffChangeRequestRevisions(dev, created.key, 1, 2, db);
    expect(diff.fieldChanges.map((c) => c.path)).toContain("pointInTimeRecovery.enabled");
    expect(diff.fileDiffs.find((f) => f.path === "main.tf")?.patch).toContain("+    enabled");

    await expectAppError(
      transitionChangeRequest(ann, created.key, "APPROVE", { revisionNumber: 1 }, db),
      "VERSION_CONFLICT",
    );
    const approved = await transitionChangeRequest(ann, created.key, "APPROVE", { revisionNumber: 2 }, db);
    expect(approved.status).toBe("APPROVED");

    const detail = await getChangeRequest(dev, created.key, db);
    expect(detail).toMatchObject({ status: "APPROVED", approvedRevision: 2, currentRevision: 2 });
    expect(detail.decisions.map((d) => d.kind)).toEqual(["REQUEST_CHANGES", "APPROVE"]);
    expect(detail.current.files["main.tf"]).toContain('resource "aws_dynamodb_table" "this"');
    expect(detail.current.estimate?.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await expectAppError(getRevisionBundle(dev, created.key, 1, db), "CONFLICT");
    const bundle = await downloadBundle(dev, created.key, 2, db);
    expect(createHash("sha256").update(bundle.bytes).digest("hex")).toBe(detail.revisions[1]?.bundleSha256);
    const entries = unzipSync(bundle.bytes);
    expect(Object.keys(entries)).toContain("carts-dev/main.tf");
    expect(new TextDecoder().decode(entries["carts-dev/main.tf"])).toBe(detail.current.files["main.tf"]);
    // The client already holds these bytes: 304 without reading the zip, and no download recorded.
    const downloads = async () =>
      (await listChangeRequestAudit(dev, created.key, db)).filter((e) => e.action === "BUNDLE_DOWNLOADED").length;
    const before = await downloads();
    const cached = await getRevisionBundle(dev, created.key, 2, db, { ifNoneMatch: `"${bundle.sha256}"` });
    expect(cached).toEqual({ notModified: true, sha256: bundle.sha256, filename: bundle.filename });
    expect(await downloads()).toBe(before);
  });

  it("bundles catalog-info.yaml: the table as a Backstage Resource linked to its change request", async () => {
    const previous = process.env.TABLEWRIGHT_PUBLIC_URL;
    process.env.TABLEWRIGHT_PUBLIC_URL = "https://tablewright.example.com";
    try {
      const request = owned("basic-dev", "checkout");
      request.tableName = `catalog-${kind}`;
      const created = await createChangeRequest(dev, { request, submit: true }, db);
      await transitionChangeRequest(ann, created.key, "APPROVE", { revisionNumber: 1 }, db);
      const entries = unzipSync((await downloadBundle(dev, created.key, 1, db)).bytes);
      const text = new TextDecoder().decode(entries[`catalog-${kind}/catalog-info.yaml`]);
      const entity = parseYaml(text);
      expect(entity).toMatchObject({
        kind: "Resource",
        metadata: {
          name: `catalog-${kind}`,
          annotations: { "tablewright.io/change-request": created.key },
          links: [{ url: `https://tablewright.example.com/requests/${created.key}` }],
        },
        spec: { type: "dynamodb-table", owner: "group:default/checkout" },
      });
      const resource = await loadCatalogSchema("kinds/Resource.v1alpha1.schema.json.esm.js");
      expect(await backstageProblems(entity, resource)).toEqual([]);
      expect((await getChangeRequest(dev, created.key, db)).current.files["catalog-info.yaml"]).toBe(text);
    } finally {
      if (previous === undefined) delete process.env.TABLEWRIGHT_PUBLIC_URL;
      else process.env.TABLEWRIGHT_PUBLIC_URL = previous;
    }
  });

  it("applies the four-eyes rule: nobody decides on their own request, developers never decide", async () => {
    const selfish = await makeActor(db, "PLATFORM_APPROVER", ["checkout"]);
    const cr = await createChangeRequest(selfish, { request: owned("basic-dev", "checkout"), submit: true }, db);
    await expectAppError(transitionChangeRequest(selfish, cr.key, "APPROVE", { revisionNumber: 1 }, db), "FOUR_EYES");
    await expectAppError(transitionChangeRequest(dev, cr.key, "APPROVE", { revisionNumber: 1 }, db), "FORBIDDEN");
    const audit = await listChangeRequestAudit(ann, cr.key, db);
    expect(audit.filter((e) => e.action === "DECISION_DENIED").map((e) => e.details.code)).toEqual([
      "FOUR_EYES",
      "FORBIDDEN",
    ]);
    expect((await getChangeRequest(ann, cr.key, db)).status).toBe("SUBMITTED");
  });

  it("bars everyone who wrote any revision from deciding, even after an unchanged re-save by someone else", async () => {
    // An approver who is also in the owning team writes revision 2; a developer re-saves it unchanged.
    const writer = await makeActor(db, "PLATFORM_APPROVER", ["checkout"]);
    const cr = await createChangeRequest(dev, { request: owned("basic-dev", "checkout"), submit: true }, db);
    const request = owned("basic-dev", "checkout");
    await addRevision(writer, cr.key, { request }, db);
    const resaved = await addRevision(dev, cr.key, { request }, db);
    await expectAppError(
      transitionChangeRequest(writer, cr.key, "APPROVE", { revisionNumber: resaved.currentRevision }, db),
      "FOUR_EYES",
    );
    expect(
      (await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: resaved.currentRevision }, db)).status,
    ).toBe("APPROVED");
  });

  it("needs two approvals from two people for prod, and a new revision clears earlier approvals", async () => {
    const cr = await createChangeRequest(dev, { request: owned("prod-with-gsis", "orders"), submit: true }, db);
    expect((await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db)).status).toBe("SUBMITTED");
    const listed = (await listChangeRequests(ann, { q: cr.key.toLowerCase() }, db)).items.find((i) => i.key === cr.key);
    expect(listed?.approvals).toEqual({ count: 1, required: 2 });
    await expectAppError(transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1 }, db), "CONFLICT");

    const edited = owned("prod-with-gsis", "orders", (await getChangeRequest(dev, cr.key, db)).tableName);
    edited.tags = { ...edited.tags, Owner: "orders-oncall" };
    await addRevision(dev, cr.key, { request: edited }, db);
    const afterRevision = await getChangeRequest(dev, cr.key, db);
    expect(afterRevision.approvals).toEqual({ count: 0, required: 2, roles: [] });

    await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 2 }, db);
    const final = await transitionChangeRequest(bob, cr.key, "APPROVE", { revisionNumber: 2 }, db);
    expect(final.status).toBe("APPROVED");
  });

  it("lets exactly one of two approvers deciding at the same moment win; the other gets a conflict", async () => {
    for (let round = 0; round < 3; round++) {
      const cr = await createChangeRequest(dev, { request: owned("basic-dev", "checkout"), submit: true }, db);
      const [annDb, bobDb] = [await t.connect(), await t.connect()];
      const { version } = await getChangeRequest(ann, cr.key, annDb);
      const results = await Promise.allSettled([
        transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 1, expectedVersion: version }, annDb),
        transitionChangeRequest(bob, cr.key, "REJECT", { reason: "no", expectedVersion: version }, bobDb),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(AppError);
      expect((lost[0] as PromiseRejectedResult).reason.status).toBe(409);
      const decisions = await db.decision.count({ where: { changeRequest: { key: cr.key } } });
      expect(decisions).toBe(1);
    }
  });

  it("writes exactly one audit event per transition, with who and from/to status", async () => {
    const cr = await createChangeRequest(dev, { request: owned("basic-dev", "checkout") }, db);
    await transitionChangeRequest(dev, cr.key, "SUBMIT", {}, db);
    await transitionChangeRequest(ann, cr.key, "REJECT", { reason: "duplicate of TW-1" }, db);
    const audit = await listChangeRequestAudit(dev, cr.key, db);
    expect(audit.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["CHANGE_REQUEST_CREATED", null, "DRAFT"],
      ["SUBMIT", "DRAFT", "SUBMITTED"],
      ["REJECT", "SUBMITTED", "REJECTED"],
    ]);
    expect(audit[2]?.actor).toContain(ann.email);
    expect(audit[2]?.details.reason).toBe("duplicate of TW-1");
    const raw = await db.auditEvent.findFirstOrThrow({ where: { action: "REJECT", changeRequest: { key: cr.key } } });
    expect(raw).toMatchObject({ clientAddress: "127.0.0.1", userAgent: "vitest" });
  });

  it("never changes a revision after it was created", async () => {
    const cr = await createChangeRequest(dev, { request: owned("basic-dev", "checkout"), submit: true }, db);
    const before = await db.revision.findFirstOrThrow({ where: { changeRequest: { key: cr.key }, number: 1 } });
    await transitionChangeRequest(ann, cr.key, "REQUEST_CHANGES", { reason: "tags" }, db);
    const edited = owned("basic-dev", "checkout", before.requestJson.match(/"tableName": "([^"]+)"/)?.[1]);
    edited.tags.Owner = "carts";
    await addRevision(dev, cr.key, { request: edited }, db);
    await addComment(ann, cr.key, "looks fine now", db);
    await transitionChangeRequest(ann, cr.key, "APPROVE", { revisionNumber: 2 }, db);
    const after = await db.revision.findFirstOrThrow({ where: { changeRequest: { key: cr.key }, number: 1 } });
    expect(after).toEqual(before);
    expect(createHash("sha256").update(after.bundle).digest("hex")).toBe(before.bundleSha256);
  });

  it("scopes developers to their teams; other teams' requests look missing", async () => {
    const cr = await createChangeRequest(dev, { request: owned("basic-dev", "checkout") }, db);
    await expectAppError(getChangeRequest(outsider, cr.key, db), "NOT_FOUND");
    await expectAppError(transitionChangeRequest(outsider, cr.key, "SUBMIT", {}, db), "NOT_FOUND");
    const page = await listChangeRequests(outsider, {}, db);
    expect(page.items.find((i) => i.key === cr.key)).toBeUndefined();
    await expectAppError(createChangeRequest(outsider, { request: owned("basic-dev", "checkout") }, db), "FORBIDDEN");
    const unknownTeam = await expectAppError(
      createChangeRequest(dev, { request: owned("basic-dev", "nope") }, db),
      "VALIDATION_FAILED",
    );
    expect(unknownTeam.issues[0]?.path).toBe("owner.team");
  });

  it("refuses to submit an invalid request, with field-level issues, and stores nothing", async () => {
    const before = await db.changeRequest.count();
    const bad = owned("basic-dev", "checkout");
    bad.tableName = "x";
    const error = await expectAppError(
      createChangeRequest(dev, { request: bad, submit: true }, db),
      "VALIDATION_FAILED",
    );
    expect(error.issues.map((i) => i.path)).toContain("tableName");
    expect(await db.changeRequest.count()).toBe(before);
  });

  it("refuses a revision that edits the GSIs of a live table whose GSIs autoscale (its module would ignore it)", async () => {
    const live = owned("provisioned-autoscaling", "orders");
    const importExisting = { tableName: live.tableName, region: live.regions.primary };
    const cr = await createChangeRequest(dev, { request: live, importExisting }, db);
    const edited = owned("provisioned-autoscaling", "orders", live.tableName);
    edited.globalSecondaryIndexes[0].projection = { type: "KEYS_ONLY" };
    const error = await expectAppError(addRevision(dev, cr.key, { request: edited }, db), "VALIDATION_FAILED");
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["GSI_CHANGE_IGNORED_BY_AUTOSCALING", "globalSecondaryIndexes[0]"],
    ]);
    expect((await getChangeRequest(dev, cr.key, db)).currentRevision).toBe(1);
    // The way out: one revision without GSI autoscaling makes the change.
    for (const dimension of ["read", "write"]) delete edited.globalSecondaryIndexes[0].capacity[dimension].autoscaling;
    expect(await addRevision(dev, cr.key, { request: edited }, db)).toMatchObject({ currentRevision: 2 });
  });

  it("lets a draft for a table not created yet change its autoscaled GSIs (they are all created at once)", async () => {
    const cr = await createChangeRequest(dev, { request: owned("provisioned-autoscaling", "orders") }, db);
    const edited = owned("provisioned-autoscaling", "orders");
    edited.globalSecondaryIndexes[0].projection = { type: "KEYS_ONLY" };
    expect(await addRevision(dev, cr.key, { request: edited }, db)).toMatchObject({ currentRevision: 2 });
  });

  it("keeps a draft whatever its validation state, and submits it only once a revision is valid", async () => {
    const bad = owned("basic-dev", "checkout");
    bad.tableName = "x"; // a domain error
    bad.billing = { mode: "PROVISIONED" }; // a shape error: no read or write capacity
    bad.surprise = true; // an unknown field
    const draft = await createChangeRequest(dev, { request: bad, title: "Half-done cart table" }, db);
    expect(draft.status).toBe("DRAFT");
    const stored = await getChangeRequest(dev, draft.key, db);
    expect(stored.title).toBe("Half-done cart table");
    expect(stored.current.isComplete).toBe(false);
    expect(stored.current.files).toEqual({});
    expect(stored.current.estimate).toBeNull();
    expect(stored.current.request).toMatchObject({ tableName: "x", surprise: true });
    expect(stored.current.validation.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["SCHEMA_UNKNOWN_FIELD", "SCHEMA_REQUIRED"]),
    );
    expect(stored.flags).toContain("incomplete");

    const refused = await expectAppError(
      transitionChangeRequest(dev, draft.key, "SUBMIT", {}, db),
      "VALIDATION_FAILED",
    );
    expect(refused.issues.map((i) => i.code)).toContain("SCHEMA_UNKNOWN_FIELD");
    await expectAppError(getRevisionBundle(dev, draft.key, 1, db), "CONFLICT");

    // A second draft revision, still with a domain error only: kept, with an estimate this time.
    const domainOnly = owned("basic-dev", "checkout");
    domainOnly.tableName = "x";
    const second = await addRevision(dev, draft.key, { request: domainOnly, title: "Cart table" }, db);
    expect(second.status).toBe("DRAFT");
    const secondDetail = await getChangeRequest(dev, draft.key, db);
    expect(secondDetail.title).toBe("Cart table");
    expect(secondDetail.current.isComplete).toBe(false);
    expect(secondDetail.current.estimate?.totalMonthlyUsd).toBeGreaterThan(0);
    const diff = await diffChangeRequestRevisions(dev, draft.key, 1, 2, db);
    expect(diff.flags).toEqual([]);
    expect(diff.fieldChanges.map((c) => c.path)).toContain("surprise");

    await addRevision(dev, draft.key, { request: owned("basic-dev", "checkout") }, db);
    const submitted = await transitionChangeRequest(dev, draft.key, "SUBMIT", {}, db);
    expect(submitted.status).toBe("SUBMITTED");
    // Once in review, a revision must be valid again.
    await expectAppError(addRevision(dev, draft.key, { request: bad }, db), "VALIDATION_FAILED");
    expect((await getChangeRequest(dev, draft.key, db)).currentRevision).toBe(3);
  });

  it("still needs an owning team the actor belongs to, and refuses oversized drafts", async () => {
    const noTeam = await expectAppError(
      createChangeRequest(dev, { request: { tableName: "t" } }, db),
      "VALIDATION_FAILED",
    );
    expect(noTeam.issues[0]?.path).toBe("owner.team");
    await expectAppError(createChangeRequest(outsider, { request: { owner: { team: "checkout" } } }, db), "FORBIDDEN");
    const huge = { owner: { team: "checkout" }, purpose: "x".repeat(1_100_000) };
    const tooLarge = await expectAppError(createChangeRequest(dev, { request: huge }, db), "VALIDATION_FAILED");
    expect(tooLarge.issues.map((i) => i.code)).toContain("INPUT_TOO_LARGE");
  });

  it("pages through the list in a stable order with filters", async () => {
    const lister = await makeActor(db, "DEVELOPER", ["listing"]);
    for (let i = 0; i < 5; i++) {
      const r = owned("basic-dev", "listing");
      r.tableName = `list-table-${i}`;
      await createChangeRequest(lister, { request: r, submit: i % 2 === 0 }, db);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listChangeRequests(lister, { limit: 2, cursor }, db);
      seen.push(...page.items.map((i) => i.tableName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["list-table-4", "list-table-3", "list-table-2", "list-table-1", "list-table-0"]);
    const submitted = await listChangeRequests(lister, { status: ["SUBMITTED"] }, db);
    expect(submitted.items.map((i) => i.tableName)).toEqual(["list-table-4", "list-table-2", "list-table-0"]);
    const search = await listChangeRequests(lister, { q: "LIST-TABLE-3" }, db);
    expect(search.items.map((i) => i.tableName)).toEqual(["list-table-3"]);
    await expectAppError(listChangeRequests(lister, { cursor: "garbage" }, db), "BAD_REQUEST");
  });

  it("search finds a request by its requester after a teammate revised it, and by the revised table name", async () => {
    const request = owned("basic-dev", "checkout");
    const created = await createChangeRequest(dev, { request, title: "Searchable" }, db);
    const renamed = structuredClone(request);
    renamed.tableName = `${request.tableName}-renamed`;
    await addRevision(teammate, created.key, { request: renamed }, db);
    const byRequester = await listChangeRequests(dev, { q: dev.email }, db);
    expect(byRequester.items.map((i) => i.key)).toContain(created.key);
    const byTable = await listChangeRequests(dev, { q: renamed.tableName }, db);
    expect(byTable.items.map((i) => i.key)).toEqual([created.key]);
    // The reviser is not the requester: searching for them does not find the request.
    const byReviser = await listChangeRequests(dev, { q: teammate.email }, db);
    expect(byReviser.items.map((i) => i.key)).not.toContain(created.key);
  });
});
