import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/domain/app-error";
import { exampleRequest } from "@/tests/fixtures/requests";
import { analyzeOrThrow, estimateOrThrow } from "./analyze-or-throw";

describe("estimateOrThrow", () => {
  it("prices a request exactly as the full analysis does, without building the DR preview", () => {
    for (const name of ["basic-dev", "prod-with-gsis"]) {
      const body = exampleRequest(name);
      expect(estimateOrThrow(body)).toEqual(analyzeOrThrow(body).estimate);
    }
  });

  it("refuses a request with errors with the same field issues as the full analysis", () => {
    const body = { ...exampleRequest("basic-dev"), tableName: "x" };
    const issuesOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (isAppError(error)) return { code: error.code, issues: error.issues };
      }
      return undefined;
    };
    const refused = issuesOf(() => estimateOrThrow(body));
    expect(refused?.code).toBe("VALIDATION_FAILED");
    expect(refused?.issues.length).toBeGreaterThan(0);
    expect(refused).toEqual(issuesOf(() => analyzeOrThrow(body)));
  });
});
