// Which database errors the API answers as 503 DATABASE_UNAVAILABLE (try again) rather than 500.
// The shapes are the ones Prisma 7's pg driver adapter raised in the resilience suite's fault test.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../lib/server/run-transaction";

const adapterError = (cause: Record<string, string>, message = "") =>
  Object.assign(new Error(message), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDatabaseUnavailable", () => {
  it("treats a pooled connection the server dropped (adapter kind ConnectionClosed) as unavailable", () => {
    const error = adapterError(
      { kind: "ConnectionClosed" },
      "Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`",
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Server has closed the connection."))).toBe(true);
  });

  it("treats PostgreSQL's shutdown and connection SQLSTATEs as unavailable", () => {
    expect(isDatabaseUnavailable(adapterError({ originalCode: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ originalCode: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P1001" }))).toBe(true);
  });

  it("leaves bugs and bad input alone", () => {
    expect(isDatabaseUnavailable(adapterError({ originalCode: "22P05" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
  });
});
