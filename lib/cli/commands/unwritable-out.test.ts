import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VALID_EXAMPLES_DIR } from "../../domain/terraform/test-support";
import type { CliIo } from "../command";
import { runCli } from "../main";

// An --out that cannot be written exits 2 with one line naming the path and the reason: no stack
// trace, and no hang (Node's recursive mkdir once spun forever on /proc/nope/x). The per-test
// timeout is the hang guard, not a speed target.
const HANG_GUARD = { timeout: 10_000 };
const REQUEST = path.join(VALID_EXAMPLES_DIR, "basic-dev.json");
const isRoot = process.getuid?.() === 0;

let dir: string;
let out: string;
let err: string;
const io = (): CliIo => ({
  stdout: (t) => {
    out += t;
  },
  stderr: (t) => {
    err += t;
  },
  readStdin: async () => "",
  cwd: dir,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tablewright-out-"));
  out = "";
  err = "";
});
afterEach(() => {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir)) chmodSync(path.join(dir, entry), 0o700);
  rmSync(dir, { recursive: true, force: true });
});

async function expectRefused(argv: string[], ...mentions: (string | RegExp)[]) {
  const code = await runCli(argv, io());
  expect(code).toBe(2);
  expect(out).toBe("");
  expect(err.trimEnd().split("\n")).toHaveLength(1);
  expect(err).toMatch(new RegExp(`^tablewright ${argv[0]}: `));
  expect(err).not.toMatch(/\n\s+at /);
  for (const mention of mentions) expect(err).toMatch(mention);
}

describe.each([
  ["bundle", "x.zip"],
  ["render", "module"],
])("tablewright %s with an --out it cannot write", (command, leaf) => {
  it.skipIf(!existsSync("/proc/self"))(
    "under /proc (where Node's recursive mkdir never returns)",
    HANG_GUARD,
    async () => {
      await expectRefused([command, REQUEST, "--out", `/proc/nope/${leaf}`], "/proc/nope", "(ENOENT)");
    },
  );

  it("under a file", HANG_GUARD, async () => {
    writeFileSync(path.join(dir, "file"), "not a folder");
    await expectRefused(
      [command, REQUEST, "--out", `file/deeper/${leaf}`],
      `${path.join(dir, "file")} exists and is not a directory`,
    );
    expect(readdirSync(dir)).toEqual(["file"]);
  });

  // root writes through file modes, so the read-only case can only be shown as another user.
  it.skipIf(isRoot)("in a read-only folder", HANG_GUARD, async () => {
    mkdirSync(path.join(dir, "locked"));
    chmodSync(path.join(dir, "locked"), 0o500);
    await expectRefused([command, REQUEST, "--out", `locked/sub/${leaf}`], "locked", "permission denied (EACCES)");
  });

  it.skipIf(!existsSync("/sys/kernel"))("under /sys, which refuses new entries even to root", HANG_GUARD, async () => {
    await expectRefused([command, REQUEST, "--out", `/sys/tablewright-nope/${leaf}`], "/sys/tablewright-nope");
  });
});

describe("tablewright bundle --out naming a folder", () => {
  it("exits 2: a zip cannot replace a directory", async () => {
    mkdirSync(path.join(dir, "taken"));
    await expectRefused(["bundle", REQUEST, "--out", "taken"], "is a directory (EISDIR)");
  });
});
