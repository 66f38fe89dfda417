import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { describeFsError, ensureDirectory, writeOutputFile } from "../write-output";

/** What `render` writes next to the module: the files it wrote, so the next render can remove stale ones. */
export const RENDER_MANIFEST = ".tablewright-files.json";

const PLAIN_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export type WriteModuleResult = { ok: true; removed: string[]; untouched: string[] } | { ok: false; message: string };

async function readManifest(dir: string): Promise<string[] | undefined> {
  const file = path.join(dir, RENDER_MANIFEST);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as { files?: unknown };
    if (!Array.isArray(parsed.files)) return undefined;
    // Only plain names in this folder: a tampered manifest can never delete anything else.
    return parsed.files.filter(
      (f): f is string => typeof f === "string" && PLAIN_FILE.test(f) && f !== RENDER_MANIFEST,
    );
  } catch {
    return undefined;
  }
}

/**
 * Writes a rendered module into `dir` so the folder holds exactly this render: files the previous
 * render wrote (its manifest) and this one does not are removed, e.g. `autoscaling.tf` after a table
 * moved to on-demand. A non-empty folder that no render wrote is refused unless `force`; with it,
 * files that are not this render's are left and listed in `untouched`.
 */
export async function writeModuleDir(
  dir: string,
  files: Record<string, string>,
  force: boolean,
): Promise<WriteModuleResult> {
  const listed = await listFolder(dir);
  if (!listed.ok) return listed;
  const existing = listed.entries;
  const previous = await readManifest(dir);
  if (existing.length > 0 && previous === undefined && !force) {
    return {
      ok: false,
      message: `${dir} is not empty and was not written by tablewright render (no ${RENDER_MANIFEST}); choose an empty folder, or pass --force to write over it`,
    };
  }
  const folder = await ensureDirectory(dir);
  if (!folder.ok) return { ok: false, message: `cannot write into ${dir}: ${folder.message}` };
  for (const [file, content] of Object.entries(files)) {
    const written = await writeOutputFile(path.join(dir, file), content);
    if (!written.ok) return written;
  }
  const removed: string[] = [];
  for (const file of previous ?? []) {
    if (file in files || !existsSync(path.join(dir, file))) continue;
    try {
      await rm(path.join(dir, file), { force: true });
    } catch (error) {
      return { ok: false, message: `cannot remove ${path.join(dir, file)}: ${describeFsError(error)}` };
    }
    removed.push(file);
  }
  const manifest = await writeOutputFile(
    path.join(dir, RENDER_MANIFEST),
    `${JSON.stringify({ files: Object.keys(files) }, null, 2)}\n`,
  );
  if (!manifest.ok) return manifest;
  const untouched = previous === undefined ? existing.filter((f) => !(f in files) && f !== RENDER_MANIFEST).sort() : [];
  return { ok: true, removed, untouched };
}

/** The folder's entries; none when it does not exist yet (or a file stands in its way); a message when unreadable. */
async function listFolder(dir: string): Promise<{ ok: true; entries: string[] } | { ok: false; message: string }> {
  try {
    return { ok: true, entries: await readdir(dir) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Missing, or a file in the way: ensureDirectory then names the exact path that is not a folder.
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: true, entries: [] };
    return { ok: false, message: `cannot read ${dir}: ${describeFsError(error)}` };
  }
}
