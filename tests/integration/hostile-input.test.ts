import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/domain/app-error";
import type { Actor } from "../../lib/server/actor";
import { revokeApiToken } from "../../lib/server/auth/api-tokens";
import { listChangeRequests } from "../../lib/server/change-requests";
import type { Db } from "../../lib/server/db";
import { isInvalidDataError } from "../../lib/server/run-transaction";
import { makeActor } from "../support/actors";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../support/test-databases";

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** What the API would answer: an AppError's code, "400" for a database data exception, or "500". */
async function answer(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    return isInvalidDataError(error) ? "BAD_REQUEST (data exception)" : `500: ${String(error)}`;
  }
}

// Findings of issue 16 that reached the database: each must be a 4xx, on both databases.
describe.each(databaseKinds())("hostile list and token input on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let ada: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    db = t.db;
    ada = await makeActor(db, "ADMIN", ["checkout"]);
  });
  afterAll(async () => t?.drop());

  it.each([
    ["a cursor dated before PostgreSQL's range", cursorOf(["-200000-01-01T00:00:00.000Z", "x"])],
    ["a cursor dated after it", cursorOf(["+275760-09-13T00:00:00.000Z", "x"])],
    ["a cursor that is not base64 JSON", "zzz"],
  ])("refuses %s as a bad cursor", async (_name, cursor) => {
    expect(await answer(listChangeRequests(ada, { cursor }, db))).toBe("BAD_REQUEST");
  });

  it.each(["q", "team", "requester", "flag"] as const)("a NUL in %s is never a 500", async (field) => {
    const result = await answer(listChangeRequests(ada, { [field]: "a\u0000b" }, db));
    expect(result === "ok" || result.startsWith("BAD_REQUEST")).toBe(true);
  });

  it("a NUL in a status filter or a token id is never a 500", async () => {
    const status = await answer(listChangeRequests(ada, { status: ["SUBMITTED\u0000"] }, db));
    expect(status === "ok" || status.startsWith("BAD_REQUEST")).toBe(true);
    const revoke = await answer(revokeApiToken(ada, "abc\u0000", db));
    expect(revoke === "NOT_FOUND" || revoke.startsWith("BAD_REQUEST")).toBe(true);
  });
});
