import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import { createChangeRequest } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { runIdempotent } from "../../lib/server/idempotency";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

process.env.TABLEWRIGHT_AWS_CHECKS = "off";

const request = () => {
  const r = JSON.parse(readFileSync("examples/requests/valid/basic-dev.json", "utf8"));
  r.owner.team = "checkout";
  return r;
};

describe.each(databaseKinds())("idempotent creates on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let dev: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    dev = await makeActor(db, "DEVELOPER", ["checkout"]);
  });
  afterAll(async () => t?.drop());

  /** The create as the route runs it: the response is recorded inside the create's transaction. */
  const create = (key: string, title: string, gate?: Promise<void>) =>
    runIdempotent(
      dev,
      key,
      { title },
      async (claim) => {
        await gate;
        return {
          status: 201,
          body: await createChangeRequest(dev, { request: request(), title }, db, async (tx, created) => {
            await claim?.complete(tx, { status: 201, body: created });
          }),
        };
      },
      db,
    );
  const countTitled = (title: string) => db.changeRequest.count({ where: { title } });

  it("answers a retry with the first response and creates once", async () => {
    const first = await create("k-replay", "replay");
    const second = await create("k-replay", "replay");
    expect(second).toEqual({ ...first, replayed: true });
    expect(await countTitled("replay")).toBe(1);
  });

  it("a PENDING key whose owner died is taken over once its lease runs out", async () => {
    // What a process killed mid-create leaves behind: a claim, no change request.
    await db.idempotencyRecord.create({
      data: {
        actorId: dev.id,
        key: "k-dead",
        requestHash: (await import("node:crypto"))
          .createHash("sha256")
          .update(JSON.stringify({ title: "dead" }))
          .digest("hex"),
        status: 0,
        responseJson: "null",
        claimToken: "dead-owner",
        leaseExpiresAt: new Date(Date.now() - 1_000),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const retried = await create("k-dead", "dead");
    expect(retried.status).toBe(201);
    expect(retried.replayed).toBe(false);
    expect(await countTitled("dead")).toBe(1);
    expect((await create("k-dead", "dead")).replayed).toBe(true);
  });

  it("a PENDING key within its lease answers 409 with how long to wait", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = create("k-busy", "busy", gate);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await create("k-busy", "busy").catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).details.retryAfterSeconds).toBeGreaterThan(0);
    release();
    expect((await slow).status).toBe(201);
    expect(await countTitled("busy")).toBe(1);
  });

  it("exactly once even when the first attempt was only slow: its create rolls back when a retry took over", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = create("k-slow", "slow", gate);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Its lease runs out while it is still working.
    await db.idempotencyRecord.updateMany({
      where: { key: "k-slow" },
      data: { leaseExpiresAt: new Date(Date.now() - 1) },
    });
    const retry = await create("k-slow", "slow");
    expect(retry.status).toBe(201);
    release();
    const late = await slow.catch((e: AppError) => e);
    expect(late).toBeInstanceOf(AppError);
    expect((late as AppError).code).toBe("CONFLICT");
    expect(await countTitled("slow")).toBe(1);
    expect((await create("k-slow", "slow")).body).toEqual(retry.body);
  });

  it("a failed attempt frees the key", async () => {
    const failing = () =>
      runIdempotent(
        dev,
        "k-fail",
        { title: "fail" },
        async () => {
          throw new AppError("VALIDATION_FAILED", "no");
        },
        db,
      );
    await expect(failing()).rejects.toThrow("no");
    expect(await db.idempotencyRecord.count({ where: { key: "k-fail" } })).toBe(0);
  });
});
