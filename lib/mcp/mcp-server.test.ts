import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, McpError } from "@modelcontextprotocol/sdk/types.js";
import Ajv from "ajv";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeTableRequest } from "../domain/analyze-request";
import { DEFAULT_TIER_POLICY } from "../domain/policy/default-policy";
import type { McpBackend, SubmitInput } from "./backend";
import { createMcpServer, TABLE_REQUEST_SCHEMA_URI } from "./create-mcp-server";
import type { ToolFailure } from "./schemas";
import { ToolError } from "./tool-error";

const EXAMPLES = path.resolve(import.meta.dirname, "../../examples/requests");
const readExample = (file: string) => JSON.parse(readFileSync(path.join(EXAMPLES, file), "utf8"));
const basic = () => readExample("valid/basic-dev.json");

/**
 * The tools over the SDK's in-memory transport, with a backend that records what submit and status
 * were asked (the real backends are driven against a running portal in e2e/api/mcp.spec.ts).
 */
function testBackend(overrides: Partial<McpBackend> = {}) {
  const submitted: SubmitInput[] = [];
  const backend: McpBackend = {
    policy: DEFAULT_TIER_POLICY,
    can: () => true,
    async submit(input) {
      submitted.push(input);
      return {
        key: "TW-1",
        status: input.draft ? "DRAFT" : "SUBMITTED",
        version: 1,
        currentRevision: 1,
        url: "http://portal/requests/TW-1",
        replayed: false,
      };
    },
    async status(key) {
      throw new ToolError("NOT_FOUND", `no change request "${key}"`);
    },
    reportUnexpected: () => "req-1",
    ...overrides,
  };
  return { backend, submitted };
}

const clients: Client[] = [];
afterAll(async () => {
  for (const c of clients.splice(0)) await c.close();
});

async function connect(backend: McpBackend): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(backend).connect(serverSide);
  const client = new Client({ name: "test", version: "1" });
  await client.connect(clientSide);
  // Listing first makes the SDK client check every structured result against the listed output
  // schema: a call below that returns at all returned what its schema promises.
  await client.listTools();
  clients.push(client);
  return client;
}

/** One client over the plain test backend, shared by the tests that need nothing else. */
let shared: Promise<Client> | undefined;
const sharedClient = () => {
  shared ??= connect(testBackend().backend);
  return shared;
};

const call = async (client: Client, name: string, args: unknown) =>
  (await client.callTool({ name, arguments: args as Record<string, unknown> })) as CallToolResult;

function failureOf(result: CallToolResult): ToolFailure {
  expect(result.isError, JSON.stringify(result)).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  const first = result.content[0];
  if (first?.type !== "text") throw new Error("a failure carries its JSON as text");
  return JSON.parse(first.text) as ToolFailure;
}

describe("tools/list", () => {
  it("lists the seven tools with object input and output schemas and behaviour hints", async () => {
    const client = await sharedClient();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      "validate",
      "estimate",
      "dr-preview",
      "render",
      "plan-change",
      "submit",
      "status",
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(tool.name !== "submit");
    }
  });

  it("documents the real table request: the listed input schema accepts every valid example and refuses a wrong shape", async () => {
    const client = await sharedClient();
    const estimate = (await client.listTools()).tools.find((t) => t.name === "estimate");
    const validateArgs = new Ajv({ strict: false }).compile(estimate?.inputSchema as object);
    for (const file of readdirSync(path.join(EXAMPLES, "valid"))) {
      expect(validateArgs({ request: readExample(`valid/${file}`) }), file).toBe(true);
    }
    expect(validateArgs({ request: { ...basic(), billing: { mode: "FREE" } } })).toBe(false);
    expect(validateArgs({ request: basic(), extra: 1 })).toBe(false);
  });
});

describe("validate", () => {
  it.each(readdirSync(path.join(EXAMPLES, "valid")))("finds %s valid", async (file) => {
    const client = await sharedClient();
    const result = await call(client, "validate", { request: readExample(`valid/${file}`) });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ valid: true });
  });

  it.each(readdirSync(path.join(EXAMPLES, "invalid")).slice(0, 12))(
    "answers %s with the code as an issue (a result, not an error)",
    async (file) => {
      const client = await sharedClient();
      const result = await call(client, "validate", { request: readExample(`invalid/${file}`) });
      expect(result.isError).toBeFalsy();
      const { valid, issues } = result.structuredContent as { valid: boolean; issues: { code: string }[] };
      expect(valid).toBe(false);
      expect(issues.map((i) => i.code)).toContain(file.replace(/\.json$/, ""));
    },
  );

  it("adds the backend's live findings and judges validity on them", async () => {
    const live = {
      checkLive: async () => [
        {
          path: "tableName",
          code: "TABLE_NAME_EXISTS",
          severity: "error" as const,
          message: "exists in eu-west-1",
          source: "aws" as const,
        },
      ],
    };
    const client = await connect(testBackend(live).backend);
    const result = await call(client, "validate", { request: basic() });
    expect(result.structuredContent).toMatchObject({ valid: false, issues: [{ code: "TABLE_NAME_EXISTS" }] });
  });
});

describe("estimate, dr-preview and render", () => {
  it("give the engine's own answers for a valid request", async () => {
    const client = await sharedClient();
    const analysis = JSON.parse(JSON.stringify(analyzeTableRequest(basic(), { policy: DEFAULT_TIER_POLICY })));
    expect((await call(client, "estimate", { request: basic() })).structuredContent).toEqual(analysis.estimate);
    expect((await call(client, "dr-preview", { request: basic() })).structuredContent).toEqual(analysis.drPreview);
    const render = (await call(client, "render", { request: basic() })).structuredContent as {
      files: Record<string, string>;
    };
    expect(render.files).toEqual(analysis.files);
    expect(Object.keys(render.files)).toContain("main.tf");
  });

  it.each(["estimate", "dr-preview", "render"])(
    "%s: an invalid request is a tool error naming request.<field> with its code",
    async (tool) => {
      const client = await sharedClient();
      const request = { ...basic(), tableName: "x", partitionKey: { name: "id", type: "Q" } };
      const failure = failureOf(await call(client, tool, { request }));
      expect(failure.code).toBe("VALIDATION_FAILED");
      expect(failure.issues).toContainEqual(expect.objectContaining({ path: "request.partitionKey.type" }));
      expect(failure.issues.every((i) => i.path.startsWith("request") && i.code && i.message)).toBe(true);
    },
  );

  it("render writes the assume_role of the account the backend maps the team and tier to", async () => {
    const asked: string[] = [];
    const { backend } = testBackend({
      accountTargetFor: async (request) => {
        asked.push(`${request.owner.team}/${request.tier}`);
        return { accountId: "210987654321", roleArn: "arn:aws:iam::210987654321:role/tw", name: "mapped" };
      },
    });
    const client = await connect(backend);
    const render = (await call(client, "render", { request: basic() })).structuredContent as {
      files: Record<string, string>;
    };
    expect(asked).toEqual([`${basic().owner.team}/${basic().tier}`]);
    expect(render.files["providers.tf"]).toMatch(/assume_role \{\s+role_arn = "arn:aws:iam::210987654321:role\/tw"/);
    expect(render.files["providers.tf"]).toContain('allowed_account_ids = ["210987654321"]');
  });

  it("reports a domain rule with its own code (not a schema error)", async () => {
    const client = await sharedClient();
    const failure = failureOf(await call(client, "estimate", { request: { ...basic(), tableName: "x" } }));
    expect(failure.issues).toEqual([expect.objectContaining({ path: "request.tableName", code: "TABLE_NAME_LENGTH" })]);
  });

  it("refuses arguments outside the schema with their paths", async () => {
    const client = await sharedClient();
    const failure = failureOf(await call(client, "render", { request: basic(), format: "hcl" }));
    expect(failure.issues).toEqual([expect.objectContaining({ path: "format", code: "SCHEMA_UNKNOWN_FIELD" })]);
  });
});

describe("plan-change", () => {
  it("plans a create from null and a change between two definitions", async () => {
    const client = await sharedClient();
    const created = await call(client, "plan-change", { live: null, requested: basic() });
    expect(created.structuredContent).toMatchObject({ kind: "create" });
    const changed = await call(client, "plan-change", {
      live: basic(),
      requested: { ...basic(), tableClass: "STANDARD_INFREQUENT_ACCESS" },
      context: { now: "2026-12-05T10:00:00Z", tableSizeGb: 10 },
    });
    expect(changed.structuredContent).toMatchObject({ kind: "change" });
  });

  it("points each problem at live, requested or context", async () => {
    const client = await sharedClient();
    const failure = failureOf(
      await call(client, "plan-change", { live: { ...basic(), tier: "qa" }, requested: basic() }),
    );
    expect(failure.issues).toContainEqual(expect.objectContaining({ path: "live.tier", code: "SCHEMA_INVALID_VALUE" }));
    const requested = failureOf(
      await call(client, "plan-change", { live: null, requested: { ...basic(), tableName: "x" } }),
    );
    expect(requested.issues).toContainEqual(expect.objectContaining({ path: "requested.tableName" }));
    const context = failureOf(
      await call(client, "plan-change", { live: null, requested: basic(), context: { tableSizeGb: -1 } }),
    );
    expect(context.issues).toContainEqual(expect.objectContaining({ path: "context.tableSizeGb" }));
  });
});

describe("submit and status", () => {
  it("submits for review by default, keeps a draft when asked, and passes title and idempotency key", async () => {
    const { backend, submitted } = testBackend();
    const client = await connect(backend);
    const result = await call(client, "submit", { request: basic(), title: "Carts", idempotencyKey: "k-1" });
    expect(result.structuredContent).toMatchObject({ key: "TW-1", status: "SUBMITTED" });
    await call(client, "submit", { request: basic(), draft: true });
    expect(submitted).toEqual([
      { request: basic(), title: "Carts", draft: false, idempotencyKey: "k-1" },
      { request: basic(), title: undefined, draft: true, idempotencyKey: undefined },
    ]);
  });

  it("refuses submit when the caller's scopes lack requests.write, before anything is sent", async () => {
    const { backend, submitted } = testBackend({ can: (p) => p !== "requests.write" });
    const client = await connect(backend);
    const failure = failureOf(await call(client, "submit", { request: basic() }));
    expect(failure.code).toBe("FORBIDDEN");
    expect(failure.message).toContain("write scope");
    expect(submitted).toEqual([]);
    expect((await call(client, "validate", { request: basic() })).isError).toBeFalsy();
  });

  it("passes the backend's refusal on as a tool error, and checks the key's shape first", async () => {
    const client = await sharedClient();
    expect(failureOf(await call(client, "status", { key: "TW-9" })).code).toBe("NOT_FOUND");
    expect(failureOf(await call(client, "status", { key: "../../admin" })).issues).toEqual([
      expect.objectContaining({ path: "key" }),
    ]);
  });

  it("answers an unexpected failure with a reference instead of dropping the connection", async () => {
    const client = await connect(
      testBackend({
        status: async () => {
          throw new TypeError("boom");
        },
      }).backend,
    );
    const failure = failureOf(await call(client, "status", { key: "TW-9" }));
    expect(failure).toEqual({ code: "INTERNAL", message: expect.stringContaining("req-1"), issues: [] });
    expect(failure.message).not.toContain("boom");
    expect((await call(client, "validate", { request: basic() })).isError).toBeFalsy();
  });
});

describe("protocol", () => {
  it("serves the request's JSON Schema as a resource, the same as schema/table-request.schema.json", async () => {
    const client = await sharedClient();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual([TABLE_REQUEST_SCHEMA_URI]);
    const read = await client.readResource({ uri: TABLE_REQUEST_SCHEMA_URI });
    const content = read.contents[0] as { text: string };
    const published = JSON.parse(
      readFileSync(path.resolve(EXAMPLES, "../../schema/table-request.schema.json"), "utf8"),
    );
    expect(JSON.parse(content.text)).toEqual(published);
  });

  it("answers an unknown tool with a protocol error (as the MCP specification asks) and keeps serving", async () => {
    const client = await sharedClient();
    await expect(call(client, "drop-table", {})).rejects.toBeInstanceOf(McpError);
    expect((await call(client, "validate", { request: basic() })).isError).toBeFalsy();
  });
});

describe("fuzzed arguments", () => {
  const TOOLS = ["validate", "estimate", "dr-preview", "render", "plan-change", "submit", "status"];
  // Arguments built from the example request with parts replaced by arbitrary JSON, plus plain junk.
  const mutatedRequest = fc
    .tuple(fc.constantFrom(...Object.keys(basic())), fc.jsonValue())
    .map(([key, value]) => ({ ...basic(), [key]: value }));
  const argsArb = fc.oneof(
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
    fc.record({ request: fc.oneof(mutatedRequest, fc.jsonValue()) }),
    fc.record({
      live: fc.oneof(fc.constant(null), mutatedRequest),
      requested: mutatedRequest,
      context: fc.jsonValue(),
    }),
    fc.record({ key: fc.string(), request: mutatedRequest, draft: fc.jsonValue() }, { requiredKeys: [] }),
  );

  it("every tool answers every argument with a result or a tool error, never a protocol failure", async () => {
    const client = await sharedClient();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOOLS), argsArb, async (tool, args) => {
        const result = await call(client, tool, args);
        if (result.isError) {
          const failure = failureOf(result);
          expect(typeof failure.code).toBe("string");
          expect(failure.code).not.toBe("INTERNAL");
          for (const issue of failure.issues) expect(typeof issue.path).toBe("string");
        } else {
          expect(result.structuredContent).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});
