import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { type TableRequest, TableRequestSchema } from "../request/schema";

/** For tests only: the shared valid example requests, parsed with defaults applied. */
export const VALID_EXAMPLES_DIR = path.resolve(import.meta.dirname, "../../../examples/requests/valid");

export function loadValidExamples(): { name: string; request: TableRequest }[] {
  return readdirSync(VALID_EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      request: TableRequestSchema.parse(JSON.parse(readFileSync(path.join(VALID_EXAMPLES_DIR, f), "utf8"))),
    }));
}

// biome-ignore lint/suspicious/noExplicitAny: hcl2json returns untyped JSON.
export type HclJson = Record<string, any>;

/** Parses every .tf file of a rendered module with HashiCorp's HCL parser (WASM). */
export async function parseModule(files: Record<string, string>): Promise<Record<string, HclJson>> {
  const out: Record<string, HclJson> = {};
  for (const [file, content] of Object.entries(files)) {
    if (file.endsWith(".tf")) out[file] = await parse(file, content);
  }
  return out;
}
