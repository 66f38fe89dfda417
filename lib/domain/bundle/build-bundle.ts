import { strToU8, zipSync } from "fflate";
import { estimateCost } from "../cost/estimate-cost";
import type { CostEstimate } from "../cost/types";
import type { TableRequest } from "../request/schema";
import type { RenderContext } from "../terraform/model";
import { renderModule } from "../terraform/render-module";
import { moduleFolderName as folderName, withCatalogInfo } from "./catalog-info";
import { withInfracostUsage } from "./infracost-usage";
import { sha256Hex } from "./sha256";

/**
 * Every entry gets 2000-01-01 12:00, so the same files always zip to the same bytes. fflate
 * writes DOS times from local-time getters, so the date is built from local fields at call time:
 * the bytes do not depend on the time zone, even if it changes while the process runs.
 */
function fixedEntryTime(): Date {
  return new Date(2000, 0, 1, 12, 0, 0);
}
/** Unix regular file, mode 0644, so unzip gives ordinary permissions everywhere. */
const FILE_ATTRS = (0o100644 << 16) >>> 0;
const UNIX = 3;

export interface BundleManifest {
  table: string;
  files: { path: string; sha256: string; bytes: number }[];
}

export interface BundleOptions {
  /** Synchronous SHA-256 as lowercase hex; defaults to the built-in pure implementation. */
  hash?: (data: Uint8Array) => string;
  /** The estimate whose workload the Infracost usage file states; default: `estimateCost(request)`. */
  estimate?: CostEstimate;
}

/**
 * Zips module files under `<folder>/` with `<folder>/manifest.json` listing each file's SHA-256.
 * Entries are sorted and carry fixed times and attributes: same files, same bytes.
 */
export function zipModule(folder: string, files: Record<string, string>, options: BundleOptions = {}): Uint8Array {
  const hash = options.hash ?? sha256Hex;
  const paths = Object.keys(files).sort();
  const encoded = new Map(paths.map((p) => [p, strToU8(files[p] as string)]));
  const manifest: BundleManifest = {
    table: folder,
    files: paths.map((path) => {
      const data = encoded.get(path) as Uint8Array;
      return { path, sha256: hash(data), bytes: data.length };
    }),
  };
  encoded.set("manifest.json", strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
  const mtime = fixedEntryTime();
  const entries: Record<string, [Uint8Array, { mtime: Date; os: number; attrs: number; level: 6 }]> = {};
  for (const path of [...encoded.keys()].sort()) {
    entries[`${folder}/${path}`] = [encoded.get(path) as Uint8Array, { mtime, os: UNIX, attrs: FILE_ATTRS, level: 6 }];
  }
  return zipSync(entries);
}

/**
 * Renders a request's module, adds `infracost-usage.yml` for the same workload and
 * `catalog-info.yaml` (the table as a Backstage entity), and zips them (see `zipModule`). Pure:
 * runs in the browser too.
 */
export function buildBundle(
  request: TableRequest,
  context: RenderContext = {},
  options: BundleOptions = {},
): Uint8Array {
  const module = withInfracostUsage(renderModule(request, context), request, options.estimate ?? estimateCost(request));
  const files = withCatalogInfo(module, request, { changeRequestKey: context.changeRequestKey });
  return zipModule(folderName(request.tableName), files, options);
}
