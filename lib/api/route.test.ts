import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createLogger } from "@/lib/server/logger";
import { route } from "./route";
import type { RouteSpec } from "./routes";
import { DiffParamsSchema, ListQuerySchema } from "./schemas";

// Anonymous specs, so the wrapper needs no database: these tests are about parsing.
const base = {
  operationId: "test",
  summary: "test",
  tag: "Reference",
  auth: "none",
  success: { status: 200, description: "ok" },
  errors: [],
} satisfies Omit<RouteSpec, "method" | "path">;

const echo = route(
  {
    ...base,
    method: "post",
    path: "/api/v1/things/{key}/revisions/{revision}/diff/{to}",
    params: DiffParamsSchema,
    query: ListQuerySchema,
    body: z.strictObject({ revision: z.number().int().positive(), comment: z.string().max(5).optional() }),
  },
  async ({ body, query, params }) => ({ body, query, params }),
);

const call = (url: string, params: Record<string, string>, body: unknown = { revision: 1 }) =>
  echo(
    new Request(`http://localhost${url}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );

const good = { key: "TW-7", revision: "2", to: "3" };

describe("route(spec, handler) parses the request from the spec", () => {
  it("hands the handler typed path parameters, query and body", async () => {
    const res = await call("/x?status=SUBMITTED,APPROVED&limit=20&tier=prod", good, { revision: 4, comment: "ok" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      body: { revision: 4, comment: "ok" },
      query: { status: ["SUBMITTED", "APPROVED"], limit: 20, tier: "prod" },
      params: { key: "TW-7", revision: 2, to: 3 },
    });
  });

  it.each([
    ["a key that is not one", { ...good, key: "TW-x" }, "key", "SCHEMA_INVALID"],
    ["revision 0", { ...good, revision: "0" }, "revision", "SCHEMA_TOO_SMALL"],
    ["a revision that is not a number", { ...good, to: "2a" }, "to", "SCHEMA_INVALID"],
  ])("answers 400 with the parameter's name for %s", async (_name, params, path, code) => {
    const res = await call("/x", params);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await res.json();
    expect(problem.code).toBe("BAD_REQUEST");
    expect(problem.errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it.each([
    ["an unknown status in a list", "?status=SUBMITTED,SHIPPED", "status[1]", "SCHEMA_INVALID_VALUE"],
    ["a limit above 100", "?limit=500", "limit", "SCHEMA_TOO_BIG"],
    ["a limit that is not a number", "?limit=ten", "limit", "SCHEMA_INVALID"],
    ["an unknown flag", "?flag=shiny", "flag", "SCHEMA_INVALID_VALUE"],
  ])("answers 422 with the query field for %s", async (_name, search, path, code) => {
    const res = await call(`/x${search}`, good);
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.code).toBe("VALIDATION_FAILED");
    expect(problem.errors).toEqual([expect.objectContaining({ path, code })]);
  });

  it("maps body problems with the same codes as the table request validator", async () => {
    const res = await call("/x", good, { revision: "1", comment: "too long", extra: true });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors.map((e: { code: string; path: string }) => `${e.code}@${e.path}`).sort()).toEqual([
      "SCHEMA_INVALID_TYPE@revision",
      "SCHEMA_TOO_BIG@comment",
      "SCHEMA_UNKNOWN_FIELD@extra",
    ]);
  });

  it("checks the path before the body: a malformed key is a 400 even when the body is wrong too", async () => {
    const res = await call("/x", { ...good, key: "42" }, []);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ path: "key" })]);
  });
});

describe("unexpected errors", () => {
  it("answer a generic 500 and go to the process logger with the stack, secrets redacted", async () => {
    const lines: Record<string, unknown>[] = [];
    const holder = globalThis as { __tablewrightLogger?: unknown };
    const previous = holder.__tablewrightLogger;
    holder.__tablewrightLogger = createLogger({
      level: "info",
      destination: { write: (line: string) => lines.push(JSON.parse(line)) },
    });
    const failing = route({ ...base, method: "get", path: "/api/v1/boom" }, async () => {
      throw Object.assign(new Error("kaboom"), { token: "tw_secret" });
    });
    try {
      const res = await failing(new Request("http://localhost/api/v1/boom", { headers: { "x-request-id": "req-1" } }));
      expect(res.status).toBe(500);
      const problem = await res.json();
      expect(problem).toMatchObject({ code: "INTERNAL", requestId: "req-1" });
      expect(JSON.stringify(problem)).not.toContain("kaboom");
      const logged = lines.find((line) => line.msg === "unhandled API error");
      expect(logged).toMatchObject({ level: "error", requestId: "req-1", route: "/api/v1/boom", method: "GET" });
      const err = logged?.err as { stack: string; token: string };
      expect(err.stack).toContain("kaboom");
      expect(err.token).toBe("[redacted]");
    } finally {
      holder.__tablewrightLogger = previous;
    }
  });
});
