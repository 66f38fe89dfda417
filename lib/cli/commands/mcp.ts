import { parseArgs } from "../args";
import { type CliCommand, EXIT } from "../command";
import type { RemoteTarget } from "../remote";

const USAGE = `Usage: tablewright mcp [--server URL --token T]

Runs a Model Context Protocol server on standard input and output, for AI agents (Claude Code,
Cursor, VS Code, ...). Tools: validate, estimate, dr-preview, render, plan-change (run here, offline,
under the default tier policy), submit and status (call the portal's REST API with the token).
Resource: tablewright://schemas/table-request, the request's JSON Schema. See docs/mcp.md.

  --server URL         the portal, for submit and status (or TABLEWRIGHT_SERVER)
  --token T            an API token: read for status, write for submit (or TABLEWRIGHT_TOKEN)

Runs until the client closes standard input. Exit codes: 0 closed normally, 2 bad usage.`;

/** `tablewright mcp`: the MCP server over stdio. The SDK is loaded only when this command runs. */
export const mcpCommand: CliCommand = {
  name: "mcp",
  usage: USAGE,
  run: async (args, io) => {
    const { positional, flags } = parseArgs(args);
    const unknown = Object.keys(flags).filter((f) => f !== "server" && f !== "token");
    if (positional.length > 0 || unknown.length > 0 || flags.server === true || flags.token === true) {
      const why = unknown.length > 0 ? `unknown option --${unknown[0]}` : "--server and --token take a value";
      io.stderr(`tablewright mcp: ${positional.length > 0 ? "takes no arguments" : why}\n\n${USAGE}\n`);
      return EXIT.unreadable;
    }
    const server = (flags.server as string | undefined) ?? process.env.TABLEWRIGHT_SERVER;
    const token = (flags.token as string | undefined) ?? process.env.TABLEWRIGHT_TOKEN;
    let target: RemoteTarget | undefined;
    if (server || token) {
      if (!server || !token) {
        io.stderr("tablewright mcp: give both the server and the token (TABLEWRIGHT_SERVER and TABLEWRIGHT_TOKEN)\n");
        return EXIT.unreadable;
      }
      if (!URL.canParse(server)) {
        io.stderr(`tablewright mcp: the server is not a URL: ${server}\n`);
        return EXIT.unreadable;
      }
      target = { server: server.replace(/\/$/, ""), token };
    }
    const { runStdioMcpServer } = await import("../../mcp/run-stdio");
    return runStdioMcpServer({ target, log: io.stderr });
  },
};
