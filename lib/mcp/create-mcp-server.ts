import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import * as z from "zod";
import { TableRequestSchema } from "../domain/request/schema";
import { APP_VERSION } from "../version";
import type { McpBackend } from "./backend";
import { toToolJsonSchema } from "./json-schema";
import type { ToolFailure } from "./schemas";
import { toToolFailure } from "./tool-error";
import { MCP_TOOLS, type McpTool } from "./tools";

export const TABLE_REQUEST_SCHEMA_URI = "tablewright://schemas/table-request";

const INSTRUCTIONS = `Tablewright designs and requests AWS DynamoDB tables.
Read the resource ${TABLE_REQUEST_SCHEMA_URI} for the request format, then: validate (issues with field paths and codes), estimate (monthly cost), dr-preview (Region failure), render (Terraform module), plan-change (steps and risk of changing a live table), submit (create a change request for review; needs a write token) and status.
A failed call has isError: true and JSON text { code, message, issues: [{ path, code, message }] }: fix the fields the paths name and call again.`;

let listed: Tool[] | undefined;

/** The tool list, its JSON Schemas generated once from the zod schemas. */
function listTools(): Tool[] {
  listed ??= MCP_TOOLS.map((tool) => ({
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: toToolJsonSchema(tool.input, "input"),
    outputSchema: toToolJsonSchema(tool.output, "output"),
    annotations: { title: tool.title, ...tool.hints },
  }));
  return listed;
}

function failure(payload: ToolFailure): CallToolResult {
  return { isError: true, content: [{ type: "text", text: JSON.stringify(payload, null, 2) }] };
}

/**
 * Runs one tool. Every way it can go wrong is a tool result with `isError: true`: field issues,
 * a refused scope, an error the engine did not expect (logged, answered with a reference). Only an
 * unknown tool name is a protocol error, as the MCP specification asks.
 */
export async function callTool(
  tool: McpTool | undefined,
  name: string,
  args: unknown,
  backend: McpBackend,
): Promise<CallToolResult> {
  if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool "${name}"; tools/list names them`);
  if (!backend.can(tool.permission)) {
    return failure({
      code: "FORBIDDEN",
      message: `this token's scopes do not allow ${tool.permission}; ${tool.name} needs a token with the ${tool.permission === "requests.write" ? "write" : "read"} scope`,
      issues: [],
    });
  }
  try {
    const result = await tool.invoke(args, backend);
    return {
      structuredContent: result as Record<string, unknown>,
      content: [{ type: "text", text: JSON.stringify(result) }],
    };
  } catch (error) {
    const known = toToolFailure(error);
    if (known) return failure(known);
    const reference = backend.reportUnexpected(error, tool.name);
    return failure({
      code: "INTERNAL",
      message: `something went wrong on our side${reference ? `; quote ${reference} when reporting it` : ""}`,
      issues: [],
    });
  }
}

/**
 * A Tablewright MCP server over any transport. It is built on the SDK's low-level `Server` rather
 * than `McpServer` on purpose: `McpServer` validates arguments against the listed schema itself and
 * reports a mismatch as one line of text, while an agent needs each field's path and code, and the
 * validator must see an invalid table request to report on it (the listed schema stays the real
 * TableRequest, as the REST API documents one body and parses another).
 */
export function createMcpServer(backend: McpBackend): Server {
  const server = new Server(
    { name: "tablewright", title: "Tablewright", version: APP_VERSION },
    { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listTools() }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args } = request.params;
    return callTool(
      MCP_TOOLS.find((t) => t.name === name),
      name,
      args,
      backend,
    );
  });
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [
      {
        uri: TABLE_REQUEST_SCHEMA_URI,
        name: "table-request-schema",
        title: "Table request JSON Schema",
        description: "The JSON Schema of a table request (the `request` argument of the tools).",
        mimeType: "application/schema+json",
      },
    ],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    if (request.params.uri !== TABLE_REQUEST_SCHEMA_URI) {
      throw new McpError(ErrorCode.InvalidParams, `unknown resource ${request.params.uri}`);
    }
    // The same bytes as schema/table-request.schema.json (a test keeps that file in step with zod).
    const schema = z.toJSONSchema(TableRequestSchema, { io: "input" });
    return {
      contents: [
        { uri: TABLE_REQUEST_SCHEMA_URI, mimeType: "application/schema+json", text: JSON.stringify(schema, null, 2) },
      ],
    };
  });
  return server;
}
