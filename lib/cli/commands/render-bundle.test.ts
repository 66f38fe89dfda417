import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VALID_EXAMPLES_DIR } from "../../domain/terraform/test-support";
import type { CliIo } from "../command";
import { runCli } from "../main";

let dir: string;
let out: string[];
let err: string[];
const io = (): CliIo => ({
  stdout: (t) => out.push(t),
  stderr: (t) => err.push(t),
  readStdin: async () => "",
  cwd: dir,
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tablewright-cli-"));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const examples = readdirSync(VALID_EXAMPLES_DIR).filter((f) => f.endsWith(".json"));

describe("tablewright render", () => {
  it.each(examples)("writes the module for %s", async (file) => {
    const code = await runCli(
      ["render", path.join(VALID_EXAMPLES_DIR, file), "--out", "mod", "--change-request", "CR-7"],
      io(),
    );
    expect(err.join("")).toBe("");
    expect(code).toBe(0);
    const files = readdirSync(path.join(dir, "mod"));
    expect(files).toContain("main.tf");
    const readme = readFileSync(path.join(dir, "mod", "README.md"), "utf8");
    expect(readme).toContain("CR-7");
    expect(readme).toMatch(/at prices dated \d{4}-\d{2}-\d{2}/);
    expect(readme).toContain("RPO:");
  });

  it("exits 1 with the issues and writes nothing for an invalid request", async () => {
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ tableName: "x" }));
    const code = await runCli(["render", "bad.json", "--out", "mod"], io());
    expect(code).toBe(1);
    expect(JSON.parse(out.join("")).valid).toBe(false);
    expect(readdirSync(dir)).toEqual(["bad.json"]);
  });

  it("exits 2 for an unreadable file or a missing --out", async () => {
    expect(await runCli(["render", "missing.json", "--out", "mod"], io())).toBe(2);
    expect(await runCli(["render", path.join(VALID_EXAMPLES_DIR, examples[0] as string)], io())).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("tablewright bundle", () => {
  it("writes the same zip twice, with the module under the table folder and a manifest", async () => {
    const request = path.join(VALID_EXAMPLES_DIR, examples[0] as string);
    expect(await runCli(["bundle", request, "--out", "a/one.zip"], io())).toBe(0);
    expect(await runCli(["bundle", request, "--out", "two.zip"], io())).toBe(0);
    const one = readFileSync(path.join(dir, "a/one.zip"));
    expect(one.equals(readFileSync(path.join(dir, "two.zip")))).toBe(true);
    const entries = unzipSync(new Uint8Array(one));
    const manifestName = Object.keys(entries).find((n) => n.endsWith("/manifest.json")) as string;
    const manifest = JSON.parse(strFromU8(entries[manifestName] as Uint8Array));
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain("main.tf");
  });

  it("exits 1 and writes no zip for an invalid request", async () => {
    writeFileSync(path.join(dir, "bad.json"), "{}");
    expect(await runCli(["bundle", "bad.json", "--out", "x.zip"], io())).toBe(1);
    expect(readdirSync(dir)).toEqual(["bad.json"]);
  });
});
