import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderModule } from "../../domain/terraform";
import { type CliCommand, EXIT } from "../command";
import { prepareRequest, reportUnrenderable } from "./module-output";

const USAGE = `Usage: tablewright render <request.json | -> --out <dir> [--change-request <key>] [--revision <n>]

Validates the request, then writes its Terraform module (versions.tf, providers.tf, main.tf, ...,
README.md, request.json) into <dir>. Same request, same bytes.

Exit codes: 0 written, 1 invalid request (issues as JSON on standard output; nothing written),
2 unreadable input or bad usage.`;

/** `tablewright render`: the module as files in a directory. */
export const renderCommand: CliCommand = {
  name: "render",
  summary: "Write the Terraform module for a valid request into a directory",
  usage: USAGE,
  run: async (args, io) => {
    const prepared = await prepareRequest("render", USAGE, args, io);
    if (!prepared.ok) return prepared.code;
    let files: Record<string, string>;
    try {
      files = renderModule(prepared.request, prepared.context);
    } catch (error) {
      return reportUnrenderable("render", error, io);
    }
    const dir = path.resolve(io.cwd, prepared.out);
    await mkdir(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
    io.stdout(`${Object.keys(files).length} files written to ${prepared.out}\n`);
    return EXIT.ok;
  },
};
