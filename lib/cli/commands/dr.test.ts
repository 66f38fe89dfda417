import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../command";
import { runCli } from "../main";

// Runs `tablewright dr` in-process with fake I/O, the way a user would call it.
function fakeIo(stdin = "", cwd = process.cwd()) {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    readStdin: async () => stdin,
    cwd,
  };
  return { io, out };
}

const EXAMPLES = path.resolve(__dirname, "../../../examples/requests/valid");
const example = (name: string) => readFileSync(path.join(EXAMPLES, name), "utf8");

describe("tablewright dr", () => {
  it("prints the preview of an example file with each Region's role and cost share, exit 0", async () => {
    const { io, out } = fakeIo("", EXAMPLES);
    expect(await runCli(["dr", "mrsc-witness.json"], io)).toBe(0);
    const preview = JSON.parse(out.stdout);
    expect(preview.pattern).toBe("MRSC");
    expect(preview.derived).toBe(false);
    expect(preview.regions.map((r: { region: string; role: string }) => `${r.region}:${r.role}`)).toEqual([
      "us-east-1:PRIMARY",
      "us-east-2:ACTIVE_REPLICA",
      "us-west-2:WITNESS",
    ]);
    expect(preview.regions[0].costShare).toBeGreaterThan(0);
    expect(preview.regions[0].rpo.basis).toMatch(/MultiRegionConsistency/);
    expect(out.stderr).toBe("");
  });

  it("reads standard input with -", async () => {
    const { io, out } = fakeIo(example("backup-cross-region-copy.json"));
    expect(await runCli(["dr", "-"], io)).toBe(0);
    const preview = JSON.parse(out.stdout);
    expect(preview.pattern).toBe("BACKUP_CROSS_REGION_COPY");
    expect(preview.edges).toEqual([
      { from: "eu-central-1", to: "eu-west-1", kind: "backup-copy", bidirectional: false },
    ]);
  });

  it("leaves cost out with --no-cost", async () => {
    const { io, out } = fakeIo(example("active-passive-standby.json"));
    expect(await runCli(["dr", "-", "--no-cost"], io)).toBe(0);
    const preview = JSON.parse(out.stdout);
    expect(preview.regions.every((r: { costShare?: number }) => r.costShare === undefined)).toBe(true);
  });

  it("exits 1 and prints the validation issues for a request whose pattern contradicts it", async () => {
    const request = JSON.parse(example("basic-dev.json"));
    request.drPattern = "ACTIVE_ACTIVE_MREC";
    const { io, out } = fakeIo(JSON.stringify(request));
    expect(await runCli(["dr", "-"], io)).toBe(1);
    const result = JSON.parse(out.stdout);
    expect(result.valid).toBe(false);
    expect(result.issues.map((i: { code: string }) => i.code)).toContain("DR_PATTERN_MISMATCH");
    expect(out.stderr).toMatch(/request is invalid/);
  });

  it.each([
    [["dr"], /give exactly one request file/],
    [["dr", "a.json", "b.json"], /give exactly one request file/],
    [["dr", "-", "--bogus"], /unknown option --bogus/],
    [["dr", "does-not-exist.json"], /cannot read does-not-exist.json/],
  ])("exits 2 on bad usage or unreadable input: %j", async (argv, message) => {
    const { io, out } = fakeIo("", EXAMPLES);
    expect(await runCli(argv, io)).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe("");
  });

  it("exits 2 when the input is not JSON", async () => {
    const { io, out } = fakeIo("{ not json");
    expect(await runCli(["dr", "-"], io)).toBe(2);
    expect(out.stderr).toMatch(/not valid JSON/);
  });

  it("shows its usage with --help", async () => {
    const { io, out } = fakeIo();
    expect(await runCli(["dr", "--help"], io)).toBe(0);
    expect(out.stdout).toMatch(/Usage: tablewright dr/);
  });
});
