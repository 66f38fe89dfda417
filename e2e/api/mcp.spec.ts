import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, test } from "@playwright/test";
import { BASE_URL, checkoutRequest, createToken, type SessionClient, sessionClient } from "./support";

/**
 * The MCP server as an agent meets it, driven by the SDK's own client: streamable HTTP at /api/mcp
 * with API tokens, and stdio through the package's bin (`tablewright mcp`) talking to this portal.
 */

test.describe.configure({ mode: "serial" });

type Failure = { code: string; message: string; issues: { path: string; code: string; message: string }[] };

const MCP_URL = `${BASE_URL}/api/mcp`;
const INIT = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};
const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

let dana: SessionClient;
let tokens: { read: string; write: string; decide: string };
const clients: Client[] = [];

test.beforeAll(async () => {
  dana = await sessionClient("developer");
  const pat = await sessionClient("approver");
  tokens = {
    read: (await createToken(dana, ["read"], "mcp-read")).secret,
    write: (await createToken(dana, ["write"], "mcp-write")).secret,
    decide: (await createToken(pat, ["decide"], "mcp-decide")).secret,
  };
});

test.afterAll(async () => {
  for (const client of clients) await client.close().catch(() => undefined);
});

async function httpClient(secret: string): Promise<Client> {
  const client = new Client({ name: "e2e", version: "1" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(MCP_URL), {
      requestInit: { headers: { authorization: `Bearer ${secret}` } },
    }),
  );
  clients.push(client);
  return client;
}

async function stdioClient(env: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "e2e-stdio", version: "1" });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ["bin/tablewright.mjs", "mcp"],
      env: { PATH: process.env.PATH ?? "", ...env },
      stderr: "pipe",
    }),
  );
  clients.push(client);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;

function failureOf(result: CallToolResult): Failure {
  expect(result.isError, JSON.stringify(result)).toBe(true);
  const first = result.content[0];
  if (first?.type !== "text") throw new Error("a failure carries its JSON as text");
  return JSON.parse(first.text) as Failure;
}

/** Every /api/mcp answer an agent can provoke is below 500 (the SDK's errors are 4xx, ours problem+json). */
async function rawPost(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(MCP_URL, { method: "POST", headers: { ...MCP_HEADERS, ...headers }, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

test("only an API token opens /api/mcp: anonymous, a bad token and a cookie session are 401 with a Bearer challenge", async () => {
  const anonymous = await rawPost(JSON.stringify(INIT));
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
  expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
  expect((await rawPost(JSON.stringify(INIT), { authorization: "Bearer tw_not-a-token" })).status).toBe(401);

  const session = await dana.ctx.post("/api/mcp", { data: INIT, headers: MCP_HEADERS });
  expect(session.status()).toBe(401);
  expect((await session.json()).detail).toContain("API token");

  for (const secret of Object.values(tokens)) {
    const ok = await rawPost(JSON.stringify(INIT), { authorization: `Bearer ${secret}` });
    expect(ok.status, ok.text).toBe(200);
    expect(JSON.parse(ok.text).result.serverInfo.name).toBe("tablewright");
  }
  const get = await fetch(MCP_URL, {
    headers: { authorization: `Bearer ${tokens.read}`, accept: "text/event-stream" },
  });
  expect(get.status).toBe(405);
  expect(get.headers.get("allow")).toBe("POST");
});

test("over streamable HTTP: list the tools, validate, estimate with a field error, submit and follow the status", async () => {
  const client = await httpClient(tokens.write);
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

  const request = checkoutRequest("mcp");
  const validated = await call(client, "validate", { request });
  expect(validated.structuredContent).toMatchObject({ valid: true });

  const estimate = await call(client, "estimate", { request });
  expect(estimate.isError).toBeFalsy();
  expect((estimate.structuredContent as { totalMonthlyUsd: number }).totalMonthlyUsd).toBeGreaterThanOrEqual(0);

  const invalid = failureOf(await call(client, "estimate", { request: { ...request, tableName: "x" } }));
  expect(invalid.code).toBe("VALIDATION_FAILED");
  expect(invalid.issues).toEqual([expect.objectContaining({ path: "request.tableName", code: "TABLE_NAME_LENGTH" })]);

  const submitted = await call(client, "submit", { request, title: "From an agent", idempotencyKey: "mcp-e2e-1" });
  expect(submitted.isError, JSON.stringify(submitted.content)).toBeFalsy();
  const created = submitted.structuredContent as { key: string; status: string; url: string; replayed: boolean };
  expect(created).toMatchObject({ status: "SUBMITTED", replayed: false });
  expect(created.url).toMatch(new RegExp(`/requests/${created.key}$`));

  const again = await call(client, "submit", { request, title: "From an agent", idempotencyKey: "mcp-e2e-1" });
  expect(again.structuredContent).toMatchObject({ key: created.key, replayed: true });

  // The portal holds it as the token's owner created it, with the agent's title.
  const stored = await dana.ctx.get(`/api/v1/change-requests/${created.key}`);
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toMatchObject({
    title: "From an agent",
    status: "SUBMITTED",
    requester: { email: "dana@example.com" },
  });

  const status = await call(client, "status", { key: created.key });
  expect(status.structuredContent).toMatchObject({ key: created.key, status: "SUBMITTED", approvals: { count: 0 } });

  const draft = await call(client, "submit", { request: checkoutRequest("mcp-draft"), draft: true });
  expect(draft.structuredContent).toMatchObject({ status: "DRAFT" });

  const otherTeam = failureOf(
    await call(client, "submit", {
      request: { ...checkoutRequest("mcp"), owner: { ...request.owner, team: "orders" } },
    }),
  );
  expect(otherTeam.code).toBe("FORBIDDEN");
  expect(otherTeam.issues).toEqual([expect.objectContaining({ path: "request.owner.team", code: "TEAM_NOT_MEMBER" })]);

  const refused = failureOf(await call(client, "submit", { request: { ...request, tableName: "x" } }));
  expect(refused.issues).toContainEqual(
    expect.objectContaining({ path: "request.tableName", code: "TABLE_NAME_LENGTH" }),
  );

  const missing = failureOf(await call(client, "status", { key: "TW-999999999" }));
  expect(missing.code).toBe("NOT_FOUND");
});

test("a read-only token validates and estimates but is refused submit as a tool error", async () => {
  const client = await httpClient(tokens.read);
  const request = checkoutRequest("mcp-read");
  expect((await call(client, "validate", { request })).structuredContent).toMatchObject({ valid: true });
  expect((await call(client, "estimate", { request })).isError).toBeFalsy();
  const refused = failureOf(await call(client, "submit", { request }));
  expect(refused.code).toBe("FORBIDDEN");
  expect(refused.message).toContain("write scope");
  const list = await dana.ctx.get(`/api/v1/change-requests?q=${request.tableName}`);
  expect((await list.json()).items).toEqual([]);

  const decide = await httpClient(tokens.decide);
  expect(failureOf(await call(decide, "submit", { request })).code).toBe("FORBIDDEN");
});

test("nothing a client sends to /api/mcp answers 5xx: junk bodies and fuzzed tool arguments", async () => {
  const auth = { authorization: `Bearer ${tokens.read}` };
  const bodies = [
    "{",
    "null",
    "[]",
    "42",
    '"text"',
    JSON.stringify({ jsonrpc: "2.0" }),
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call" }),
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: 5 } }),
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "estimate", arguments: "x" } }),
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "resources/read", params: { uri: "file:///etc/passwd" } }),
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "no/such/method" }),
    JSON.stringify([INIT, INIT]),
    JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
  ];
  for (const body of bodies) {
    const res = await rawPost(body, auth);
    expect(res.status, `${body} -> ${res.text}`).toBeLessThan(500);
  }
  expect((await rawPost(JSON.stringify(INIT), { ...auth, "content-type": "text/plain" })).status).toBe(415);
  expect((await rawPost(JSON.stringify(INIT), { ...auth, accept: "text/html" })).status).toBe(406);

  const client = await httpClient(tokens.read);
  const base = checkoutRequest("fuzz");
  const junk: unknown[] = [null, 0, -1, 1e308, "", "x".repeat(5000), [], {}, [[[]]], { a: { b: { c: {} } } }, true];
  let i = 0;
  for (const tool of ["validate", "estimate", "dr-preview", "render", "plan-change", "status"]) {
    for (const key of ["tableName", "billing", "regions", "partitionKey"] as const) {
      const value = junk[i++ % junk.length];
      const args =
        tool === "plan-change"
          ? { live: { ...base, [key]: value }, requested: base, context: value }
          : tool === "status"
            ? { key: value }
            : { request: { ...base, [key]: value } };
      const result = await call(client, tool, args);
      if (result.isError) expect(failureOf(result).code).not.toBe("INTERNAL");
    }
  }
});

test("over stdio: tablewright mcp runs the engine locally and submits to the portal with the token", async () => {
  const client = await stdioClient({ TABLEWRIGHT_SERVER: BASE_URL, TABLEWRIGHT_TOKEN: tokens.write });
  expect((await client.listTools()).tools).toHaveLength(7);
  const request = checkoutRequest("mcp-stdio");
  expect((await call(client, "validate", { request })).structuredContent).toMatchObject({ valid: true });
  const invalid = failureOf(await call(client, "estimate", { request: { ...request, tableName: "x" } }));
  expect(invalid.issues).toEqual([expect.objectContaining({ path: "request.tableName", code: "TABLE_NAME_LENGTH" })]);

  const submitted = await call(client, "submit", { request, title: "From a local agent" });
  expect(submitted.isError, JSON.stringify(submitted.content)).toBeFalsy();
  const { key } = submitted.structuredContent as { key: string };
  expect((await (await dana.ctx.get(`/api/v1/change-requests/${key}`)).json()).title).toBe("From a local agent");
  expect((await call(client, "status", { key })).structuredContent).toMatchObject({ key, status: "SUBMITTED" });

  // The portal's refusal comes back with its own code and field paths.
  const refused = failureOf(await call(client, "submit", { request: { ...request, tableName: "x" } }));
  expect(refused.code).toBe("VALIDATION_FAILED");
  expect(refused.issues).toContainEqual(expect.objectContaining({ path: "request.tableName" }));

  const readOnly = await stdioClient({ TABLEWRIGHT_SERVER: BASE_URL, TABLEWRIGHT_TOKEN: tokens.read });
  expect(failureOf(await call(readOnly, "submit", { request: checkoutRequest("mcp-stdio-ro") })).code).toBe(
    "FORBIDDEN",
  );

  const offline = await stdioClient({});
  expect(failureOf(await call(offline, "submit", { request })).code).toBe("NOT_CONFIGURED");
  expect((await call(offline, "render", { request })).structuredContent).toHaveProperty("files");
});

test("over stdio, a line that is not JSON-RPC is reported on standard error and the server keeps serving", () => {
  const initialize = JSON.stringify(INIT);
  const run = spawnSync(process.execPath, ["bin/tablewright.mjs", "mcp"], {
    input: `not json\n{"jsonrpc":"2.0"}\n${"[".repeat(10_000)}\n${initialize}\n`,
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain("skipped a message");
  const answers = run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(answers).toEqual([
    expect.objectContaining({
      id: 1,
      result: expect.objectContaining({ serverInfo: expect.objectContaining({ name: "tablewright" }) }),
    }),
  ]);
});

test("other commands do not load the SDK: the CLI bundle reaches it only through the mcp command's chunk", () => {
  const seen = new Set<string>();
  const staticImports = (file: string): string[] => {
    if (seen.has(file)) return [];
    seen.add(file);
    const source = readFileSync(path.join("dist", file), "utf8");
    const found = [
      ...source.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm),
      ...source.matchAll(/^import\s*"([^"]+)"/gm),
    ].map((m) => m[1] as string);
    return found.flatMap((spec) => (spec.startsWith("./") ? [spec, ...staticImports(spec.slice(2))] : [spec]));
  };
  const dynamicImports = (file: string): string[] =>
    [...readFileSync(path.join("dist", file), "utf8").matchAll(/import\("\.\/([\w-]+\.mjs)"\)/g)].map(
      (m) => m[1] as string,
    );
  // The entry itself loads almost nothing up front (start-up time): whatever it does load is SDK-free.
  const reached = staticImports("cli.mjs");
  expect(reached.filter((spec) => spec.includes("@modelcontextprotocol"))).toEqual([]);
  // Every command is its own lazily loaded chunk; only the mcp command's chunk goes on to the SDK.
  const commandChunks = dynamicImports("cli.mjs");
  expect(commandChunks.length).toBeGreaterThan(5);
  const mcpChunk = commandChunks.find((chunk) => chunk.startsWith("mcp-"));
  expect(mcpChunk).toBeDefined();
  for (const chunk of commandChunks.filter((c) => c !== mcpChunk)) {
    seen.clear();
    const fromChunk = [chunk, ...staticImports(chunk)];
    expect(
      fromChunk.filter((spec) => spec.includes("@modelcontextprotocol")),
      chunk,
    ).toEqual([]);
  }
  expect(dynamicImports(mcpChunk as string).some((chunk) => chunk.startsWith("run-stdio-"))).toBe(true);
});
