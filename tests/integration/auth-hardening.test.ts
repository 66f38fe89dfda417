import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "../../lib/domain/app-error";
import { can } from "../../lib/domain/auth";
import { authenticateApiToken, createApiToken, readTokenAuthority } from "../../lib/server/auth/api-tokens";
import { signInWithPassword } from "../../lib/server/auth/local-sign-in";
import { hashPassword } from "../../lib/server/auth/password";
import type { Db } from "../../lib/server/db";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

const holder = globalThis as typeof globalThis & { __tablewrightDb?: { promise?: Promise<Db> } };

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe.each(databaseKinds())("authority and sign-in throttle on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let previousDb: { promise?: Promise<Db> } | undefined;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    // authenticateApiToken without a db argument uses the process's client (and its token cache): point it here.
    previousDb = holder.__tablewrightDb;
    holder.__tablewrightDb = { ...previousDb, promise: Promise.resolve(db) };
  });
  afterAll(async () => {
    holder.__tablewrightDb = previousDb;
    await t?.drop();
  });

  it("a lowered role, a lost team and a revocation reach a cached API token at the next request", async () => {
    const approver = await makeActor(db, "PLATFORM_APPROVER", ["platform", "checkout"]);
    const { secret, id } = await createApiToken(
      approver,
      { name: "ci", scopes: ["read", "decide"], expiresInDays: 1 },
      db,
    );
    const first = await authenticateApiToken(secret);
    expect(first?.role).toBe("PLATFORM_APPROVER");
    expect(first && can(first, "requests.decide")).toBe(true);

    // Another instance (or the identity provider at the next SSO sign-in) lowers the role.
    await db.user.update({ where: { id: approver.id }, data: { role: "DEVELOPER" } });
    const checkout = await db.team.findUniqueOrThrow({ where: { slug: "checkout" } });
    await db.membership.delete({ where: { userId_teamId: { userId: approver.id, teamId: checkout.id } } });
    const second = await authenticateApiToken(secret);
    expect(second?.role).toBe("DEVELOPER");
    expect(second && can(second, "requests.decide")).toBe(false);
    expect(second?.teamIds).not.toContain(checkout.id);

    // Revoked elsewhere: this process's cache does not keep it alive.
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiToken(secret)).toBeUndefined();
    expect(await readTokenAuthority(db, id)).toBeUndefined();
  });

  it("reads a token's authority in one statement on this database", async () => {
    const dev = await makeActor(db, "DEVELOPER", ["a-team", "b-team"]);
    const { id } = await createApiToken(dev, { name: "x", scopes: ["read"], expiresInDays: 1 }, db);
    const authority = await readTokenAuthority(db, id);
    expect(authority?.role).toBe("DEVELOPER");
    expect(authority?.teamIds.sort()).toEqual([...dev.teamIds].sort());
    const loner = await makeActor(db, "DEVELOPER", []);
    const lonerToken = await createApiToken(loner, { name: "y", scopes: ["read"], expiresInDays: 1 }, db);
    expect(await readTokenAuthority(db, lonerToken.id)).toEqual({ role: "DEVELOPER", teamIds: [] });
  });

  describe("sign-in throttle", () => {
    const password = "correct horse battery staple";
    let email = "";

    beforeAll(async () => {
      email = `throttled-${kind}@test.example`;
      await db.user.create({
        data: { email, name: "Throttled", role: "DEVELOPER", passwordHash: await hashPassword(password) },
      });
    });

    it("after 25 wrong passwords in a row, the right one is refused too (429), on every instance", async () => {
      // The clock stands still (only Date is faked; I/O and scrypt run for real), so the outcome
      // does not depend on how fast this machine checks passwords.
      const start = Date.now();
      vi.useFakeTimers({ toFake: ["Date"], now: start });
      try {
        const client = { clientAddress: `10.0.0.${kind === "sqlite" ? 1 : 2}`, userAgent: "vitest" };
        const results: string[] = [];
        for (let i = 0; i < 25; i++) results.push(await outcome(signInWithPassword(email, `wrong-${i}`, client, db)));
        expect(results).toEqual([...Array(5).fill("UNAUTHENTICATED"), ...Array(20).fill("RATE_LIMITED")]);
        expect(await outcome(signInWithPassword(email, password, client, db))).toBe("RATE_LIMITED");
        // A second instance (its own connection pool) sees the same count.
        const other = await t.connect();
        expect(await outcome(signInWithPassword(email, password, { clientAddress: "10.9.9.9" }, other))).toBe(
          "RATE_LIMITED",
        );
        const error = await signInWithPassword(email, password, client, db).catch((e: AppError) => e);
        expect((error as AppError).details.retryAfterSeconds).toBe(1);
        // Once the wait is over, the right password works (and starts the account afresh).
        vi.setSystemTime(start + 1_001);
        expect(await outcome(signInWithPassword(email, password, client, db))).toBe("ok");
      } finally {
        vi.useRealTimers();
      }
    });

    it("parallel guesses cannot share the free attempts", async () => {
      const target = `parallel-${kind}@test.example`;
      await db.user.create({
        data: { email: target, name: "P", role: "DEVELOPER", passwordHash: await hashPassword(password) },
      });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          outcome(signInWithPassword(target, `guess-${i}`, { clientAddress: `10.1.${i}.1` }, db)),
        ),
      );
      // Five free attempts at most were checked against the password; the rest waited their turn.
      expect(results.filter((r) => r === "UNAUTHENTICATED").length).toBeLessThanOrEqual(5);
      expect(results.filter((r) => r === "RATE_LIMITED").length).toBeGreaterThanOrEqual(15);
    });

    it("a correct password resets the account's count; the address keeps counting other accounts' failures", async () => {
      const target = `reset-${kind}@test.example`;
      await db.user.create({
        data: { email: target, name: "R", role: "DEVELOPER", passwordHash: await hashPassword(password) },
      });
      const client = { clientAddress: "10.5.5.5" };
      for (let i = 0; i < 4; i++)
        expect(await outcome(signInWithPassword(target, "nope", client, db))).toBe("UNAUTHENTICATED");
      expect(await outcome(signInWithPassword(target, password, client, db))).toBe("ok");
      expect(await db.signInThrottle.findUnique({ where: { key: `account:${target}` } })).toBeNull();
      expect((await db.signInThrottle.findUnique({ where: { key: "address:10.5.5.5" } }))?.failures).toBe(4);
    });
  });
});
