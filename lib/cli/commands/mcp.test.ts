import { describe, expect, it } from "vitest";
import type { CliIo } from "../command";
import { runCli } from "../main";

function fakeIo(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd: process.cwd(),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readStdin: async () => "",
  };
  return io;
}

// Serving itself is driven over real stdio in e2e/api/mcp.spec.ts; these are the refusals before it starts.
describe("tablewright mcp: bad usage exits 2 before serving, with a reason", () => {
  it.each([
    [["extra"], "takes no arguments"],
    [["--policy", "p.json"], "unknown option --policy"],
    [["--server"], "take a value"],
    [["--server", "https://tablewright.example.com"], "give both the server and the token"],
    [["--server", "not a url", "--token", "tw_x"], "not a URL"],
  ])("%j", async (args, reason) => {
    const io = fakeIo();
    expect(await runCli(["mcp", ...args], io)).toBe(2);
    expect(io.err).toContain(reason);
    expect(io.out).toBe("");
  });

  it("prints its usage with --help, naming the tools and the environment variables", async () => {
    const io = fakeIo();
    expect(await runCli(["mcp", "--help"], io)).toBe(0);
    expect(io.out).toContain("TABLEWRIGHT_SERVER");
    expect(io.out).toContain("plan-change");
  });
});
