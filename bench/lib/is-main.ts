import { pathToFileURL } from "node:url";

/** Whether the module at `url` is the script node (or tsx) was started with, not an import. */
export function isMain(url: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && url === pathToFileURL(entry).href;
}
