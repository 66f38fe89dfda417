import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { McpBackend } from "./backend";
import { createMcpServer } from "./create-mcp-server";

/**
 * One streamable-HTTP POST, served statelessly: a fresh server and transport per request (the SDK's
 * stateless pattern), answering with JSON rather than an SSE stream. Nothing is kept between
 * requests, so any instance behind a load balancer can answer any call, and the caller is
 * authenticated on every request. `body` is the JSON the caller already read within its size limit.
 */
export async function handleMcpHttpRequest(req: Request, body: unknown, backend: McpBackend): Promise<Response> {
  const server = createMcpServer(backend);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  try {
    await server.connect(transport);
    return await transport.handleRequest(req, { parsedBody: body });
  } finally {
    // The JSON answer is complete once handleRequest resolves; closing frees the pair.
    await server.close().catch(() => undefined);
  }
}
