import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

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
  const existing = existsSync(dir) ? await readdir(dir) : [];
  const previous = await readManifest(dir);
  if (existing.length > 0 && previous === undefined && !force) {
    return {
      ok: false,
      message: `${dir} is not empty and was not written by tablewright render (no ${RENDER_MANIFEST}); choose an empty folder, or pass --force to write over it`,
    };
  }
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
  const removed: string[] = [];
  for (const file of previous ?? []) {
    if (file in files || !existsSync(path.join(dir, file))) continue;
    await rm(path.join(dir, file), { force: true });
    removed.push(file);
  }
  await writeFile(path.join(dir, RENDER_MANIFEST), `${JSON.stringify({ files: Object.keys(files) }, null, 2)}\n`);
  const untouched = previous === undefined ? existing.filter((f) => !(f in files) && f !== RENDER_MANIFEST).sort() : [];
  return { ok: true, removed, untouched };
}
