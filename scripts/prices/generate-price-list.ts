import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parsePriceCsv } from "../../lib/domain/cost/price-csv";

/** Where the project keeps AWS's price file and the JSON the engine imports. */
export const PRICE_CSV_PATH = "prices/dynamodb-prices.csv";
export const PRICE_JSON_PATH = "lib/domain/cost/price-list.json";

/**
 * Regenerates `lib/domain/cost/price-list.json` from the CSV. The JSON is what ships to the browser;
 * the CSV stays the reviewable source of truth. Writes via a temp file so a failure leaves the old file.
 */
export async function generatePriceListJson(root: string): Promise<{ regions: number; publicationDate: string }> {
  const csv = await readFile(path.join(root, PRICE_CSV_PATH), "utf8");
  const list = parsePriceCsv(csv);
  const target = path.join(root, PRICE_JSON_PATH);
  await writeFile(`${target}.tmp`, `${JSON.stringify(list, null, 2)}\n`);
  await rename(`${target}.tmp`, target);
  return { regions: Object.keys(list.regions).length, publicationDate: list.publicationDate };
}
