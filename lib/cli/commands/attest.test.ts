import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../command";
import { runCli } from "../main";

const ROOT = path.resolve(__dirname, "../../..");
const PLAN = "lib/domain/attest/__fixtures__/active-passive-standby.plan.json";
const REQUEST = "examples/requests/valid/active-passive-standby.json";

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

async function attest(args: string[], stdin?: string) {
  const io = fakeIo(stdin);
  const code = await runCli(["attest", ...args], io);
  return { code, io, json: io.out ? JSON.parse(io.out) : undefined };
}

describe("tablewright attest", () => {
  it("exits 0 for the real plan of the rendered module", async () => {
    const { code, json, io } = await attest([PLAN, "--request", REQUEST, "--aws-provider", "5"]);
    expect(io.err).toBe("");
    expect(json.verdict).toBe("ATTESTED");
    expect(code).toBe(0);
  });

  it("exits 1 with the findings for an edited plan read from standard input", async () => {
    const plan = JSON.parse(readFileSync(path.join(ROOT, PLAN), "utf8"));
    plan.resource_changes.find((r: { type: string }) => r.type === "aws_dynamodb_table").change.after.billing_mode =
      "PROVISIONED";
    const { code, json } = await attest(["-", "--request", REQUEST, "--aws-provider", "5"], JSON.stringify(plan));
    expect(json.verdict).toBe("VIOLATIONS");
    expect(json.findings.map((f: { path: string }) => f.path)).toContain("billing.mode");
    expect(code).toBe(1);
  });

  it("judges the provider floor of the target: a 5.x plan is not a 6.x module", async () => {
    const { code, json } = await attest([PLAN, "--request", REQUEST, "--aws-provider", "6"]);
    expect(code).toBe(1);
    expect(json.findings.map((f: { code: string }) => f.code)).toContain("PROVIDER_VERSION_BELOW_FLOOR");
  });

  const dir = mkdtempSync(path.join(tmpdir(), "tw-attest-"));
  const file = (name: string, content: string) => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  it.each([
    ["a missing plan file", () => ["/nonexistent/plan.json", "--request", REQUEST], /cannot read/],
    ["a plan that is not JSON", () => [file("bad.json", "{"), "--request", REQUEST], /not valid JSON/],
    ["JSON that is not a plan", () => [file("np.json", '{"a":1}'), "--request", REQUEST], /format_version/],
    ["no --request", () => [PLAN], /--request/],
    ["a request that is not one", () => [PLAN, "--request", file("r.json", '{"tableName":1}')], /not a table request/],
    ["a bad provider", () => [PLAN, "--request", REQUEST, "--aws-provider", "4"], /5 or 6/],
  ])("exits 2 for %s", async (_name, args, message) => {
    const { code, io } = await attest(args());
    expect(code).toBe(2);
    expect(io.err).toMatch(message);
  });

  it("refuses an unknown option", async () => {
    const { code, io } = await attest([PLAN, "--requets", REQUEST]);
    expect(code).toBe(2);
    expect(io.err).toMatch(/did you mean --request/);
  });
});
