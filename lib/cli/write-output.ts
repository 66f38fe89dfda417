import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** Success, or one line that names the path that failed and why (for `tablewright <cmd>: ...`). */
export type WriteOutcome = { ok: true } | { ok: false; message: string };

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  EEXIST: "already exists",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENAMETOOLONG: "name too long",
  ELOOP: "too many symbolic links",
};

/** `permission denied (EACCES)` for a Node system error; its message for anything else. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return `${REASONS[code] ?? code.toLowerCase()} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** True for the errors Node raises from a failed system call (they carry `code` and `syscall`). */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  const e = error as { code?: unknown; syscall?: unknown } | null;
  return typeof e?.code === "string" && typeof e.syscall === "string";
}

type PathKind = "directory" | "other" | "missing" | { error: unknown };

async function pathKind(target: string): Promise<PathKind> {
  try {
    return (await stat(target)).isDirectory() ? "directory" : "other";
  } catch (error) {
    // ENOTDIR: a file stands somewhere above; walking up names it.
    const code = (error as { code?: string }).code;
    return code === "ENOENT" || code === "ENOTDIR" ? "missing" : { error };
  }
}

/**
 * Creates `dir` and its missing parents, one `mkdir` per missing component.
 *
 * Not `mkdir(dir, { recursive: true })`: under procfs (`/proc/nope/x`) Node's recursive mkdir gets
 * ENOENT for `/proc/nope`, EEXIST for `/proc`, and retries the pair forever at full CPU (seen with
 * Node 20.20 on Linux). Here the walk up ends at the first existing ancestor and the walk down makes
 * each component once, so every path ends in a bounded number of system calls.
 */
export async function ensureDirectory(dir: string): Promise<WriteOutcome> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const kind = await pathKind(current);
    if (kind === "directory") break;
    if (kind === "other") return { ok: false, message: `${current} exists and is not a directory` };
    if (kind !== "missing") return { ok: false, message: `cannot access ${current}: ${describeFsError(kind.error)}` };
    const parent = path.dirname(current);
    if (parent === current) return { ok: false, message: `${current} does not exist` };
    missing.unshift(current);
    current = parent;
  }
  for (const component of missing) {
    try {
      await mkdir(component);
    } catch (error) {
      // Someone else made it meanwhile: fine as long as it is a folder.
      if ((error as { code?: string }).code === "EEXIST" && (await pathKind(component)) === "directory") continue;
      return { ok: false, message: `cannot create directory ${component}: ${describeFsError(error)}` };
    }
  }
  return { ok: true };
}

/** Writes `data` to `file`, creating its folder first; never throws for file-system reasons. */
export async function writeOutputFile(file: string, data: string | Uint8Array): Promise<WriteOutcome> {
  const folder = await ensureDirectory(path.dirname(file));
  if (!folder.ok) return { ok: false, message: `cannot write ${file}: ${folder.message}` };
  try {
    await writeFile(file, data);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `cannot write ${file}: ${describeFsError(error)}` };
  }
}
