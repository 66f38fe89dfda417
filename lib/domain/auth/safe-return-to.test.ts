import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./safe-return-to";

// Known open-redirect bypasses (OWASP, PortSwigger, and what this portal was found to follow).
const BYPASSES = [
  "//evil.example",
  "//evil.example/phish",
  "///evil.example",
  "////evil.example",
  "/\\evil.example/phish",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "/%09/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  "/./evil.example/..//evil.example",
  "/.//evil.example",
  "/%2e//evil.example",
  "/%2e%2e//evil.example",
  "/..//evil.example",
  "https://evil.example",
  "http:evil.example",
  "https:/evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "@evil.example",
  "",
  "/".padEnd(1001, "a"),
];

describe("safeReturnTo", () => {
  it.each(BYPASSES)("refuses %j", (value) => {
    expect(safeReturnTo(value)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/queue", "/queue"],
    ["/requests/TW-12?from=1&to=2", "/requests/TW-12?from=1&to=2"],
    ["/?q=a%2Fb&status=SUBMITTED", "/?q=a%2Fb&status=SUBMITTED"],
    ["/requests/new?revise=TW-3#top", "/requests/new?revise=TW-3#top"],
    ["/a/../queue", "/queue"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/queue"], { toString: () => "/queue" }]) {
      expect(safeReturnTo(value)).toBe("/");
    }
  });

  it("never returns anything a browser would resolve off this origin", () => {
    const alphabet = fc.constantFrom(
      "/",
      "\\",
      ".",
      "%2f",
      "%5c",
      "%2e",
      "%09",
      "\t",
      "\n",
      "evil.example",
      ":",
      "@",
      "?",
      "#",
      "a",
      " ",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join("")),
        (value) => {
          const result = safeReturnTo(value);
          expect(result.startsWith("/")).toBe(true);
          // The browser resolves the Location against the portal's own origin.
          expect(new URL(result, "https://portal.example").origin).toBe("https://portal.example");
          expect(result.startsWith("//")).toBe(false);
          expect(result).not.toMatch(/[\\\t\n\r]/);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
