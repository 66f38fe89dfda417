import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeFsError, ensureDirectory, isFsError, writeOutputFile } from "./write-output";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tablewright-write-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("ensureDirectory", () => {
  it("creates missing parents and accepts an existing folder", async () => {
    const target = path.join(dir, "a", "b", "c");
    expect(await ensureDirectory(target)).toEqual({ ok: true });
    expect(statSync(target).isDirectory()).toBe(true);
    expect(await ensureDirectory(target)).toEqual({ ok: true });
  });

  it("names the file that stands where a folder should be", async () => {
    writeFileSync(path.join(dir, "f"), "");
    expect(await ensureDirectory(path.join(dir, "f", "x", "y"))).toEqual({
      ok: false,
      message: `${path.join(dir, "f")} exists and is not a directory`,
    });
  });

  it("ends on procfs, where mkdir says ENOENT below an existing folder", { timeout: 10_000 }, async () => {
    const result = await ensureDirectory("/proc/tablewright-nope/x");
    expect(result).toEqual({
      ok: false,
      message: "cannot create directory /proc/tablewright-nope: no such file or directory (ENOENT)",
    });
  });
});

describe("writeOutputFile", () => {
  it("writes the bytes, creating the folder", async () => {
    const file = path.join(dir, "deep", "x.txt");
    expect(await writeOutputFile(file, "hello")).toEqual({ ok: true });
    expect(readFileSync(file, "utf8")).toBe("hello");
  });

  it("reports a directory in the file's place", async () => {
    expect(await writeOutputFile(dir, "x")).toEqual({
      ok: false,
      message: `cannot write ${dir}: is a directory (EISDIR)`,
    });
  });
});

describe("describeFsError and isFsError", () => {
  it.each([
    [{ code: "EACCES", syscall: "open" }, "permission denied (EACCES)", true],
    [{ code: "EWEIRD", syscall: "open" }, "eweird (EWEIRD)", true],
    [new Error("plain"), "plain", false],
    ["text", "text", false],
  ])("%j -> %s", (error, text, fs) => {
    expect(describeFsError(error)).toBe(text);
    expect(isFsError(error)).toBe(fs);
  });
});
