import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parsePriceCsv } from "../../lib/domain/cost/price-csv";
import { parseReservedCsv } from "../../lib/domain/cost/reserved-price-csv";

/** Where the project keeps AWS's price file and the JSON the engine imports. */
export const PRICE_CSV_PATH = "prices/dynamodb-prices.csv";
export const PRICE_JSON_PATH = "lib/domain/cost/price-list.json";
/** Reserved capacity: not in AWS's per-Region price file, kept beside it with its own source. */
export const RESERVED_CSV_PATH = "prices/dynamodb-reserved-capacity.csv";
export const RESERVED_JSON_PATH = "lib/domain/cost/reserved-capacity-prices.json";

async function writeJson(target: string, value: unknown): Promise<void> {
  await writeFile(`${target}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  await rename(`${target}.tmp`, target);
}

/**
 * Regenerates `lib/domain/cost/price-list.json` (and the reserved-capacity JSON) from the CSVs. The
 * JSON is what ships to the browser; the CSVs stay the reviewable source of truth. Writes via a temp
 * file so a failure leaves the old file.
 */
export async function generatePriceListJson(root: string): Promise<{ regions: number; publicationDate: string }> {
  const list = parsePriceCsv(await readFile(path.join(root, PRICE_CSV_PATH), "utf8"));
  const reserved = parseReservedCsv(await readFile(path.join(root, RESERVED_CSV_PATH), "utf8"));
  await writeJson(path.join(root, PRICE_JSON_PATH), list);
  await writeJson(path.join(root, RESERVED_JSON_PATH), reserved);
  return { regions: Object.keys(list.regions).length, publicationDate: list.publicationDate };
}
