import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { RemoteTarget } from "../cli/remote";
import { createMcpServer } from "./create-mcp-server";
import { createRemoteBackend } from "./remote-backend";

/**
 * Serves MCP on this process's standard input and output until the client closes standard input.
 * Standard output carries protocol messages only; everything else goes to standard error. A line
 * that is not JSON-RPC is reported there and skipped: nothing a client sends stops the server.
 */
export async function runStdioMcpServer(options: {
  target?: RemoteTarget;
  log: (text: string) => void;
}): Promise<number> {
  const stdin: NodeJS.EventEmitter = process.stdin;
  const server = createMcpServer(createRemoteBackend({ target: options.target, log: options.log }));
  server.onerror = (error) =>
    options.log(`tablewright mcp: skipped a message: ${error.message.replace(/\s+/g, " ").slice(0, 300)}\n`);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    stdin.on("end", resolve);
    stdin.on("close", resolve);
    transport.onclose = resolve;
  });
  await server.connect(transport);
  options.log(
    `tablewright mcp: serving on stdio${options.target ? ` (submit and status go to ${options.target.server})` : " (offline: set TABLEWRIGHT_SERVER and TABLEWRIGHT_TOKEN for submit and status)"}\n`,
  );
  await closed;
  await server.close().catch(() => undefined);
  return 0;
}
