import { describe, expect, it } from "vitest";
import { findUrlProblem } from "./check-request-url";

const check = (path: string, page = true) => findUrlProblem(new URL(path, "http://portal.test"), { page });

describe("findUrlProblem", () => {
  it.each([
    ["/requests/%FF", "path"],
    ["/api/v1/change-requests/%E0%A4%A", "path"],
    ["/api/v1/tokens/abc%00", "path"],
    ["/requests/a%0Ab", "path"],
    ["/?q=%00", 'query parameter "q"'],
    ["/?q=a&q=b", 'query parameter "q"'],
    ["/?status=a&status=b", 'query parameter "status"'],
    ["/?cursor=zzz", 'query parameter "cursor"'],
    ["/queue?team=a&team=b", 'query parameter "team"'],
  ])("refuses %s (%s)", (path, where) => {
    expect(check(path)?.where).toBe(where);
  });

  it.each([
    ["/api/v1/change-requests?q=%00&team=x", 'query parameter "q"'],
    ["/api/v1/change-requests?requester=a%00", 'query parameter "requester"'],
  ])("refuses a NUL on the API too: %s", (path, where) => {
    expect(check(path, false)?.where).toBe(where);
  });

  it.each([
    "/",
    "/?q=orders&status=SUBMITTED",
    "/?q=%FF", // URLSearchParams reads a malformed escape as U+FFFD: harmless text
    "/requests/TW-12?from=1&to=2",
    "/api/v1/change-requests?q=a&q=b", // the API reads the last value; only pages insist on one
    `/?cursor=${Buffer.from(JSON.stringify(["2026-11-22T01:02:03.456Z", "abc"])).toString("base64url")}`,
  ])("lets %s through", (path) => {
    expect(check(path, !path.startsWith("/api"))).toBeUndefined();
  });
});
