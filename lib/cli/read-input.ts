import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CliIo } from "./command";

/** Largest input the CLI reads, same as the API's body limit. */
export const MAX_INPUT_BYTES = 1_048_576;

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads a JSON document from a file path or `-` (stdin); never throws. */
export async function readJsonInput(
  source: string | undefined,
  io: CliIo,
  maxBytes = MAX_INPUT_BYTES,
): Promise<ReadJsonResult> {
  if (!source) return { ok: false, message: "missing input: give a file path or - for standard input" };
  let text: string;
  try {
    text = source === "-" ? await io.readStdin() : await readFile(path.resolve(io.cwd, source), "utf8");
  } catch (error) {
    return { ok: false, message: `cannot read ${source}: ${(error as Error).message}` };
  }
  if (Buffer.byteLength(text) > maxBytes) {
    return { ok: false, message: `${source} is larger than ${maxBytes} bytes` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${source} is not valid JSON: ${(error as Error).message}` };
  }
}
