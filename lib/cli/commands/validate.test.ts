import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_POLICY } from "../../domain/policy/default-policy";
import type { CliIo } from "../command";
import { runCli } from "../main";

const ROOT = path.resolve(__dirname, "../../..");
const EXAMPLES = path.join(ROOT, "examples/requests");
const list = (dir: string) => readdirSync(path.join(EXAMPLES, dir)).filter((f) => f.endsWith(".json"));

function fakeIo(stdin = ""): CliIo & { out: string; err: string } {
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
    readStdin: async () => stdin,
  };
  return io;
}

async function validate(args: string[], stdin?: string) {
  const io = fakeIo(stdin);
  const code = await runCli(["validate", ...args], io);
  return { code, io, json: io.out ? JSON.parse(io.out) : undefined };
}

describe("tablewright validate", () => {
  it.each(list("valid"))("valid/%s exits 0 with no errors", async (file) => {
    const { code, json } = await validate([`examples/requests/valid/${file}`]);
    expect(json.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
    expect(json.valid).toBe(true);
    expect(code).toBe(0);
  });

  it.each(list("invalid"))("invalid/%s exits 1 and reports its code", async (file) => {
    const { code, json } = await validate([`examples/requests/invalid/${file}`]);
    expect(code).toBe(1);
    expect(json.valid).toBe(false);
    expect(json.issues.map((i: { code: string }) => i.code)).toContain(file.replace(/\.json$/, ""));
  });

  it.each(list("warnings"))("warnings/%s exits 0 and reports its warning", async (file) => {
    const { code, json } = await validate([`examples/requests/warnings/${file}`]);
    expect(code).toBe(0);
    const issue = json.issues.find((i: { code: string }) => i.code === file.replace(/\.json$/, ""));
    expect(issue?.severity).toBe("warning");
  });

  it("prints only { valid, issues }", async () => {
    const { json } = await validate(["examples/requests/valid/basic-dev.json"]);
    expect(Object.keys(json)).toEqual(["valid", "issues"]);
  });

  it("reads standard input with -", async () => {
    const { code, json } = await validate(["-"], JSON.stringify({ tier: "dev" }));
    expect(code).toBe(1);
    expect(json.issues.map((i: { code: string }) => i.code)).toContain("SCHEMA_REQUIRED");
  });

  it.each([
    ["not JSON", ["-"], "{ nope", /not valid JSON/],
    ["a missing file", ["does-not-exist.json"], "", /cannot read/],
    ["no argument", [], "", /exactly one request file/],
    ["an empty policy flag", ["examples/requests/valid/basic-dev.json", "--policy"], "", /--policy needs a file/],
  ])("exits 2 with a message on %s", async (_name, args, stdin, message) => {
    const { code, io } = await validate(args, stdin);
    expect(code).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toMatch(message);
  });

  it("applies another policy with --policy, and refuses a bad policy with exit 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tablewright-policy-"));
    const strict = path.join(dir, "strict.json");
    writeFileSync(strict, JSON.stringify({ ...DEFAULT_TIER_POLICY, mandatoryTags: ["Team", "DataClass"] }));
    const { code, json } = await validate(["examples/requests/valid/basic-dev.json", "--policy", strict]);
    expect(code).toBe(1);
    expect(json.issues).toContainEqual(
      expect.objectContaining({ code: "POLICY_MANDATORY_TAG_MISSING", path: "tags.DataClass" }),
    );

    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ version: 2 }));
    const refused = await validate(["examples/requests/valid/basic-dev.json", `--policy=${bad}`]);
    expect(refused.code).toBe(2);
    expect(refused.io.err).toMatch(/not a valid tier policy/);
  });

  it("explains itself with --help", async () => {
    const io = fakeIo();
    expect(await runCli(["validate", "--help"], io)).toBe(0);
    expect(io.out).toMatch(/Exit codes: 0 valid/);
  });
});
