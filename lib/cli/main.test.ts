import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentedOptions, findUnknownOption } from "./args";
import type { CliIo } from "./command";
import { COMMANDS } from "./commands";
import { runCli } from "./main";

const ROOT = path.resolve(__dirname, "../..");
const VALID = "examples/requests/valid/basic-dev.json";

async function run(argv: string[]) {
  const io = {
    out: "",
    err: "",
    cwd: ROOT,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readStdin: async () => "",
  } satisfies CliIo & { out: string; err: string };
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("unknown options", () => {
  it.each([
    [["validate", VALID, "--polcy", "policy.json"], "unknown option --polcy (did you mean --policy?)"],
    [["validate", VALID, "--policy-file=x"], "unknown option --policy-file"],
    [["estimate", VALID, "--scenarios", "peak"], "unknown option --scenarios (did you mean --scenario?)"],
    [["render", VALID, "--ot", "out"], "unknown option --ot (did you mean --out?)"],
    [["dr", VALID, "--no-cots"], "unknown option --no-cots (did you mean --no-cost?)"],
    [["plan-change", "a.json", "b.json", "--item"], "unknown option --item (did you mean --item-count?)"],
    [["estimate", VALID, "--bogus"], "unknown option --bogus\n"],
  ])("%j exits 2: %s", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`tablewright ${argv[0]}: ${message}`);
    expect(result.out).toBe("");
  });

  it("still runs with the options a command documents", async () => {
    expect((await run(["validate", VALID, "--policy", "policy/tier-policy.json"])).code).toBe(0);
    expect((await run(["dr", VALID, "--no-cost"])).code).toBe(0);
  });

  it("every command documents options, and only names it reads as flags", async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      for (const option of documentedOptions(command.usage)) expect(option).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    const validate = await COMMANDS.find((c) => c.name === "validate")?.load();
    expect([...documentedOptions(validate?.usage ?? "")]).toEqual(["policy"]);
  });
});

describe("findUnknownOption", () => {
  const known = new Set(["policy", "out", "table-region"]);
  it.each([
    [{ policy: "x", out: "y" }, undefined],
    [{ polcy: "x" }, { option: "polcy", suggestion: "policy" }],
    [{ table: "x" }, { option: "table", suggestion: "table-region" }],
    [{ zzzzzz: true }, { option: "zzzzzz", suggestion: undefined }],
  ])("%j -> %j", (flags, expected) => {
    expect(findUnknownOption(flags, known)).toEqual(expected);
  });
});
